// Running a search, shared by both providers: tokens, filters, facets, paging and snippets are the same;
// each provider supplies only how the index is matched and ranked (`FullText`).
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inSubtrees } from '../db/subtree.ts';
import { matchTokens, queryTokens } from '../text/segment.ts';
import { MAX_PAGE_SIZE, emptyResult, type Facet, type SearchHit, type SearchQuery, type SearchResult } from './provider.ts';
import { highlightTitle, snippet } from './snippet.ts';

/**
 * The dialect-specific part of a search, built from the query tokens (never empty) and the query, whose
 * filters a provider may also give the index to narrow by (they are always applied exactly on `d` too).
 */
export type FullText = {
  /** FROM clause that exposes the narrow srch_facet rows of the index as `d`. */
  from: RawBuilder<unknown>;
  /** Every token matches (AND), in the title or the body. */
  match: RawBuilder<SqlBool>;
  /**
   * 1 when the row's title holds every token, else 0 (the first ranking tier), checked per row; null when the
   * provider finds title matches through the index instead (`titleMatch`).
   */
  titleScore: RawBuilder<number> | null;
  /**
   * For providers whose index finds title matches directly (SQLite): a FROM clause exposing them joined to
   * their narrow rows `d`, the match, the key and the newest-first order.
   */
  title: { from: RawBuilder<unknown>; match: RawBuilder<SqlBool>; key: RawBuilder<unknown>; newestFirst: RawBuilder<unknown> } | null;
  /** The key of a `d` row; how `d` joins a row `m` by it (m.k), and how srch_doc `x` joins a page row (pg.k). */
  key: RawBuilder<unknown>;
  narrowJoin: RawBuilder<SqlBool>;
  pageJoin: RawBuilder<SqlBool>;
  /**
   * ORDER BY for taking the first matches, newest indexed first (descending key) where the index yields that
   * order cheaply.
   */
  newestFirst: RawBuilder<unknown> | null;
};

/**
 * Totals are exact up to this many matches; past it the total is reported as this number with
 * `totalIsEstimate` and the facets are counted over these first matches only. Counting a common word
 * exactly means visiting every match (hundreds of thousands at 1M documents), the cost of a LIKE scan.
 */
export const COUNT_CAP = 10_000;
/**
 * Ranking: matches whose title holds every query word first, then the others; within each tier the newest
 * published first. It orders at most this many candidates per tier, the first the index yields (on SQLite
 * the newest indexed): with more matches, page 1 shows the newest of those, not necessarily of all. Pages
 * past them list the remaining matches newest published first. (A bm25 score was dropped: FTS5 computes its
 * term statistics by reading every posting of every query word, which cost up to 100 ms at 1M documents;
 * docs/adr/0003-search-filters-as-tokens.md.)
 */
export const RANK_CAP = 2_000;

/** The caps of a provider; smaller ones let tests reach them with a handful of documents. */
export type SearchLimits = { countCap: number; rankCap: number };
export const DEFAULT_LIMITS: SearchLimits = { countCap: COUNT_CAP, rankCap: RANK_CAP };

const FACETS = ['topic', 'genre', 'year', 'validity', 'kind'] as const;
/** Longer queries are cut: a search box needs no more, and the token list stays short. */
export const MAX_QUERY_CHARS = 200;
type FacetName = (typeof FACETS)[number];

type ResultRow = PageRow & { facet: string; value: string | null; n: number | null; ord: number | null };

type PageRow = {
  id: string;
  title: string;
  url: string;
  org_id: string;
  doc_no: string | null;
  published_at: string;
  validity: string | null;
  kind: string;
  body: string;
};

/** Absent (undefined or null) filters do not narrow. */
function filters(query: SearchQuery): Expression<SqlBool>[] {
  // srch_facet holds live rows only: tombstones need no filter.
  const out: Expression<SqlBool>[] = [inSubtrees(sql.ref<string>('d.org_path'), query.orgRoots ?? null)];
  if (query.topic != null) out.push(sql<SqlBool>`d.topic = ${query.topic}`);
  if (query.genre != null) out.push(sql<SqlBool>`d.genre = ${query.genre}`);
  if (query.year != null) out.push(sql<SqlBool>`d.year = ${query.year}`);
  if (query.validity != null) out.push(sql<SqlBool>`d.validity = ${query.validity}`);
  if (query.kind != null) out.push(sql<SqlBool>`d.kind = ${query.kind}`);
  return out;
}

/** Page ≥ 1 and 1 ≤ size ≤ MAX_PAGE_SIZE; anything else is brought into range. */
export function paging(query: Pick<SearchQuery, 'page' | 'size'>): { limit: number; offset: number } {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.size) || 1));
  const page = Math.max(1, Math.trunc(query.page) || 1);
  return { limit, offset: (page - 1) * limit };
}

