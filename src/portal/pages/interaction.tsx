// 互动交流: the participation hub the main navigation points at: every participation page with what it is for,
// the consultations open now and the newest published answers.
import type { PageContext } from '../context.ts';
import type { ConsultationSummary } from '../../modules/consultations/index.ts';
import type { PublicQa } from '../../modules/qa/index.ts';
import { Breadcrumbs, INTERACTION_HREF, interactionLinks, Layout } from '../layout.tsx';
import { CONSULTATIONS_HREF, ConsultationTable } from './consultations.tsx';
import { chineseDate } from '../search-params.ts';

type Props = { ctx: PageContext; consultations: ConsultationSummary[]; answers: PublicQa[] };

export function InteractionPage({ ctx, consultations, answers }: Props) {
  return (
    <Layout
      ctx={ctx}
      title="互动交流"
      nav="interaction"
      canonical={INTERACTION_HREF}
      description="意见征集、政策问答、营商环境问题反映、重大会议与重大行政决策事项目录"
    >
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '互动交流' }]} />
      <h1>互动交流</h1>
      <div className="columns">
        {interactionLinks.map((l, i) => (
          <section key={l.href} className="column-card" aria-labelledby={`hub-${i}`}>
            <h2 id={`hub-${i}`}>
              <a href={l.href}>{l.label}</a>
            </h2>
            <p>{l.text}</p>
          </section>
        ))}
      </div>
      <section aria-labelledby="hub-open">
        <h2 id="hub-open">正在征集意见</h2>
        <ConsultationTable items={consultations} caption="正在征集意见的草案" empty="目前没有正在征集意见的草案。" />
        <p>
          <a href={CONSULTATIONS_HREF}>全部意见征集（含已公布采纳情况的）</a>
        </p>
      </section>
      <section aria-labelledby="hub-qa">
        <h2 id="hub-qa">最新政策问答</h2>
        {answers.length === 0 ? (
          <p>暂无已公开的政策问答。</p>
        ) : (
          <ul className="link-list">
            {answers.map((a) => {
              const date = chineseDate(a.publishedAt);
              return (
                <li key={a.id}>
                  <a href={a.url}>{a.title}</a>
                  <span className="hint">{`（${a.orgName}${date ? `，${date.text}` : ''}）`}</span>
                </li>
              );
            })}
          </ul>
        )}
        <ul className="link-list">
          <li>
            <a href="/qa">全部政策问答</a>
          </li>
          <li>
            <a href="/qa/ask">我要提问</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
