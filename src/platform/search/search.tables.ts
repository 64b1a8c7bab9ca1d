/**
 * The search index: one row per indexed item, written only by the search provider. A removal leaves a
 * tombstone (`removed` = 1, content emptied) that keeps the version, so a late upsert cannot bring a
 * withdrawn item back. Not in the table (dialect-specific, derived from `title_tokens` and `tokens`):
 * the FTS5 table `srch_fts` on SQLite, the generated `tsv` column on PostgreSQL.
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
  /** Space-separated index tokens of the body, 发文字号 and 索引号 (see platform/text/segment.ts). */
  tokens: string;
}
