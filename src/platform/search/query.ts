// Running a search, shared by both providers: tokens, filters, facets, paging and snippets are the same;
// each provider supplies only how the index is matched and ranked (`FullText`).
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inSubtrees } from '../db/subtree.ts';
import { matchTokens, queryTokens } from '../text/segment.ts';
import { MAX_PAGE_SIZE, emptyResult, type Facet, type SearchHit, type SearchQuery, type SearchResult } from './provider.ts';
import { highlightTitle, snippet } from './snippet.ts';

/** The dialect-specific part of a search, built from the query tokens (never empty). */
export type FullText = {
  /** FROM clause that exposes the narrow srch_facet rows of the index as `d`. */
  from: RawBuilder<unknown>;
  /** Every token matches (AND), in the title or the body. */
  match: RawBuilder<SqlBool>;
  /** Relevance, higher is better, title matches weighted well above body matches. */
  score: RawBuilder<number>;
  /** The key of a `d` row, and how srch_doc `x` joins a page row `p` by it. */
  key: RawBuilder<unknown>;
  pageJoin: RawBuilder<SqlBool>;
  /** ORDER BY for taking the first matches, newest indexed first where the index yields that order cheaply. */
  newestFirst: RawBuilder<unknown> | null;
};

/**
 * Totals are exact up to this many matches; past it the total is reported as this number with
 * `totalIsEstimate` and the facets are counted over these first matches only. Counting a common word
 * exactly means visiting every match (hundreds of thousands at 1M documents), the cost of a LIKE scan.
 */
export const COUNT_CAP = 10_000;
/**
 * Ranking scores at most this many matches, the first the index yields (on SQLite the newest indexed): with
 * more matches, page 1 shows the best of those, not necessarily the best of all. Pages past them list the
 * remaining matches newest published first.
 */
export const RANK_CAP = 2_000;

/** The caps of a provider; smaller ones let tests reach them with a handful of documents. */
export type SearchLimits = { countCap: number; rankCap: number };
export const DEFAULT_LIMITS: SearchLimits = { countCap: COUNT_CAP, rankCap: RANK_CAP };

const FACETS = ['topic', 'genre', 'year', 'validity', 'kind'] as const;
/** Longer queries are cut: a search box needs no more, and the token list stays short. */
export const MAX_QUERY_CHARS = 200;
type FacetName = (typeof FACETS)[number];

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

function facetList(rows: { facet: string; value: string | null; n: number }[], name: FacetName): Facet {
  const list = rows.filter((r) => r.facet === name && r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.n) }));
  // Years read best newest first; the other facets biggest first.
  return name === 'year'
    ? list.sort((a, b) => b.value.localeCompare(a.value))
    : list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export async function runSearch(
  db: Kysely<DB>,
  query: SearchQuery,
  fullText: (tokens: string[]) => FullText,
  { countCap, rankCap }: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchResult> {
  const tokens = queryTokens(
    Array.from(query.q.slice(0, MAX_QUERY_CHARS * 2))
      .slice(0, MAX_QUERY_CHARS)
      .join(''),
  );
  if (tokens.length === 0) return emptyResult();
  // Snippets mark every query token; the index is asked only for those a match needs.
  const { from, match, score, key, pageJoin, newestFirst } = fullText(matchTokens(tokens));
  const where = sql.join([match, ...filters(query)], sql` and `);
  const first = (n: number) => (newestFirst ? sql`order by ${newestFirst} limit ${n}` : sql`limit ${n}`);

  // Total and facets over at most countCap + 1 matches, in one pass over narrow rows.
  const facetBranches = FACETS.map(
    (f) =>
      sql`select ${sql.lit(f)} as facet, cast(${sql.ref(f)} as text) as value, count(*) as n from m where ${sql.ref(f)} is not null group by ${sql.ref(f)}`,
  );
  const counted = await sql<{ facet: string; value: string | null; n: number }>`
    with m as materialized (select d.topic, d.genre, d.year, d.validity, d.kind from ${from} where ${where} ${first(countCap + 1)})
    select 'total' as facet, cast(null as text) as value, count(*) as n from m
    union all ${sql.join(facetBranches, sql` union all `)}`.execute(db);
  const matched = Number(counted.rows.find((r) => r.facet === 'total')?.n ?? 0);
  if (matched === 0) return emptyResult();
  const totalIsEstimate = matched > countCap;

  const { limit, offset } = paging(query);
  // Score at most rankCap candidates on narrow rows. Pages past them continue with the other matches, newest
  // published first, unscored: a stable order, so paging never repeats a document (sorting every match is
  // paid on such deep pages only). Only the page's rows bring their title and body.
  const rest = offset + limit - rankCap;
  const tail = sql`, t as (select ${key} as k, d.published_at, 0 as score, 1 as tier from ${from}
    where ${where} and ${key} not in (select k from r) order by d.published_at desc, ${key} limit ${rest})`;
  const page = await sql<PageRow>`
    with r as (select ${key} as k, d.published_at, ${score} as score, 0 as tier from ${from} where ${where} ${first(rankCap)})
    ${rest > 0 ? tail : sql``},
    c as (select k, published_at, score, tier from r ${rest > 0 ? sql`union all select k, published_at, score, tier from t` : sql``}),
    p as (select k, published_at, score, tier from c order by tier, score desc, published_at desc, k limit ${limit} offset ${offset})
    select x.id, x.title, x.url, x.org_id, x.doc_no, x.published_at, x.validity, x.kind, x.body
    from p join srch_doc x on ${pageJoin}
    order by p.tier, p.score desc, p.published_at desc, x.id`.execute(db);

  const items: SearchHit[] = page.rows.map((r) => ({
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
  const facets = Object.fromEntries(FACETS.map((f) => [f, facetList(counted.rows, f)])) as SearchResult['facets'];
  return { total: Math.min(matched, countCap), totalIsEstimate, items, facets };
}
