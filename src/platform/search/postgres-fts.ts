// PostgreSQL: the tsvector `tsv` of the narrow srch_facet rows (title weight A, body weight B, `simple`
// configuration; see the migrations) with a GIN index, ranked by ts_rank with the title weighted 10 : 1
// against the body. Matching, counting and ranking read srch_facet only; the page's rows come from srch_doc.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchProvider } from './provider.ts';
import { DEFAULT_LIMITS, runSearch, type FullText, type SearchLimits } from './query.ts';
import { createStore } from './store.ts';

// ts_rank weights in the order {D, C, B, A}.
const WEIGHTS = '{0, 0, 0.1, 1.0}';

const fullText = (tokens: string[]): FullText => {
  // plainto_tsquery ANDs the words and reads no operators, so no token is taken as tsquery syntax.
  const tsquery = sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
  return {
    from: sql`srch_facet d`,
    match: sql`d.tsv @@ ${tsquery}`,
    score: sql<number>`ts_rank(${WEIGHTS}::float4[], d.tsv, ${tsquery})`,
    key: sql`d.id`,
    pageJoin: sql`x.id = p.k`,
    // A GIN bitmap scan yields matches in table order, not newest first; sorting them all would cost what the caps save.
    newestFirst: null,
  };
};

export function createPostgresSearch(db: Kysely<DB>, limits: SearchLimits = DEFAULT_LIMITS): SearchProvider {
  return { ...createStore(db), search: (query) => runSearch(db, query, fullText, limits) };
}
