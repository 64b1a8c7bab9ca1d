// The search filters as FTS5 tokens, next to the words in the one column of both indexes (SQLite). The title
// index's trigger (migration 2026-12-07T0300) writes them in SQL from the srch_doc row, the main index's rows get
// them from `rowFilterTokens` (sqlite-fts5-index.ts); both write the same text, and `filterMatch` asks for them:
//   _o<segment> for every organisation of the row's path, _k/_t/_g/_v<hex of the UTF-8 value> for kind,
//   topic, genre and validity, _y<year>.
// '_' is a token character of the index and never part of a word token, so no filter token matches a word.
// FTS5's `ascii` tokenizer lower-cases ASCII and splits on other ASCII punctuation, so a path segment with '-'
// or '_' (removed on both sides) or other punctuation may share tokens with another one: the filter tokens
// only narrow the match, and the exact filters still run on the narrow row (query.ts). Organisation ids are
// UUIDs (hex digits and '-'), whose segments are one token.
import type { SearchQuery } from './provider.ts';
import type { SearchDocTable } from './search.tables.ts';

const ASCII_SEPARATOR = /[^A-Za-z0-9_\u0080-\uffff]+/;

/**
 * The tokens a row under the subtree at `path` has: `_o<segment>` for its segments, as the ascii tokenizer sees
 * them, without the top-level one when there are deeper ones (every row of a deeper subtree shares it, so its
 * long posting list would cost a walk and narrow little). All segments, not just the last, so that segment
 * names repeated in other branches narrow too.
 */
export function orgTokens(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  return (segments.length > 1 ? segments.slice(1) : segments).flatMap((segment) =>
    `_o${segment.replace(/[-_]/g, '')}`
      .split(ASCII_SEPARATOR)
      .filter(Boolean)
      // The tokenizer folds ASCII letters only (Ä stays Ä).
      .map((t) => t.replace(/[A-Z]+/g, (upper) => upper.toLowerCase())),
  );
}

const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');

/**
 * A row's filter tokens as the index text of the title index's trigger (migration 2026-12-07T0300) writes them:
 * every path segment without '-' and '_', then kind, year, topic, genre and validity (SQL's upper-case hex;
 * the tokenizer folds it). The same text, byte for byte: a test compares them.
 */
export function rowFilterTokens(row: { [K in 'org_path' | 'kind' | 'year' | 'topic' | 'genre' | 'validity']?: SearchDocTable[K] }): string {
  const upperHex = (value: string) => hex(value).toUpperCase();
  let text = `_o${(row.org_path ?? '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/[-_]/g, '')
    .replace(/\//g, ' _o')} _k${upperHex(row.kind ?? '')}`;
  if (row.year != null) text += ` _y${row.year}`;
  // SQL's hex(NULL) is '', so a missing value still writes its bare prefix (_t), a token no query asks for.
  return `${text} _t${upperHex(row.topic ?? '')} _g${upperHex(row.genre ?? '')} _v${upperHex(row.validity ?? '')}`;
}
const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;

/**
 * The FTS5 expression every row passing the query's filters matches, or null when the
 * query has no filter the index can narrow by. An empty org root list matches nothing and is left to SQL.
 */
export function filterMatch(query: Pick<SearchQuery, 'orgRoots' | 'topic' | 'genre' | 'year' | 'validity' | 'kind'>): string | null {
  const terms: string[] = [];
  const roots = query.orgRoots?.map(orgTokens).filter((t) => t.length > 0) ?? [];
  if (roots.length > 0 && roots.length === query.orgRoots!.length) {
    const alternatives = roots.map((tokens) => `(${tokens.map(quoted).join(' AND ')})`);
    terms.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);
  }
  if (query.kind != null) terms.push(quoted(`_k${hex(query.kind)}`));
  if (query.year != null && Number.isSafeInteger(query.year)) terms.push(quoted(`_y${query.year}`));
  if (query.topic != null) terms.push(quoted(`_t${hex(query.topic)}`));
  if (query.genre != null) terms.push(quoted(`_g${hex(query.genre)}`));
  if (query.validity != null) terms.push(quoted(`_v${hex(query.validity)}`));
  // Explicit ANDs: FTS5 allows implicit AND between phrases only, not after a parenthesised group.
  return terms.length ? `(${terms.join(' AND ')})` : null;
}
