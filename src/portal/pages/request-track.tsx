// 查询办理进度: the tracking form, and once the number and code match, the case as the applicant may see it —
// status, due date and how it was computed, the public steps, a pending correction with its form, withdrawal (with
// a confirmation step that needs no JavaScript) and the answer with its downloads. Every action is a POST that
// carries the code in the body, never in a URL.
import type { ReactNode } from 'react';
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { PublicCaseView } from '../../modules/requests/index.ts';
import { CsrfField, TextField, fieldId, FieldMessages, describedBy } from '../components/form-fields.tsx';
import { REQUESTS_HREF, REQUEST_CORRECT_HREF, REQUEST_LETTER_HREF, REQUEST_RELEASED_HREF, REQUEST_TRACK_HREF, REQUEST_WITHDRAW_HREF } from '../request-urls.ts';
import { chineseDate, publicStateName, stateExplanations, withdrawableStates } from '../request-view.ts';

export type TrackProps = {
  ctx: PageContext;
  token: string;
  view?: PublicCaseView;
  /** The credentials, echoed into the action forms (never into URLs). */
  trackingNo?: string;
  code?: string;
  /** A message for the whole page (wrong code, done, refused). */
  notice?: { kind: 'error' | 'ok'; text: string };
  confirmWithdraw?: boolean;
  correctionError?: { text?: string; file?: string };
  correctionText?: string;
  uploadMaxMb: number;
};

function Credentials({ token, trackingNo, code }: { token: string; trackingNo: string; code: string }) {
  return (
    <>
      <CsrfField token={token} />
      <input type="hidden" name="trackingNo" value={trackingNo} />
      <input type="hidden" name="code" value={code} />
    </>
  );
}

function Notice({ notice }: { notice: NonNullable<TrackProps['notice']> }) {
  return (
    <div className={notice.kind === 'error' ? 'banner' : 'banner banner-ok'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>
        <strong>{notice.text}</strong>
      </p>
    </div>
  );
}

function TrackForm({ token, trackingNo }: { token: string; trackingNo?: string }) {
  return (
    <form className="request-form track-form" action={REQUEST_TRACK_HREF} method="post">
      <CsrfField token={token} />
      <TextField name="trackingNo" label="受理编号" value={trackingNo} required maxLength={60} width="medium" hint="例如：YS-2026-000123" autoComplete="off" />
      <TextField name="code" label="查询码" required maxLength={20} width="medium" hint="提交申请时页面显示的 10 位查询码，不区分大小写。" autoComplete="off" />
      <div className="form-actions">
        <button type="submit" className="button-primary">
          查询
        </button>
      </div>
    </form>
  );
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="fact-row">
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

export function RequestTrackPage(p: TrackProps) {
  const { ctx, token, view, notice } = p;
  const title = view ? `办理进度：${view.trackingNo}` : '查询办理进度';
  return (
    <Layout ctx={ctx} title={title} nav="requests">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '依申请公开', href: REQUESTS_HREF }, { label: '查询办理进度' }]} />
      <h1>{title}</h1>
      {notice && <Notice notice={notice} />}
      {view && p.trackingNo && p.code ? (
        <CaseView {...p} view={view} trackingNo={p.trackingNo} code={p.code} />
      ) : (
        <>
          <p className="lead">请输入提交申请时获得的受理编号和查询码。为保护您的信息，查询码不会出现在网址中；离开本页后需要重新输入。</p>
          <TrackForm token={token} trackingNo={p.trackingNo} />
        </>
      )}
    </Layout>
  );
}

