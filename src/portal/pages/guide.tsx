// 政府信息公开指南 (条例第十二条): generated on every request from the organisation's registered data and its
// catalog, so it changes the moment the office updates its address, phone or columns. Legal periods from the 条例.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { Org } from '../directory.ts';
import type { ColumnNode } from '../publishing.ts';
import { beijingDate } from '../format.ts';
import { guideHref, NORMATIVE_HREF, xxgkHref } from '../urls.ts';
import { ColumnList } from '../components/column-tree.tsx';
import { applyHref, REQUEST_TRACK_HREF } from '../request-urls.ts';

const MISSING = '（本机关尚未登记）';

function Fact({ label, value, href }: { label: string; value: string | null; href?: string }) {
  return (
    <div className="fact-row">
      <dt>{label}</dt>
      <dd>{value ? href ? <a href={href}>{value}</a> : value : <span className="missing">{MISSING}</span>}</dd>
    </div>
  );
}

export function GuidePage({ ctx, org, roots, updatedAt }: { ctx: PageContext; org: Org; roots: ColumnNode[]; updatedAt: string }) {
  const c = org.contact;
  const office = c.officeName || null;
  const title = `${org.name}政府信息公开指南`;
  return (
    <Layout ctx={ctx} title={title} nav="openness" canonical={guideHref(org.id)}>
      <Breadcrumbs
        items={[{ label: '首页', href: '/' }, { label: `${org.name}政府信息公开`, href: xxgkHref(org.id) }, { label: '政府信息公开指南' }]}
      />
      <article className="document guide" aria-labelledby="guide-title">
        <h1 id="guide-title">{title}</h1>
        <p className="lead">
          {`为便于公民、法人和其他组织获取${org.name}的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。本指南根据本机关登记的信息自动生成，信息变更后即时更新。`}
        </p>

        <section aria-labelledby="guide-office">
          <h2 id="guide-office">一、政府信息公开工作机构</h2>
          <dl className="facts">
            <Fact label="机构名称" value={office} />
            <Fact label="办公地址" value={c.address} />
            <Fact label="邮政编码" value={c.postcode} />
            <Fact label="办公时间" value={c.officeHours} />
            <Fact
              label="联系电话"
              value={c.phone}
              href={c.phone && /^[\d\s()+-]{5,}$/.test(c.phone) ? `tel:${c.phone.replace(/[^\d+]/g, '')}` : undefined}
            />
            <Fact label="传真" value={c.fax} />
            <Fact label="电子邮箱" value={c.email} href={c.email ? `mailto:${c.email}` : undefined} />
            <Fact label="互联网联系方式" value={c.website} href={c.website && /^https?:\/\//i.test(c.website) ? c.website : undefined} />
          </dl>
        </section>

        <section aria-labelledby="guide-proactive">
          <h2 id="guide-proactive">二、主动公开</h2>
          <h3>（一）公开内容的分类与编排</h3>
          <p>本机关主动公开的政府信息按下列信息公开目录分类编排，每条信息标明索引号、名称、内容概述和生成日期：</p>
          {roots.length > 0 ? <ColumnList nodes={roots} /> : <p>本机关尚未设置信息公开目录。</p>}
          <h3>（二）公开方式</h3>
          <p>
            主动公开的政府信息通过本平台“<a href={xxgkHref(org.id)}>{org.name}政府信息公开</a>
            ”专栏发布，可按目录浏览、在站内搜索中检索，并可通过各栏目的订阅（Atom）获取更新；行政规范性文件见“
            <a href={NORMATIVE_HREF}>政策文件</a>”库。也可在本机关设置的查阅场所以及国家档案馆、公共图书馆查阅。
          </p>
          <h3>（三）公开时限</h3>
          <p>属于主动公开范围的政府信息，自该信息形成或者变更之日起 20 个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定。</p>
        </section>

        <section aria-labelledby="guide-request">
          <h2 id="guide-request">三、依申请公开</h2>
          <h3>（一）申请方式</h3>
          <p>
            公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请应当采用书面形式（包括数据电文形式）；采用书面形式确有困难的，可以口头提出，由本机关代为填写申请。
          </p>
          <ul>
            <li>
              网上申请：<a href={applyHref(org.id)}>在线填写政府信息公开申请</a>，提交后即获得受理编号和查询码，可随时
              <a href={REQUEST_TRACK_HREF}>查询办理进度</a>
            </li>
            <li>{`当面提交：${c.address ?? MISSING}${c.officeHours ? `，${c.officeHours}` : ''}`}</li>
            <li>{`邮政寄送：${c.address ?? MISSING}${c.postcode ? `（邮编 ${c.postcode}）` : ''}，请在信封上注明“政府信息公开申请”`}</li>
            <li>{`传真：${c.fax ?? MISSING}`}</li>
            <li>{`电子邮件：${c.email ?? MISSING}`}</li>
          </ul>
          <h3>（二）申请内容</h3>
          <p>
            申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。
          </p>
          <h3>（三）办理时限</h3>
          <p>
            能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20
            个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20
            个工作日。申请内容不明确的，本机关自收到申请之日起 7
            个工作日内一次性告知申请人作出补正，答复期限自收到补正的申请之日起计算。征求第三方和其他机关意见所需时间不计算在答复期限内。
          </p>
          <h3>（四）收费</h3>
          <p>
            本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费。
          </p>
        </section>

        <section aria-labelledby="guide-remedy">
          <h2 id="guide-remedy">四、监督和救济</h2>
          <p>
            公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以自知道该行政行为之日起
            60 日内依法申请行政复议，或者自知道或者应当知道该行政行为之日起 6 个月内依法提起行政诉讼。
          </p>
        </section>
        <p className="doc-updated">{`本指南最近更新：${beijingDate(updatedAt) ?? ''}`}</p>
      </article>
    </Layout>
  );
}
