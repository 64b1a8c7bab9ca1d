// 意见征集 list: published consultations by phase (征集中 first), searchable by title, paged.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { Pagination } from '../components/pagination.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { withQuery } from '../urls.ts';
import type { ConsultationSummary } from '../../modules/consultations/index.ts';

export const CONSULTATIONS_HREF = '/consultations';
export const CONSULTATIONS_FEED = '/feeds/consultations.atom';
export const consultationHref = (id: string) => `/consultations/${encodeURIComponent(id)}`;
export const phaseTabs = [
  { key: 'open', label: '正在征集' },
  { key: 'upcoming', label: '即将开始' },
  { key: 'closed', label: '已截止' },
  { key: 'concluded', label: '已公布采纳情况' },
] as const;
export type PublicPhase = (typeof phaseTabs)[number]['key'];

export function ConsultationTable({ items, caption, empty }: { items: ConsultationSummary[]; caption: string; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <table className="doc-table consultation-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">征集单位</th>
          <th scope="col">征集期</th>
          <th scope="col">状态</th>
          <th scope="col">公开意见</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td>
              <a href={consultationHref(c.id)}>{c.title}</a>
              <span className="hint">{`（${c.kindName}）`}</span>
            </td>
            <td>{c.organisationName}</td>
            <td>{`${c.opensOn} 至 ${c.closesOn}`}</td>
            <td>
              <span className={`tag tag-${c.phase}`}>{c.phaseName}</span>
            </td>
            <td>{`${c.commentCount} 条`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Props = { ctx: PageContext; phase: PublicPhase | ''; q: string; page: number; pageSize: number; total: number; items: ConsultationSummary[] };

export function ConsultationsPage({ ctx, phase, q, page, pageSize, total, items }: Props) {
  const current = phaseTabs.find((t) => t.key === phase);
  return (
    <Layout ctx={ctx} title="意见征集" nav="interaction" canonical={withQuery(CONSULTATIONS_HREF, { phase, q, page })} feeds={[{ title: '意见征集', href: CONSULTATIONS_FEED }]}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '意见征集' }]} />
      <h1>意见征集</h1>
      <p className="lead">
        规章、行政规范性文件和重大行政决策草案在这里公开征求意见。您可以对草案全文或某一条款提出意见；意见经审核后公开，征集结束后公布每条意见的采纳情况和理由。
      </p>
      <nav className="phase-tabs" aria-label="按状态筛选">
        <ul>
          <li>
            <a href={withQuery(CONSULTATIONS_HREF, { q })} aria-current={phase === '' ? 'page' : undefined}>
              全部
            </a>
          </li>
          {phaseTabs.map((t) => (
            <li key={t.key}>
              <a href={withQuery(CONSULTATIONS_HREF, { phase: t.key, q })} aria-current={phase === t.key ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form className="filter-form" action={CONSULTATIONS_HREF} method="get" role="search" aria-label="搜索意见征集">
        <label htmlFor="consultation-q">按标题搜索</label>
        <div className="filter-row">
          <input id="consultation-q" type="text" name="q" defaultValue={q} maxLength={50} />
          {phase && <input type="hidden" name="phase" value={phase} />}
          <button type="submit">搜索</button>
        </div>
      </form>
      <ConsultationTable items={items} caption={`${current?.label ?? '全部'}意见征集（共 ${total} 项）`} empty="暂无符合条件的意见征集。" />
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => withQuery(CONSULTATIONS_HREF, { phase, q, page: p })} />
      <FeedLink href={CONSULTATIONS_FEED} label="订阅意见征集" />
      <p>
        <a href="/decisions">重大行政决策事项目录</a>
      </p>
    </Layout>
  );
}
