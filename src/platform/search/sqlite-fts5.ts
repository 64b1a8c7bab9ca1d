// SQLite: FTS5 (contentless, one column of title, body and filter tokens, `ascii` tokenizer; migration
// 2026-12-07T0300), the main index written by the app (sqlite-fts5-index.ts), the small title index srch_title_fts
// by triggers. The filter tokens (filter-tokens.ts) sit next to the words and never match one; title matches, the
// first ranking tier, come from the title index. Matches join the narrow srch_facet rows by the FTS5 rowid
// (= srch_doc's rowid); FTS5 walks its doclists newest rowid first.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { filterMatch } from './filter-tokens.ts';
import type { SearchProvider, SearchQuery } from './provider.ts';
import { DEFAULT_LIMITS, runSearch, type FullText, type SearchLimits } from './query.ts';
import { moveOrgPaths, reindexStoredRows, sqliteIndexFollower } from './sqlite-fts5-index.ts';
import { createStore } from './store.ts';

/** Every token as an FTS5 string ("…", quotes doubled), so no token is read as syntax; juxtaposition = AND. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** Every word (in the title or the body; only the title in the title index), and the filters (filter-tokens.ts). */
export function ftsMatch(tokens: string[], query: SearchQuery): string {
  const words = `(${ftsQuery(tokens)})`;
  const filters = filterMatch(query);
  return filters ? `${words} AND ${filters}` : words;
}

// Both indexes hold the filter tokens next to the words, so one match expression serves both.
const fullText = (tokens: string[], query: SearchQuery): FullText => {
  const expression = ftsMatch(tokens, query);
  return {
    from: sql`srch_fts join srch_facet d on d.doc_rowid = srch_fts.rowid`,
    match: sql`srch_fts match ${expression}`,
    titleScore: null,
    title: {
      from: sql`srch_title_fts join srch_facet d on d.doc_rowid = srch_title_fts.rowid`,
      match: sql`srch_title_fts match ${expression}`,
      key: sql`srch_title_fts.rowid`,
      newestFirst: sql`srch_title_fts.rowid desc`,
    },
    key: sql`srch_fts.rowid`,
    narrowJoin: sql`d.doc_rowid = m.k`,
    pageJoin: sql`x.rowid = pg.k`,
    newestFirst: sql`srch_fts.rowid desc`,
  };
};

export function createSqliteSearch(db: Kysely<DB>, limits: SearchLimits = DEFAULT_LIMITS): SearchProvider {
  const store = createStore(db, sqliteIndexFollower);
  return {
    ...store,
    moveOrgPaths: (from, to) => moveOrgPaths(db, from, to),
    reindexStoredRows: async () => {
      await reindexStoredRows(db);
      return store.count();
    },
    search: (query) => runSearch(db, query, fullText, limits),
  };
}
