// 行政规范性文件库: the normative documents currently in force by default; filters for validity and issuer work
// as a plain GET form.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { validityStatuses, type StatusFilter } from '../normative.ts';
import type { DocRow } from '../types.ts';
import { feedHrefs, withQuery, NORMATIVE_HREF } from '../urls.ts';
import { DocTable } from '../components/doc-table.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { Pagination } from '../components/pagination.tsx';

type Props = { ctx: PageContext; status: StatusFilter; org: Org | null; issuers: Org[]; rows: DocRow[]; page: number; pageSize: number; total: number };

const statusLabel = (s: StatusFilter) => (s === '' ? '现行有效' : s === 'all' ? '全部' : (validityStatuses.find((v) => v.value === s)?.label ?? s));

export function NormativePage({ ctx, status, org, issuers, rows, page, pageSize, total }: Props) {
  const feed = { title: '行政规范性文件', href: feedHrefs.normative };
  const filtered = status !== '' || org !== null;
  const listHref = (p: number) => withQuery(NORMATIVE_HREF, { status, org: org?.id, page: p });
  const indent = (o: Org) => '\u3000'.repeat(Math.max(0, Math.min(o.depth, 3)));
  return (
    <Layout ctx={ctx} title={page > 1 ? `行政规范性文件库（第 ${page} 页）` : '行政规范性文件库'} nav="policies" canonical={listHref(page)} feeds={[feed]} description="本市各级行政机关制定的行政规范性文件及其有效性">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '行政规范性文件库' }]} />
      <h1>行政规范性文件库</h1>
      <p className="lead">
        集中公布本市各级行政机关制定的行政规范性文件。默认只列出现行有效的文件（含已修改的文件）；已废止、已失效等文件可通过“有效性”筛选查看，文件页面标明其效力状态。
      </p>
      <form className="filter-form" action={NORMATIVE_HREF} method="get" aria-label="筛选文件">
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="normative-status">有效性</label>
            <select id="normative-status" name="status" defaultValue={status}>
              <option value="">现行有效</option>
              <option value="all">全部</option>
              {validityStatuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="normative-org">发布机构</label>
            <select id="normative-org" name="org" defaultValue={org?.id ?? ''}>
              <option value="">全部机构</option>
              {issuers.map((o) => (
                <option key={o.id} value={o.id}>
                  {indent(o)}
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-actions">
            <button type="submit">筛选</button>
            {filtered && <a href={NORMATIVE_HREF}>清除筛选</a>}
          </div>
        </div>
      </form>
      <p className="result-summary" role="status">
        {statusLabel(status)}
        {org ? `、${org.name}（含下级机构）` : ''}的文件共 {total} 件。
      </p>
      <DocTable rows={rows} caption={`行政规范性文件：${statusLabel(status)}，第 ${page} 页`} showOrganisation showValidity empty="没有符合条件的文件。" />
      <Pagination page={page} pageSize={pageSize} total={total} href={listHref} label="文件列表分页" />
      <FeedLink href={feed.href} label="订阅行政规范性文件" />
    </Layout>
  );
}
