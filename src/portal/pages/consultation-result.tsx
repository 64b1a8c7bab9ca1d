// 意见采纳情况: the adoption report that stays with the consultation — counts, per-article tally, the office's
// explanation, every published comment with its answer and reason, and the final document.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { CONSULTATIONS_HREF, consultationHref } from './consultations.tsx';
import type { AdoptionReport, ConsultationView, PublicComment } from '../../modules/consultations/index.ts';

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

export function ConsultationResultPage({ ctx, view, report, answers }: { ctx: PageContext; view: ConsultationView; report: AdoptionReport; answers: PublicComment[] }) {
  const href = `${consultationHref(view.id)}/result`;
  return (
    <Layout ctx={ctx} title={`${view.title}：意见采纳情况`} nav="interaction" canonical={href}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '意见征集', href: CONSULTATIONS_HREF }, { label: view.title, href: consultationHref(view.id) }, { label: '意见采纳情况' }]} />
      <h1>{`${view.title}：意见采纳情况`}</h1>
      <dl className="meta-row">
        <dt>征集单位</dt>
        <dd>{view.organisationName}</dd>
        <dt>征集期</dt>
        <dd>{`${view.opensOn} 至 ${view.closesOn}`}</dd>
        <dt>公布日期</dt>
        <dd>{report.publishedAt.slice(0, 10)}</dd>
        <dt>最终文件</dt>
        <dd>{report.finalDocument ? <a href={report.finalDocument.url}>{report.finalDocument.title}</a> : '尚未发布'}</dd>
      </dl>
      <section aria-labelledby="summary-h">
        <h2 id="summary-h">采纳情况说明</h2>
        {lines(report.summary).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="counts-h">
        <h2 id="counts-h">意见统计</h2>
        <table className="doc-table">
          <caption>收到并公开的意见及采纳情况（条）</caption>
          <thead>
            <tr>
              <th scope="col">条款</th>
              <th scope="col">意见数</th>
              <th scope="col">采纳</th>
              <th scope="col">部分采纳</th>
              <th scope="col">不予采纳</th>
            </tr>
          </thead>
          <tbody>
            {report.byArticle.map((g) => (
              <tr key={g.anchor ?? 'general'}>
                <th scope="row">{g.label}</th>
                <td>{g.total}</td>
                <td>{g.adopted}</td>
                <td>{g.partly}</td>
                <td>{g.rejected}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">合计</th>
              <td>{report.total}</td>
              <td>{report.counts.adopted}</td>
              <td>{report.counts.partly}</td>
              <td>{report.counts.rejected}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">逐条答复</h2>
        {answers.length === 0 ? (
          <p>本次征集未收到需要答复的意见。</p>
        ) : (
          <ol className="comment-list">
            {answers.map((c) => (
              <li key={c.id}>
                <p className="comment-meta">{`${c.anchorLabel} · ${c.channelName} · ${c.receivedOn}`}</p>
                {lines(c.body).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
                <p className="comment-answer">
                  <strong>{c.decisionName ?? '未作决定'}</strong>
                  {c.decisionReason ? `：${c.decisionReason}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p>
        <a href={consultationHref(view.id)}>返回征求意见稿</a>
      </p>
    </Layout>
  );
}
