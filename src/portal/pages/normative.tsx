// 行政规范性文件库: the normative documents currently in force by default; filters for validity, issuer, year,
// 主题分类 and 专题 work as a plain GET form; every filtered view has its own Atom feed.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import {
  normativeFeedHref,
  normativeHref,
  validityStatuses,
  type NormativeFilter,
  type NormativeLibrary,
  type StatusFilter,
} from '../normative.ts';
import { NORMATIVE_HREF } from '../urls.ts';
import { TOPICS, topicPath } from '../../shared/catalogs/index.ts';
import { DocTable } from '../components/doc-table.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { Pagination } from '../components/pagination.tsx';
import { CleanupLinks, CLEANUPS_HREF } from './cleanups.tsx';

type Props = {
  ctx: PageContext;
  filter: NormativeFilter;
  library: NormativeLibrary;
  page: number;
  pageSize: number;
  cleanups?: Parameters<typeof CleanupLinks>[0]['campaigns'];
};

const statusLabel = (s: StatusFilter) =>
  s === '' ? '现行有效' : s === 'all' ? '全部' : (validityStatuses.find((v) => v.value === s)?.label ?? s);

export function NormativePage({ ctx, filter, library, page, pageSize, cleanups = [] }: Props) {
  const { org, theme, issuers, years, themes, rows, total } = library;
  const feed = { title: '行政规范性文件', href: normativeFeedHref(filter) };
  const filtered = filter.status !== '' || org !== null || filter.year !== undefined || filter.topic !== undefined || theme !== null;
  const listHref = (p: number) => normativeHref({ ...filter, orgId: org?.id ?? '', themeId: theme?.id }, p);
  const indent = (o: Org) => '\u3000'.repeat(Math.max(0, Math.min(o.depth, 3)));
  const summary = [
    statusLabel(filter.status),
    org ? `${org.name}（含下级机构）` : '',
    filter.year ? `${filter.year}年` : '',
    filter.topic ? topicPath(filter.topic) : '',
    theme ? `专题“${theme.name}”` : '',
  ]
    .filter(Boolean)
    .join('、');
  return (
    <Layout
      ctx={ctx}
      title={page > 1 ? `行政规范性文件库（第 ${page} 页）` : '行政规范性文件库'}
      nav="policies"
      canonical={listHref(page)}
      feeds={[feed]}
      description="本市各级行政机关制定的行政规范性文件及其有效性"
    >
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '行政规范性文件库' }]} />
      <h1>行政规范性文件库</h1>
      <p className="lead">
        集中公布本市各级行政机关制定的行政规范性文件。默认只列出现行有效的文件（含已修改的文件）；已废止、已失效等文件可通过“有效性”筛选查看，文件页面标明其效力状态。
      </p>
      {themes.length > 0 && (
        <nav aria-label="专题" className="theme-list">
          <h2>专题</h2>
          <ul>
            {themes.map((t) => (
              <li key={t.id}>
                <a href={normativeHref({ status: '', orgId: '', themeId: t.id })} aria-current={theme?.id === t.id ? 'page' : undefined}>
                  {t.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {theme?.description && <p className="theme-description">{theme.description}</p>}
      <form className="filter-form" action={NORMATIVE_HREF} method="get" aria-label="筛选文件">
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="normative-status">有效性</label>
            <select id="normative-status" name="status" defaultValue={filter.status}>
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
          <div className="field">
            <label htmlFor="normative-year">年份</label>
            <select id="normative-year" name="year" defaultValue={filter.year ? String(filter.year) : ''}>
              <option value="">全部年份</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="normative-topic">主题分类</label>
            <select id="normative-topic" name="topic" defaultValue={filter.topic ?? ''}>
              <option value="">全部主题</option>
              {TOPICS.map((t) => (
                <optgroup key={t.code} label={t.name}>
                  <option value={t.code}>{t.name}（全部）</option>
                  {t.children.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {themes.length > 0 && (
            <div className="field">
              <label htmlFor="normative-theme">专题</label>
              <select id="normative-theme" name="theme" defaultValue={theme?.id ?? ''}>
                <option value="">全部专题</option>
                {themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field field-actions">
            <button type="submit">筛选</button>
            {filtered && <a href={NORMATIVE_HREF}>清除筛选</a>}
          </div>
        </div>
      </form>
      <p className="result-summary" role="status">
        {summary}的文件共 {total} 件。
      </p>
      <DocTable
        rows={rows}
        caption={`行政规范性文件：${statusLabel(filter.status)}，第 ${page} 页`}
        showOrganisation
        showValidity
        empty="没有符合条件的文件。"
      />
      <Pagination page={page} pageSize={pageSize} total={total} href={listHref} label="文件列表分页" />
      <FeedLink href={feed.href} label={filtered ? '订阅当前筛选结果' : '订阅行政规范性文件'} />
      <section aria-labelledby="cleanup-heading">
        <h2 id="cleanup-heading">
          <a href={CLEANUPS_HREF}>规范性文件清理结果</a>
        </h2>
        <CleanupLinks campaigns={cleanups} empty={org ? `${org.name}尚未公布清理结果。` : '尚未公布清理结果。'} />
      </section>
    </Layout>
  );
}
