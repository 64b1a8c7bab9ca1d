// SQLite: FTS5 (external content over srch_doc, `ascii` tokenizer, see the migration), ranked by bm25 with
// the title column weighted 10 : 1 against the body.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchProvider } from './provider.ts';
import { runSearch, type FullText } from './query.ts';
import { createStore } from './store.ts';

/** Every token as an FTS5 string ("…", quotes doubled), so no token is read as syntax; juxtaposition = AND. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

const fullText = (tokens: string[]): FullText => ({
  from: sql`srch_fts join srch_doc d on d.rowid = srch_fts.rowid`,
  match: sql`srch_fts match ${ftsQuery(tokens)}`,
  // bm25 is lower for better matches; negated so higher is better, as on PostgreSQL.
  score: sql<number>`-bm25(srch_fts, 10.0, 1.0)`,
});

export function createSqliteSearch(db: Kysely<DB>): SearchProvider {
  return { ...createStore(db), search: (query) => runSearch(db, query, fullText) };
}
