// 站内搜索: full-text results over everything published, narrowed by facet links and an organisation select,
// all plain links and GET forms (no JavaScript). Below the results, matching organisations from the directory.
// Only the search index's titleHtml and snippet (escaped, with <mark>) are set as HTML; everything else is text.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { OrgList } from '../components/org-list.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ValidityTag } from '../components/validity-tag.tsx';
import { SEARCH_HREF, SEARCH_MAX_QUERY, SEARCH_PAGE_SIZE, chineseDate, facetLabel, facetTitles, hasFilters, searchHref, validityNames, type FacetKey, type SearchParams } from '../search-params.ts';
import type { Facet, SearchHit } from '../../platform/search/index.ts';
import { kindNames } from '../format.ts';

export type SearchResults = { total: number; totalIsEstimate?: boolean; items: SearchHit[]; facets: Record<FacetKey, Facet> };

type Props = {
  ctx: PageContext;
  params: SearchParams;
  results: SearchResults | null;
  /** Organisations for the filter select, in directory order. */
  orgOptions: Org[];
  orgName: (id: string) => string | undefined;
  /** Directory matches for the query (organisation names). */
  organisations: Org[];
  parentName: (o: Org) => string | undefined;
};

const FACET_ORDER: FacetKey[] = ['kind', 'topic', 'genre', 'year', 'validity'];

export function SearchPage({ ctx, params, results, orgOptions, orgName, organisations, parentName }: Props) {
  const { q, page } = params;
  const indent = (o: Org) => '\u3000'.repeat(Math.max(0, Math.min(o.depth, 4)));
  const filtered = hasFilters(params);
  const title = q ? `搜索“${q}”${page > 1 ? `（第 ${page} 页）` : ''}` : '站内搜索';
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '站内搜索' }]} />
      <h1>站内搜索</h1>
      <form className="filter-form search-form" action={SEARCH_HREF} method="get" role="search" aria-label="搜索本站">
        <div className="filter-fields">
          <div className="field search-field-q">
            <label htmlFor="search-q">搜索关键词</label>
            <input id="search-q" name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_QUERY} />
          </div>
          <div className="field">
            <label htmlFor="search-org">发布机构</label>
            <select id="search-org" name="org" defaultValue={params.org ?? ''}>
              <option value="">全部机构</option>
              {orgOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {indent(o)}
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          {FACET_ORDER.map((key) => (params[key] !== undefined ? <input key={key} type="hidden" name={key} value={String(params[key])} /> : null))}
          <div className="field field-actions">
            <button type="submit">搜索</button>
          </div>
        </div>
        <p className="hint">输入完整的发文字号或索引号，可直接打开该文件。</p>
      </form>
      {filtered && <ActiveFilters params={params} orgName={orgName} />}
      {q ? (
        <>
          {results && <Results params={params} results={results} orgName={orgName} />}
          <section aria-labelledby="search-orgs" className="search-orgs">
            <h2 id="search-orgs">{`机构目录中的匹配结果（${organisations.length}）`}</h2>
            {organisations.length ? <OrgList orgs={organisations} showParent={parentName} /> : <p>机构目录中没有名称包含该关键词的机构。</p>}
          </section>
        </>
      ) : (
        <p className="empty-list">请输入关键词后搜索。</p>
      )}
    </Layout>
  );
}

function filterLabel(key: FacetKey | 'org', value: string | number, orgName: (id: string) => string | undefined): string {
  if (key === 'org') return orgName(String(value)) ?? String(value);
  return facetLabel(key, String(value));
}

