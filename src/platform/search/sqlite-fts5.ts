// SQLite: FTS5 (external content over srch_doc, `ascii` tokenizer, see the migrations), ranked by bm25 with
// the title column weighted 10 : 1 against the body. Matches join the narrow srch_facet rows by the FTS5
// rowid (= srch_doc's rowid); FTS5 walks its doclists newest rowid first without sorting.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchProvider } from './provider.ts';
import { DEFAULT_LIMITS, runSearch, type FullText, type SearchLimits } from './query.ts';
import { createStore } from './store.ts';

/** Every token as an FTS5 string ("…", quotes doubled), so no token is read as syntax; juxtaposition = AND. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

const fullText = (tokens: string[]): FullText => ({
  from: sql`srch_fts join srch_facet d on d.doc_rowid = srch_fts.rowid`,
  match: sql`srch_fts match ${ftsQuery(tokens)}`,
  // bm25 is lower for better matches; negated so higher is better, as on PostgreSQL.
  score: sql<number>`-bm25(srch_fts, 10.0, 1.0)`,
  key: sql`srch_fts.rowid`,
  pageJoin: sql`x.rowid = p.k`,
  newestFirst: sql`srch_fts.rowid desc`,
});

export function createSqliteSearch(db: Kysely<DB>, limits: SearchLimits = DEFAULT_LIMITS): SearchProvider {
  return { ...createStore(db), search: (query) => runSearch(db, query, fullText, limits) };
}
