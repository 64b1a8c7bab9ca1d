// The search port and its two implementations; the only place (with them) that knows the SQL dialect.
import type { Database } from '../db/database.ts';
import { createPostgresSearch } from './postgres-fts.ts';
import type { SearchProvider } from './provider.ts';
import { createSqliteSearch } from './sqlite-fts5.ts';

export type { Facet, SearchDoc, SearchHit, SearchProvider, SearchQuery, SearchResult } from './provider.ts';
export { MAX_PAGE_SIZE } from './provider.ts';
export { normaliseDocNo, normaliseIndexNo } from './numbers.ts';

export function createSearchProvider(database: Pick<Database, 'db' | 'dialect'>): SearchProvider {
  return database.dialect.name === 'sqlite' ? createSqliteSearch(database.db) : createPostgresSearch(database.db);
}