function ActiveFilters({ params, orgName }: { params: SearchParams; orgName: (id: string) => string | undefined }) {
  const keys = (['org', ...FACET_ORDER] as const).filter((k) => params[k] !== undefined);
  return (
    <div className="search-active">
      <h2 className="search-active-title">已选条件</h2>
      <ul>
        {keys.map((k) => (
          <li key={k}>
            {k === 'org' ? '发布机构' : facetTitles[k]}：{filterLabel(k, params[k]!, orgName)}{' '}
            <a href={searchHref(params, { [k]: undefined })}>
              清除<span className="visually-hidden">“{filterLabel(k, params[k]!, orgName)}”条件</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="search-clear">
        <a href={searchHref({ q: params.q, page: 1 })}>清除全部筛选条件</a>
      </p>
    </div>
  );
}

function Results({ params, results, orgName }: { params: SearchParams; results: SearchResults; orgName: (id: string) => string | undefined }) {
  const { total, totalIsEstimate, items, facets } = results;
  const facetKeys = FACET_ORDER.filter((k) => facets[k].length > 0 || params[k] !== undefined);
  return (
    <div className={facetKeys.length > 0 ? 'search-layout' : 'search-layout search-layout-single'}>
      <section className="search-results" aria-labelledby="search-results-title">
        <h2 id="search-results-title" className="visually-hidden">
          搜索结果
        </h2>
        <p className="result-summary" role="status">
          {`共找到 ${total}${totalIsEstimate ? ' 余' : ''} 条结果${total > SEARCH_PAGE_SIZE ? `，第 ${params.page} 页` : ''}`}
        </p>
        {total > 1 && <p className="hint result-order">排序：标题包含全部关键词的排在前面，其余按发布日期从新到旧。</p>}
        {items.length === 0 ? (
          <div className="empty-list search-empty">
            <p>{total > 0 ? '这一页没有结果。' : `没有找到与“${params.q}”相关的信息。`}</p>
            <ul>
              {total > 0 && (
                <li>
                  <a href={searchHref(params, { page: 1 })}>回到第 1 页</a>
                </li>
              )}
              {hasFilters(params) && (
                <li>
                  <a href={searchHref({ q: params.q, page: 1 })}>清除筛选条件后重新搜索</a>
                </li>
              )}
              <li>请检查关键词是否有误，或换用更短、更常用的词语。</li>
            </ul>
          </div>
        ) : (
          <ol className="search-list" start={(params.page - 1) * SEARCH_PAGE_SIZE + 1}>
            {items.map((item) => (
              <SearchItem key={item.id} item={item} orgName={orgName} />
            ))}
          </ol>
        )}
        <Pagination page={params.page} pageSize={SEARCH_PAGE_SIZE} total={total} href={(p) => searchHref(params, { page: p })} label="搜索结果分页" />
      </section>
      {facetKeys.length > 0 && (
        <aside className="search-facets" aria-labelledby="search-facets-title">
          <h2 id="search-facets-title">筛选结果</h2>
          {facetKeys.map((key) => (
            <FacetList key={key} name={key} facet={facets[key]} params={params} />
          ))}
        </aside>
      )}
    </div>
  );
}

function SearchItem({ item, orgName }: { item: SearchHit; orgName: (id: string) => string | undefined }) {
  const date = chineseDate(item.publishedAt);
  const org = orgName(item.orgId);
  const validity = item.validity ? validityNames[item.validity] : undefined;
  return (
    <li className="search-item">
      <h3 className="search-item-title">
        {/* titleHtml comes escaped from the search index, with <mark> around matches. */}
        <a href={item.url} dangerouslySetInnerHTML={{ __html: item.titleHtml }} />
      </h3>
      {/* snippet comes escaped from the search index, with <mark> around matches. */}
      <p className="search-snippet" dangerouslySetInnerHTML={{ __html: item.snippet }} />
      <dl className="search-meta">
        <div>
          <dt>类别</dt>
          <dd>{kindNames[item.kind] ?? item.kind}</dd>
        </div>
        {org && (
          <div>
            <dt>发布机构</dt>
            <dd>{org}</dd>
          </div>
        )}
        {item.docNo && (
          <div>
            <dt>发文字号</dt>
            <dd>{item.docNo}</dd>
          </div>
        )}
        {date && (
          <div>
            <dt>发布日期</dt>
            <dd>
              <time dateTime={date.iso}>{date.text}</time>
            </dd>
          </div>
        )}
        {item.validity && validity && (
          <div>
            <dt>有效性</dt>
            <dd>
              <ValidityTag status={item.validity} name={validity} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function FacetList({ name, facet, params }: { name: FacetKey; facet: Facet; params: SearchParams }) {
  const active = params[name] !== undefined ? String(params[name]) : undefined;
  const values = active !== undefined && !facet.some((f) => f.value === active) ? [{ value: active, count: 0 }, ...facet] : facet;
  const id = `facet-${name}`;
  return (
    <section className="facet" aria-labelledby={id}>
      <h3 id={id}>{facetTitles[name]}</h3>
      <ul>
        {values.map(({ value, count }) => {
          const label = facetLabel(name, value);
          const selected = value === active;
          return (
            <li key={value}>
              {selected ? (
                <a href={searchHref(params, { [name]: undefined })} className="facet-selected" aria-current="true">
                  {label}
                  <span className="count">（{count}<span className="visually-hidden"> 条</span>）</span>
                  <span className="facet-remove">已选，取消</span>
                </a>
              ) : (
                <a href={searchHref(params, { [name]: value })}>
                  {label}
                  <span className="count">（{count}<span className="visually-hidden"> 条</span>）</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
