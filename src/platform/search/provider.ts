// The search port (DESIGN.md §3 "Search"). Callers index published content from publish/withdraw events
// and query it for the portal; the implementation (SQLite FTS5 or PostgreSQL tsvector) is chosen in index.ts.
import type { Insertable } from 'kysely';
import type { SearchDocTable } from './search.tables.ts';

export type SearchDoc = {
  id: string;
  /** Grows with every change of the item; a write with a lower version than the stored one is ignored. */
  version: number;
  orgId: string;
  /** The organisation's materialised path ('/root/…/self/'), for subtree filters. */
  orgPath: string;
  title: string;
  /** Plain text (no markup). */
  body: string;
  docNo: string | null;
  indexNo: string | null;
  topic: string | null;
  genre: string | null;
  year: number | null;
  validity: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string;
  url: string;
  /** 'document' | 'interpretation' | 'qa' … */
  kind: string;
};

export type SearchQuery = {
  q: string;
  /** Organisation path prefixes; absent = everywhere, empty = nowhere. */
  orgRoots?: string[];
  topic?: string;
  genre?: string;
  year?: number;
  validity?: string;
  kind?: string;
  /** 1-based. */
  page: number;
  /** Capped at MAX_PAGE_SIZE. */
  size: number;
};

export type SearchHit = {
  id: string;
  title: string;
  url: string;
  orgId: string;
  docNo: string | null;
  publishedAt: string;
  validity: string | null;
  kind: string;
  /** HTML-escaped text with <mark>…</mark> around matches, ≤ 160 characters of text. */
  snippet: string;
  /** Escaped title with <mark>. */
  titleHtml: string;
};

export type Facet = { value: string; count: number }[];

export type SearchResult = {
  /** Exact up to COUNT_CAP (query.ts) matches; past it, COUNT_CAP with `totalIsEstimate`. */
  total: number;
  /** More than `total` documents match: the total was not counted out, and facets count the first `total` matches only. */
  totalIsEstimate: boolean;
  items: SearchHit[];
  facets: { topic: Facet; genre: Facet; year: Facet; validity: Facet; kind: Facet };
};

/** A document turned into its index row by `prepareDoc` (segmented, tokens computed); structured-cloneable. */
export type PreparedDoc = Insertable<SearchDocTable>;

export interface SearchProvider {
  /** Idempotent and versioned: an upsert or removal with a version lower than the stored one is ignored, so a late event cannot resurrect withdrawn content. */
  upsert(doc: SearchDoc): Promise<void>;
  /** Bulk (re-)indexing of rows from `prepareDoc`, with upsert's version rules; the caller's transaction makes a batch atomic. */
  upsertMany(rows: PreparedDoc[]): Promise<void>;
  remove(id: string, version: number): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Exact lookups that go straight to a document: normalised 发文字号 or 索引号 (at least 6 characters with a digit, else null). */
  findByNumber(value: string): Promise<{ id: string; url: string } | null>;
  count(): Promise<number>;
  clear(): Promise<void>;
  /**
   * An organisation moved: rows under the path prefix `from` get the prefix `to` (both end with '/'), with their
   * index entries. Runs in the caller's transaction (the move's). Returns the number of rows moved.
   */
  moveOrgPaths(from: string, to: string): Promise<number>;
  /**
   * After rows were loaded into srch_doc directly (a restore, a move between databases): indexes every live row
   * again from its stored values, computing the body tokens that SQLite does not store. Returns the live rows.
   */
  reindexStoredRows(): Promise<number>;
}

export const MAX_PAGE_SIZE = 100;

export const emptyResult = (): SearchResult => ({
  total: 0,
  totalIsEstimate: false,
  items: [],
  facets: { topic: [], genre: [], year: [], validity: [], kind: [] },
});
