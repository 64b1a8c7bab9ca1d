// PostgreSQL: the tsvector `tsv` of the narrow srch_facet rows (title weight A, body weight B, `simple`
// configuration; see the migrations) with a GIN index; a title match (the first ranking tier, query.ts) is a
// match of the words restricted to weight A. Matching, counting and ranking read srch_facet only; the page's rows
// come from srch_doc.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchProvider } from './provider.ts';
import { DEFAULT_LIMITS, runSearch, type FullText, type SearchLimits } from './query.ts';
import { createStore } from './store.ts';

const fullText = (tokens: string[]): FullText => {
  // plainto_tsquery ANDs the words and reads no operators, so no token is taken as tsquery syntax.
  const tsquery = sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
  return {
    from: sql`srch_facet d`,
    match: sql`d.tsv @@ ${tsquery}`,
    // Title tokens carry weight A: the title holds every word when the words restricted to weight A match. Tokens
    // are letters and digits only (platform/text/segment.ts), so they cannot be read as tsquery operators.
    titleScore: sql<number>`case when d.tsv @@ to_tsquery('simple', ${tokens.map((t) => `'${t}':A`).join(' & ')}) then 1 else 0 end`,
    title: null,
    key: sql`d.id`,
    narrowJoin: sql`d.id = m.k`,
    pageJoin: sql`x.id = pg.k`,
    // A GIN bitmap scan yields matches in table order, not newest first; sorting them all would cost what the caps save.
    newestFirst: null,
  };
};

export function createPostgresSearch(db: Kysely<DB>, limits: SearchLimits = DEFAULT_LIMITS): SearchProvider {
  return { ...createStore(db), search: (query) => runSearch(db, query, fullText, limits) };
}