function CaseView(p: TrackProps & { view: PublicCaseView; trackingNo: string; code: string }) {
  const { view: v, token, trackingNo, code } = p;
  const creds = <Credentials token={token} trackingNo={trackingNo} code={code} />;
  return (
    <>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">办理状态</h2>
        <p className="status-line">
          <span className="status-tag">{publicStateName(v)}</span> {stateExplanations[v.state]}
        </p>
        <dl className="facts">
          <Row label="受理编号">{v.trackingNo}</Row>
          <Row label="受理机关">{v.orgName}</Row>
          <Row label="所需信息">{v.informationTitle}</Row>
          <Row label="收到申请日期">{chineseDate(v.receivedOn)}</Row>
          <Row label="答复期限">
            {v.answerDue ? `${chineseDate(v.answerDue.date)}前${v.answerDue.provisional ? '（暂按周末计算）' : ''}` : v.state === 'correction_requested' ? '中止（收到补正后重新计算）' : '已办结'}
          </Row>
        </dl>
        {v.deadlineSteps.length > 0 && (
          <details className="deadline-steps">
            <summary>答复期限是怎样计算的</summary>
            <ol>
              {v.deadlineSteps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </details>
        )}
      </section>

      {v.correction && (
        <section aria-labelledby="correction-heading" className="action-panel">
          <h2 id="correction-heading">补正告知</h2>
          <p>行政机关要求补正以下内容：</p>
          <blockquote className="quoted-text">{v.correction.what}</blockquote>
          {v.correction.dueOn && <p>{`请于 ${chineseDate(v.correction.dueOn)} 前提交补正；无正当理由逾期不补正的，视为放弃申请。`}</p>}
          <form action={REQUEST_CORRECT_HREF} method="post" encType="multipart/form-data" className="request-form" noValidate>
            {creds}
            <TextField name="text" label="补正内容" rows={5} maxLength={2000} required value={p.correctionText} error={p.correctionError?.text} />
            <div className={`form-field${p.correctionError?.file ? ' has-error' : ''}`}>
              <label htmlFor={fieldId('file')}>
                补正材料<span className="optional">（选填）</span>
              </label>
              <FieldMessages name="file" hint={`图片、PDF 或办公文档，不超过 ${p.uploadMaxMb} MB。`} error={p.correctionError?.file} />
              <input id={fieldId('file')} type="file" name="file" aria-describedby={describedBy('file', true, p.correctionError?.file)} aria-invalid={p.correctionError?.file ? true : undefined} />
            </div>
            <div className="form-actions">
              <button type="submit" className="button-primary">
                提交补正
              </button>
            </div>
          </form>
        </section>
      )}

      {v.fee && (
        <section aria-labelledby="fee-heading" className="action-panel">
          <h2 id="fee-heading">收费通知</h2>
          <p>{`信息处理费 ${v.fee.amountYuan} 元（${v.fee.method}）${v.fee.payBy ? `，请于 ${chineseDate(v.fee.payBy)} 前缴纳` : ''}。缴费方式见行政机关发出的收费通知；逾期未缴纳的，视为放弃申请。`}</p>
        </section>
      )}

      {v.answer && (
        <section aria-labelledby="answer-heading" className="answer">
          <h2 id="answer-heading">答复结果</h2>
          <dl className="facts">
            <Row label="答复日期">{chineseDate(v.answer.answeredOn)}</Row>
            <Row label="答复类型">{v.answer.outcomeName}</Row>
            {v.answer.basis && <Row label="法律依据">{v.answer.basis}</Row>}
          </dl>
          {v.answer.text && (
            <>
              <h3>答复内容</h3>
              <div className="quoted-text">
                {v.answer.text.split(/\n+/).map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
            </>
          )}
          <h3>下载</h3>
          <ul className="download-list">
            <li>
              <form action={REQUEST_LETTER_HREF} method="post">
                {creds}
                <button type="submit" className="link-button">
                  下载政府信息公开申请答复书（Word 文档）
                </button>
              </form>
            </li>
            {v.answer.releasedFiles.map((f) => {
              const fileId = /\/released\/([^/?]+)/.exec(f.url)?.[1] ?? '';
              return (
                <li key={fileId}>
                  <form action={REQUEST_RELEASED_HREF} method="post">
                    {creds}
                    <input type="hidden" name="fileId" value={decodeURIComponent(fileId)} />
                    <button type="submit" className="link-button">{`下载提供的信息：${f.name}`}</button>
                  </form>
                </li>
              );
            })}
          </ul>
          <h3>救济途径</h3>
          <p>
            如对答复不服，可以自收到答复之日起 60 日内依法申请行政复议，也可以自收到答复之日起 6
            个月内依法提起行政诉讼；受理的复议机关和人民法院见答复书。也可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。
          </p>
        </section>
      )}

      {v.transferredTo && (
        <section aria-labelledby="transfer-heading" className="action-panel">
          <h2 id="transfer-heading">转办情况</h2>
          <p>{`该申请已转由${v.transferredTo.orgName}办理，新的受理编号为 ${v.transferredTo.trackingNo}，查询码不变。`}</p>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">办理过程</h2>
        <table className="doc-table history-table">
          <caption className="visually-hidden">申请的办理过程，按时间先后排列</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
            </tr>
          </thead>
          <tbody>
            {v.history.map((h, i) => (
              <tr key={i}>
                <td className="nowrap">{chineseDate(h.occurredOn)}</td>
                <td>{h.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {withdrawableStates.includes(v.state) && <Withdraw {...p} creds={creds} />}
      <p>
        <a href={REQUEST_TRACK_HREF}>查询其他申请</a>
      </p>
    </>
  );
}

function Withdraw(p: TrackProps & { creds: ReactNode }) {
  if (!p.confirmWithdraw) {
    return (
      <section aria-labelledby="withdraw-heading">
        <h2 id="withdraw-heading">撤回申请</h2>
        <p>答复作出前，可以撤回申请。撤回后行政机关不再处理本申请。</p>
        <form action={REQUEST_WITHDRAW_HREF} method="post">
          {p.creds}
          <button type="submit">撤回申请…</button>
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="withdraw-heading" className="confirm-panel" id="confirm-withdraw">
      <h2 id="withdraw-heading">确认撤回申请</h2>
      <p>
        <strong>撤回后行政机关不再处理本申请，且不能恢复。</strong>如仍需要该信息，需要重新提交申请。
      </p>
      <form action={REQUEST_WITHDRAW_HREF} method="post" className="request-form">
        {p.creds}
        <input type="hidden" name="confirm" value="1" />
        <TextField name="reason" label="撤回原因" maxLength={500} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button-danger">
            确认撤回
          </button>
        </div>
      </form>
      <form action={REQUEST_TRACK_HREF} method="post">
        {p.creds}
        <button type="submit">不撤回，返回</button>
      </form>
    </section>
  );
}
