// The search port and its two implementations; the only place (with them) that knows the SQL dialect.
import type { Database } from '../db/database.ts';
import type { OrgPathCopy } from '../db/subtree.ts';
import { createPostgresSearch } from './postgres-fts.ts';
import type { SearchProvider } from './provider.ts';
import { DEFAULT_LIMITS, type SearchLimits } from './query.ts';
import { createSqliteSearch } from './sqlite-fts5.ts';

export type { Facet, PreparedDoc, SearchDoc, SearchHit, SearchProvider, SearchQuery, SearchResult } from './provider.ts';
export { toRow as prepareDoc } from './store.ts';
export { defaultPrepareThreads, inlinePreparer, startPreparePool, type PreparePool } from './prepare-pool.ts';
export { MAX_PAGE_SIZE } from './provider.ts';
export { RecordIndexer, versionOf, type IndexedRecord, type RecordSource } from './record-indexer.ts';
export { COUNT_CAP, RANK_CAP, type SearchLimits } from './query.ts';
export { normaliseDocNo, normaliseIndexNo } from './numbers.ts';

/** `limits` (the count and ranking caps, see query.ts) default to the production values. */
export function createSearchProvider(database: Pick<Database, 'db' | 'dialect'>, limits: Partial<SearchLimits> = {}): SearchProvider {
  const caps = { ...DEFAULT_LIMITS, ...limits };
  return database.dialect.name === 'sqlite' ? createSqliteSearch(database.db, caps) : createPostgresSearch(database.db, caps);
}

/**
 * The search index's copy of organisation paths: a move rewrites srch_doc through the provider, which also updates
 * the index entries (srch_facet follows by trigger).
 */
export function searchOrgPathCopies(dialect: Database['dialect']): OrgPathCopy[] {
  return [{ table: 'srch_doc', rewrite: (db, from, to) => createSearchProvider({ db, dialect }).moveOrgPaths(from, to) }];
}
