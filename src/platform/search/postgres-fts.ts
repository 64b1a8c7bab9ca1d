// PostgreSQL: the generated tsvector `tsv` (title weight A, body weight B, `simple` configuration; see the
// migration) with a GIN index, ranked by ts_rank with the title weighted 10 : 1 against the body.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchProvider } from './provider.ts';
import { runSearch, type FullText } from './query.ts';
import { createStore } from './store.ts';

// ts_rank weights in the order {D, C, B, A}.
const WEIGHTS = '{0, 0, 0.1, 1.0}';

const fullText = (tokens: string[]): FullText => {
  // plainto_tsquery ANDs the words and reads no operators, so no token is taken as tsquery syntax.
  const tsquery = sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
  return {
    from: sql`srch_doc d`,
    match: sql`d.tsv @@ ${tsquery}`,
    score: sql<number>`ts_rank(${WEIGHTS}::float4[], d.tsv, ${tsquery})`,
  };
};

export function createPostgresSearch(db: Kysely<DB>): SearchProvider {
  return { ...createStore(db), search: (query) => runSearch(db, query, fullText) };
}
