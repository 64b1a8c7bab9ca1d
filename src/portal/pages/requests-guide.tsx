// 依申请公开: how to apply, the statutory time limits, fees and remedies (条例第四章; 国办函〔2020〕109号), with the
// way into the form (choosing the organisation first) and into tracking.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { orgChoices } from '../components/form-fields.tsx';
import { REQUESTS_HREF, REQUEST_APPLY_HREF, REQUEST_TRACK_HREF } from '../request-urls.ts';

export function RequestsGuidePage({ ctx, orgs }: { ctx: PageContext; orgs: Org[] }) {
  return (
    <Layout ctx={ctx} title="依申请公开" nav="requests" canonical={REQUESTS_HREF} description="向行政机关申请获取政府信息：申请方式、办理时限、收费和救济途径，网上提交申请和查询办理进度">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '依申请公开' }]} />
      <h1>依申请公开</h1>
      <p className="lead">
        除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。在本平台网上提交申请，收到申请之日即为受理日期。
      </p>
      <div className="action-cards">
        <section className="column-card" aria-labelledby="apply-heading">
          <h2 id="apply-heading">提交申请</h2>
          <form action={REQUEST_APPLY_HREF} method="get" className="org-chooser">
            <label htmlFor="chooser-org">选择受理申请的行政机关</label>
            <p className="hint" id="chooser-hint">
              向制作或者保存该政府信息的行政机关申请。
            </p>
            <div className="filter-row">
              <select id="chooser-org" name="org" aria-describedby="chooser-hint">
                <option value="">请选择行政机关</option>
                {orgChoices(orgs).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <button type="submit">填写申请</button>
            </div>
          </form>
        </section>
        <section className="column-card" aria-labelledby="track-heading">
          <h2 id="track-heading">查询办理进度</h2>
          <p>凭提交申请后获得的受理编号和查询码，查看办理状态、答复期限、补正要求和答复结果，下载答复书。</p>
          <p>
            <a className="button-link" href={REQUEST_TRACK_HREF}>
              查询办理进度
            </a>
          </p>
        </section>
      </div>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">申请方式</h2>
        <ul>
          <li>网上申请：填写本平台的申请表并上传身份证明，提交后即获得受理编号和查询码。</li>
          <li>当面提交、邮政寄送、传真或电子邮件：地址和联系方式见各行政机关“政府信息公开”专栏中的“政府信息公开指南”。</li>
          <li>采用书面形式确有困难的，可以口头提出，由受理机关代为填写申请。</li>
        </ul>
        <p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的形式和方式（条例第二十九条）。</p>
      </section>

      <section aria-labelledby="time-heading">
        <h2 id="time-heading">办理时限</h2>
        <ul>
          <li>能够当场答复的，当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复。</li>
          <li>需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日。</li>
          <li>申请内容不明确的，行政机关自收到申请之日起 7 个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请。</li>
          <li>征求第三方或者其他机关意见所需时间不计算在答复期限内（条例第三十三条）。</li>
        </ul>
      </section>

      <section aria-labelledby="fee-heading">
        <h2 id="fee-heading">收费</h2>
        <p>
          行政机关依申请提供政府信息，不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费：按件计收的，同一申请人一个自然月内累计申请
          10 件以下（含）不收费；按量计收的，30 页以下（含）不收费。收费的，行政机关会发出收费通知，缴费期间不计入答复期限。
        </p>
      </section>

      <section aria-labelledby="remedy-heading">
        <h2 id="remedy-heading">救济途径</h2>
        <p>
          认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以自知道该行政行为之日起 60
          日内依法申请行政复议，或者自知道或者应当知道该行政行为之日起 6 个月内依法提起行政诉讼（条例第五十一条）。
        </p>
      </section>
    </Layout>
  );
}
