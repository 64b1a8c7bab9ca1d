// 站内搜索: full-text search arrives with the publishing module; until then it echoes the query and
// offers matching organisations from the directory.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { OrgList } from '../components/org-list.tsx';

type Props = { ctx: PageContext; query: string; organisations: Org[]; parentName: (o: Org) => string | undefined };

export function SearchPage({ ctx, query, organisations, parentName }: Props) {
  return (
    <Layout ctx={ctx} title={query ? `搜索“${query}”` : '站内搜索'}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '站内搜索' }]} />
      <h1>站内搜索</h1>
      <form className="filter-form" action="/search" method="get" role="search" aria-label="搜索本站">
        <label htmlFor="search-q">搜索关键词</label>
        <div className="filter-row">
          <input id="search-q" name="q" type="search" defaultValue={query} maxLength={50} />
          <button type="submit">搜索</button>
        </div>
      </form>
      <p className="notice">全文搜索将随信息发布模块上线，目前还不能检索政府信息和政策文件。</p>
      {query ? (
        <>
          <p className="result-summary">
            您搜索的是：<strong>{query}</strong>
          </p>
          <section aria-labelledby="search-orgs">
            <h2 id="search-orgs">机构目录中的匹配结果（{organisations.length}）</h2>
            {organisations.length ? <OrgList orgs={organisations} showParent={parentName} /> : <p>机构目录中没有名称包含该关键词的机构。</p>}
          </section>
        </>
      ) : (
        <p>请输入关键词后搜索。</p>
      )}
    </Layout>
  );
}
