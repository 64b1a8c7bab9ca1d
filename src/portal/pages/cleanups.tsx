// 规范性文件清理结果: the published clean-up campaigns and, per campaign, each document with its decision and reason.
// Only published campaigns reach these pages (NormativeCleanups.listPublished / getPublished).
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { documentHref, feedHrefs, NORMATIVE_HREF } from '../urls.ts';
import { FeedLink } from '../components/feed-link.tsx';
import type { Services } from '../../container.ts';

type Campaign = Awaited<ReturnType<Services['cleanups']['getPublished']>>;
type Summary = Awaited<ReturnType<Services['cleanups']['listPublished']>>[number];

export const cleanupHref = (id: string) => `/normative/cleanups/${encodeURIComponent(id)}`;
export const CLEANUPS_HREF = '/normative/cleanups';

const feed = { title: '规范性文件清理结果', href: feedHrefs.cleanups };

export function CleanupListPage({ ctx, campaigns }: { ctx: PageContext; campaigns: Summary[] }) {
  return (
    <Layout ctx={ctx} title="规范性文件清理结果" nav="policies" canonical={CLEANUPS_HREF} feeds={[feed]} description="各级行政机关公布的行政规范性文件清理结果">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '行政规范性文件库', href: NORMATIVE_HREF }, { label: '清理结果' }]} />
      <h1>规范性文件清理结果</h1>
      <CleanupLinks campaigns={campaigns} empty="尚未公布清理结果。" />
      <FeedLink href={feed.href} label="订阅规范性文件清理结果" />
    </Layout>
  );
}

/** The list of published campaigns; also shown in the normative library for one organisation. */
export function CleanupLinks({ campaigns, empty }: { campaigns: Summary[]; empty?: string }) {
  if (campaigns.length === 0) return empty ? <p className="empty-list">{empty}</p> : null;
  return (
    <ul className="cleanup-list">
      {campaigns.map((c) => (
        <li key={c.id}>
          <a href={cleanupHref(c.id)}>{c.title}</a>（{c.organisation.name}，<time dateTime={c.publishedOn ?? ''}>{c.publishedOn}</time>）
        </li>
      ))}
    </ul>
  );
}

export function CleanupResultPage({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
  const items = campaign.items ?? [];
  return (
    <Layout ctx={ctx} title={campaign.title} nav="policies" canonical={cleanupHref(campaign.id)} feeds={[feed]} description={`${campaign.organisation.name}规范性文件清理结果`}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '行政规范性文件库', href: NORMATIVE_HREF }, { label: '清理结果', href: CLEANUPS_HREF }, { label: campaign.title }]} />
      <h1>{campaign.title}</h1>
      <p className="lead">
        {campaign.organisation.name}规范性文件清理结果，于<time dateTime={campaign.publishedOn ?? ''}>{campaign.publishedOn}</time>公布
        {campaign.scopeBefore ? `，清理范围为${campaign.scopeBefore}以前公布的文件` : ''}。决定废止、失效的文件自公布之日起不再执行；决定修改的文件在修改文件公布前继续执行。
        {campaign.resultDocumentId && (
          <>
            {' '}
            <a href={documentHref({ id: campaign.resultDocumentId })}>查看清理结果公告</a>
          </>
        )}
      </p>
      <table className="doc-table">
        <caption className="visually-hidden">清理结果：共 {items.length} 件文件</caption>
        <thead>
          <tr>
            <th scope="col">文件名称</th>
            <th scope="col">发文字号</th>
            <th scope="col">清理决定</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className="doc-title" data-label="文件名称">
                <a href={documentHref({ id: i.documentId, slug: i.slug })}>{i.title}</a>
              </td>
              <td className="nowrap" data-label="发文字号">{i.docNo ?? <span className="muted-dash">—</span>}</td>
              <td className="nowrap" data-label="清理决定">{i.decisionName}</td>
              <td data-label="理由">{i.reason ?? <span className="muted-dash">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FeedLink href={feed.href} label="订阅规范性文件清理结果" />
    </Layout>
  );
}