function facetList(rows: { facet: string; value: string | null; n: number | null }[], name: FacetName): Facet {
  const list = rows.filter((r) => r.facet === name && r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.n) }));
  // Years read best newest first; the other facets biggest first.
  return name === 'year'
    ? list.sort((a, b) => b.value.localeCompare(a.value))
    : list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export async function runSearch(
  db: Kysely<DB>,
  query: SearchQuery,
  fullText: (tokens: string[], query: SearchQuery) => FullText,
  { countCap, rankCap }: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchResult> {
  const tokens = queryTokens(
    Array.from(query.q.slice(0, MAX_QUERY_CHARS * 2))
      .slice(0, MAX_QUERY_CHARS)
      .join(''),
  );
  if (tokens.length === 0) return emptyResult();
  // Snippets mark every query token; the index is asked only for those a match needs.
  const { from, match, titleScore, title, key, narrowJoin, pageJoin, newestFirst } = fullText(matchTokens(tokens), query);
  const exact = filters(query);
  const where = sql.join([match, ...exact], sql` and `);
  const first = (n: number) => (newestFirst ? sql`order by ${newestFirst} limit ${n}` : sql`limit ${n}`);

  const { limit, offset } = paging(query);
  // One statement, one walk of the index: the first countCap + 1 matches on narrow rows (m) give the total and
  // the facets; the first rankCap of them are the ranking candidates (score = title tier), with, where the index
  // finds title matches itself, its first rankCap of those. Pages past the candidates continue with the other
  // matches, newest published first: a stable order, so paging never repeats a document (a second walk, and
  // sorting every match, are paid on such deep pages only). Only the page's rows bring their title and body.
  const firstOfM = newestFirst ? sql`order by m.k desc limit ${rankCap}` : sql`limit ${rankCap}`;
  const a = titleScore
    ? sql`select m.k, m.published_at, ${titleScore} as score from m join srch_facet d on ${narrowJoin} ${firstOfM}`
    : sql`select m.k, m.published_at, 0 as score from m ${firstOfM}`;
  const titled = title
    ? sql` union all select * from (select ${title.key} as k, d.published_at, 1 as score from ${title.from}
        where ${sql.join([title.match, ...exact], sql` and `)} order by ${title.newestFirst} limit ${rankCap}) ti`
    : sql``;
  const deep = offset + limit > rankCap;
  const tail = sql`t as (select ${key} as k, d.published_at, 0 as score, 1 as tier from ${from}
    where ${where} and ${key} not in (select k from r) order by d.published_at desc, ${key} limit ${offset + limit}),`;
  const text = sql`cast(null as text)`;
  const none = sql`${text} as id, ${text} as title, ${text} as url, ${text} as org_id, ${text} as doc_no, ${text} as published_at, ${text} as validity, ${text} as kind, ${text} as body`;
  const facetBranches = FACETS.map(
    (f) =>
      sql`select ${sql.lit(f)} as facet, cast(${sql.ref(f)} as text) as value, count(*) as n, cast(null as bigint) as ord, ${none}
        from m where ${sql.ref(f)} is not null group by ${sql.ref(f)}`,
  );
  const { rows } = await sql<ResultRow>`
    with m as materialized (select ${key} as k, d.published_at, d.topic, d.genre, d.year, d.validity, d.kind
      from ${from} where ${where} ${first(countCap + 1)}),
    r as (select k, published_at, max(score) as score, 0 as tier from (select * from (${a}) a${titled}) u group by k, published_at),
    ${deep ? tail : sql``}
    c as (select k, published_at, score, tier from r ${deep ? sql`union all select k, published_at, score, tier from t` : sql``}),
    p as (select k, row_number() over (order by tier, score desc, published_at desc, k) as ord from c),
    pg as (select k, ord from p where ord > ${offset} and ord <= ${offset + limit})
    select 'total' as facet, ${text} as value, count(*) as n, cast(null as bigint) as ord, ${none} from m
    union all ${sql.join(facetBranches, sql` union all `)}
    union all select 'page' as facet, ${text} as value, cast(null as bigint) as n, pg.ord,
      x.id, x.title, x.url, x.org_id, x.doc_no, x.published_at, x.validity, x.kind, x.body
      from pg join srch_doc x on ${pageJoin}`.execute(db);
  const matched = Number(rows.find((r) => r.facet === 'total')?.n ?? 0);
  if (matched === 0) return emptyResult();
  const totalIsEstimate = matched > countCap;
  const counted = rows.filter((r) => r.facet !== 'page' && r.facet !== 'total');
  const pageRows = rows.filter((r) => r.facet === 'page').sort((x, y) => Number(x.ord) - Number(y.ord)) as PageRow[];

  const items: SearchHit[] = pageRows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    orgId: r.org_id,
    docNo: r.doc_no,
    publishedAt: r.published_at,
    validity: r.validity,
    kind: r.kind,
    snippet: snippet(r.body, tokens),
    titleHtml: highlightTitle(r.title, tokens),
  }));
  const facets = Object.fromEntries(FACETS.map((f) => [f, facetList(counted, f)])) as SearchResult['facets'];
  return { total: Math.min(matched, countCap), totalIsEstimate, items, facets };
}
