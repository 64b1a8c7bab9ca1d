/**
 * The search index: one row per indexed item, written only by the search provider. A removal leaves a
 * tombstone (`removed` = 1, content emptied) that keeps the version, so a late upsert cannot bring a
 * withdrawn item back. Not in the table (dialect-specific, derived from `title_tokens` and `tokens`):
 * the FTS5 tables on SQLite (the main one written by the provider, sqlite-fts5-index.ts: an UPDATE of a live
 * row outside the provider drops it from search), the `tsv` column of srch_facet on PostgreSQL.
 */
export interface SearchDocTable {
  id: string;
  version: number;
  /** 1 = withdrawn (tombstone), 0 = searchable. */
  removed: number;
  org_id: string;
  /** The organisation's materialised path, for subtree filters. */
  org_path: string;
  kind: string;
  topic: string | null;
  genre: string | null;
  year: number | null;
  validity: string | null;
  published_at: string;
  doc_no: string | null;
  /** `normaliseDocNo(doc_no)`: the key `findByNumber` looks up. */
  doc_no_norm: string | null;
  /** Stored normalised (`normaliseIndexNo`). */
  index_no: string | null;
  url: string;
  title: string;
  /** Body text for snippets: whitespace collapsed, cut to MAX_BODY_CHARS. */
  body: string;
  /** Space-separated title tokens, including pinyin initials. */
  title_tokens: string;
  /**
   * Space-separated index tokens of the body, 发文字号 and 索引号 (see platform/text/segment.ts). SQLite stores them
   * only for a body cut at MAX_BODY_CHARS (else '': `bodyTokens` computes them again from the row).
   */
  tokens: string;
}

/**
 * The filter and facet columns of every live srch_doc row, written only by triggers on srch_doc (migration
 * 2026-11-26T0400): counting, faceting and ranking read these narrow rows, never the wide ones. The key is
 * dialect-specific: `doc_rowid` (srch_doc's rowid = the FTS5 rowid) on SQLite, `id` on PostgreSQL, where the
 * table also holds the `tsv` tsvector (title tokens weight A, body tokens weight B) with a GIN index.
 */
export interface SearchFacetTable {
  doc_rowid?: number;
  id?: string;
  org_path: string;
  kind: string;
  topic: string | null;
  genre: string | null;
  year: number | null;
  validity: string | null;
  published_at: string;
}
