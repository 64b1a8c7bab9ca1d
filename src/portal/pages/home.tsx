// 首页: what the portal offers, the administrative levels at a glance, and its columns (those still being built
// say so).
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { INTERACTION_HREF, interactionLinks, Layout } from '../layout.tsx';
import { orgHref } from '../components/org-list.tsx';
import { feedHrefs, NORMATIVE_HREF, OPENNESS_HREF } from '../urls.ts';
import type { DocRow } from '../types.ts';
import { DocTable } from '../components/doc-table.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { ConsultationTable, CONSULTATIONS_FEED, CONSULTATIONS_HREF } from './consultations.tsx';
import type { ConsultationSummary } from '../../modules/consultations/index.ts';

export type LevelCounts = { city: Org | null; departments: number; areas: number; townships: number };

const liveColumns = [
  {
    id: 'zfxxgk',
    title: '政府信息公开',
    href: OPENNESS_HREF,
    text: '按《中华人民共和国政府信息公开条例》设置的专栏：各级行政机关的信息公开目录、法定主动公开内容和最新发布的政府信息，每条信息标明索引号、发布机构和发布日期。',
  },
  {
    id: 'zcwj',
    title: '政策文件',
    href: NORMATIVE_HREF,
    text: '行政规范性文件库：集中公布现行有效的行政规范性文件，标注文件的有效性（有效、已修改、已废止、已失效），并链接相应的政策解读。',
  },
  {
    id: 'yjzj',
    title: '意见征集',
    href: '/consultations',
    text: '规章、行政规范性文件和重大行政决策草案公开征求意见：可对草案全文或某一条款提出意见，征集结束后公布每条意见的采纳情况和理由；另有重大行政决策事项目录。',
  },
  {
    id: 'ysqgk',
    title: '依申请公开',
    href: '/requests',
    text: '向各级行政机关在线申请获取政府信息，凭受理编号和查询码查询办理进度、提交补正和下载答复书。',
  },
];


export function HomePage({ ctx, levels, recent, consultations = [] }: { ctx: PageContext; levels: LevelCounts; recent: DocRow[]; consultations?: ConsultationSummary[] }) {
  const { city } = levels;
  const directory = '/organisations';
  const stats = [
    { label: '市本级', value: city ? 1 : 0, href: city ? orgHref(city) : directory, note: city?.name },
    { label: '市政府部门', value: levels.departments, href: city ? `${directory}#city-${city.id}` : directory },
    { label: '县（市、区）', value: levels.areas, href: city ? `${directory}#areas-${city.id}` : directory },
    { label: '乡镇、街道', value: levels.townships, href: city ? `${directory}#areas-${city.id}` : directory },
  ];
  return (
    <Layout ctx={ctx} title={ctx.site.name} nav="home" canonical="/" feeds={[{ title: '最新政府信息', href: feedHrefs.documents }, { title: '意见征集', href: CONSULTATIONS_FEED }]} description={`${ctx.site.name}：政府信息公开、机构目录、政策文件与互动交流`}>
      <h1>{ctx.site.name}</h1>
      <p className="lead">
        本平台是{city?.name ?? '本市'}各级行政机关依法公开政府信息的统一平台：集中发布主动公开的政府信息和政策文件，受理政府信息公开申请，并公布各级机关的机构设置和联系方式。平台支持大字、高对比度和全键盘操作，不使用 JavaScript 也能正常浏览。
      </p>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">最新政府信息</h2>
        <DocTable rows={recent} caption="最新发布的政府信息" showOrganisation empty="暂无已发布的政府信息。" />
        <FeedLink href={feedHrefs.documents} label="订阅最新政府信息" />
      </section>
      <section aria-labelledby="consultations-heading">
        <h2 id="consultations-heading">正在征求意见</h2>
        <ConsultationTable items={consultations} caption="正在公开征求意见的草案" empty="目前没有正在征求意见的草案。" />
        <p>
          <a href={CONSULTATIONS_HREF}>全部意见征集</a>（含已公布的意见采纳情况）{' · '}<a href="/decisions">重大行政决策事项目录</a>
        </p>
        <FeedLink href={CONSULTATIONS_FEED} label="订阅意见征集" />
      </section>
      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading">机构层级</h2>
        <ul className="stats">
          {stats.map((s) => (
            <li key={s.label}>
              <a href={s.href}>
                <span className="stat-value">{s.value}</span>
                <span className="stat-label">
                  {s.label}
                  {s.note && `（${s.note}）`}
                </span>
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a className="button-link" href={directory}>
            查看完整机构目录
          </a>
        </p>
      </section>
      <section aria-labelledby="columns-heading">
        <h2 id="columns-heading">栏目</h2>
        <div className="columns">
          <section className="column-card" aria-labelledby="col-directory">
            <h3 id="col-directory">
              <a href={directory}>机构目录</a>
            </h3>
            <p>市、县（市、区）、乡镇（街道）三级行政机关及政府部门的基本信息和联系方式，可按名称筛选。</p>
          </section>
          {liveColumns.map((c) => (
            <section key={c.id} id={c.id} className="column-card" aria-labelledby={`col-${c.id}`}>
              <h3 id={`col-${c.id}`}>
                <a href={c.href}>{c.title}</a>
              </h3>
              <p>{c.text}</p>
            </section>
          ))}
          <section id="hdjl" className="column-card" aria-labelledby="col-hdjl">
            <h3 id="col-hdjl">
              <a href={INTERACTION_HREF}>互动交流</a>
            </h3>
            <ul className="link-list">
              {interactionLinks.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.label}</a>：{l.text}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </section>
    </Layout>
  );
}
