// 重大会议 on the portal: meetings per year (政府信息公开 > 政府自身建设 > 重大会议) and one meeting with its press
// release, decided items (confidential ones are never loaded here), 开放情况 and linked interpretations.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { documentHref, withQuery } from '../urls.ts';
import { Pagination } from '../components/pagination.tsx';
import { participantKinds, participantKindNames, type PublicMeeting } from '../../modules/meetings/index.ts';

type ListProps = { ctx: PageContext; orgId: string; orgName: string | null; year: number | null; years: number[]; items: PublicMeeting[]; total: number; page: number; pageSize: number };

export function MeetingsPage({ ctx, orgId, orgName, year, years, items, total, page, pageSize }: ListProps) {
  const title = `${orgName ?? ''}重大会议${year ? `（${year} 年）` : ''}`;
  const href = (params: { year?: number | null; page?: number }) => withQuery('/meetings', { org: orgId, year: params.year ?? '', page: params.page ?? '' });
  return (
    <Layout ctx={ctx} title={title} nav="openness" canonical={href({ year, page })} description="政府常务会议、全体会议的会议通稿、议定事项和开放情况">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '重大会议' }]} />
      <h1>{title}</h1>
      <p className="lead">公开政府常务会议、全体会议的会议通稿、议定事项（涉密事项除外）、相关解读和邀请基层、企业、媒体、专家代表列席的开放情况。</p>
      {years.length > 0 && (
        <nav aria-label="按年度查看">
          <ul className="jump-list">
            <li>{year ? <a href={href({})}>全部年度</a> : <span aria-current="page">全部年度</span>}</li>
            {years.map((y) => (
              <li key={y}>{y === year ? <span aria-current="page">{y} 年</span> : <a href={href({ year: y })}>{y} 年</a>}</li>
            ))}
          </ul>
        </nav>
      )}
      {items.length === 0 ? (
        <p className="empty-list">暂无已公开的会议信息。</p>
      ) : (
        <table className="doc-table">
          <caption className="visually-hidden">{title}列表</caption>
          <thead>
            <tr><th scope="col">会议</th><th scope="col">日期</th><th scope="col">列席代表</th></tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td><a href={`/meetings/${m.id}`}>{m.title}</a></td>
                <td><time dateTime={m.heldOn}>{m.heldOn}</time></td>
                <td>{m.participantsTotal} 人</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => href({ year, page: p })} />
    </Layout>
  );
}

export function MeetingPage({ ctx, meeting: m }: { ctx: PageContext; meeting: PublicMeeting }) {
  return (
    <Layout ctx={ctx} title={m.title} nav="openness" canonical={`/meetings/${m.id}`} description={m.pressRelease.slice(0, 100)}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '重大会议', href: withQuery('/meetings', { org: m.orgId }) }, { label: m.title }]} />
      <article aria-labelledby="meeting-title">
        <h1 id="meeting-title">{m.title}</h1>
        <dl className="facts">
          <div className="fact-row"><dt>会议类型</dt><dd>{m.kindName}</dd></div>
          <div className="fact-row"><dt>召开日期</dt><dd><time dateTime={m.heldOn}>{m.heldOn}</time></dd></div>
          <div className="fact-row"><dt>发布机构</dt><dd>{m.orgName}</dd></div>
        </dl>
        <section aria-labelledby="meeting-release-heading">
          <h2 id="meeting-release-heading">会议通稿</h2>
          <p className="qa-text">{m.pressRelease || '（暂无）'}</p>
        </section>
        <section aria-labelledby="meeting-items-heading">
          <h2 id="meeting-items-heading">议定事项</h2>
          {m.decidedItems.length ? (
            <ol>
              {m.decidedItems.map((t, i) => <li key={i}>{t}</li>)}
            </ol>
          ) : (
            <p>无可公开的议定事项。</p>
          )}
        </section>
        <section aria-labelledby="meeting-open-heading">
          <h2 id="meeting-open-heading">开放情况</h2>
          <table className="figures" data-participation="">
            <caption>邀请列席代表 {m.participantsTotal} 人</caption>
            <thead>
              <tr><th scope="col">代表类别</th><th scope="col">人数</th></tr>
            </thead>
            <tbody>
              {participantKinds.map((k) => (
                <tr key={k}><th scope="row">{participantKindNames[k]}</th><td className="num">{m.participation[k]}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
        {m.documents.length > 0 && (
          <section aria-labelledby="meeting-docs-heading">
            <h2 id="meeting-docs-heading">相关解读</h2>
            <ul className="link-list">
              {m.documents.map((d) => <li key={d.id}><a href={documentHref(d)}>{d.title}</a></li>)}
            </ul>
          </section>
        )}
      </article>
    </Layout>
  );
}
