// The receipt after an online application: the tracking number and the code, shown this once (only the code's
// hash is stored), with the receipt date and the answer's due date from the case service.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { ApplicationReceipt } from '../../modules/requests/index.ts';
import { REQUESTS_HREF, REQUEST_TRACK_HREF } from '../request-urls.ts';
import { chineseDate } from '../request-view.ts';

export function RequestReceiptPage({ ctx, receipt, orgName }: { ctx: PageContext; receipt: ApplicationReceipt; orgName: string }) {
  return (
    <Layout ctx={ctx} title="申请已提交">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '依申请公开', href: REQUESTS_HREF }, { label: '申请已提交' }]} />
      <h1>申请已提交</h1>
      <p className="lead">{`${orgName}已收到您的政府信息公开申请。`}</p>
      <div className="receipt" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">请记下受理编号和查询码</h2>
        <dl className="receipt-codes">
          <div>
            <dt>受理编号</dt>
            <dd className="code-text" id="receipt-tracking-no">
              {receipt.trackingNo}
            </dd>
          </div>
          <div>
            <dt>查询码</dt>
            <dd className="code-text" id="receipt-code">
              {receipt.code}
            </dd>
          </div>
        </dl>
        <p className="receipt-warning">
          <strong>查询码只在本页显示这一次</strong>
          ，本平台不保存查询码本身，丢失后无法找回。请抄写、截图或打印本页并妥善保管，不要告诉他人：凭受理编号和查询码可以查看办理进度、提交补正、撤回申请和下载答复。
        </p>
      </div>
      <dl className="facts">
        <div className="fact-row">
          <dt>受理机关</dt>
          <dd>{orgName}</dd>
        </div>
        <div className="fact-row">
          <dt>收到申请日期</dt>
          <dd>{chineseDate(receipt.receivedOn)}</dd>
        </div>
        <div className="fact-row">
          <dt>答复期限</dt>
          <dd>
            {`${chineseDate(receipt.answerDue.date)}前`}
            {receipt.answerDue.provisional && '（期限跨入尚未公布放假安排的年份，暂按周末计算）'}
            <p className="hint">自收到申请之日的次日起计算 20 个工作日；需要补正、征求意见、收费或延期的，期限会相应调整，查询进度时可以看到计算过程。</p>
          </dd>
        </div>
      </dl>
      <p>
        <a className="button-link" href={REQUEST_TRACK_HREF}>
          查询办理进度
        </a>
      </p>
    </Layout>
  );
}
