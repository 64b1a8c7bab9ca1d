// 重大行政决策事项目录: the index of published catalogs and one government's catalog for a year, with the five
// statutory procedures of each item (dates only; internal notes stay in the admin app).
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { consultationHref } from './consultations.tsx';
import type { DecisionItemView } from '../../modules/decisions/index.ts';
import { procedureKinds, procedureNames } from '../../modules/decisions/index.ts';

export const DECISIONS_HREF = '/decisions';
export const catalogHref = (orgId: string, year: number) => `/decisions/${encodeURIComponent(orgId)}/${year}`;

export function DecisionIndexPage({ ctx, catalogs }: { ctx: PageContext; catalogs: { organisationId: string; organisationName: string; year: number; items: number }[] }) {
  return (
    <Layout ctx={ctx} title="重大行政决策事项目录" nav="interaction" canonical={DECISIONS_HREF}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '重大行政决策事项目录' }]} />
      <h1>重大行政决策事项目录</h1>
      <p className="lead">
        按《重大行政决策程序暂行条例》，各级人民政府每年公布重大行政决策事项目录。每个事项须经公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序，本目录公开各项程序的完成情况。
      </p>
      {catalogs.length === 0 ? (
        <p>暂无已公布的目录。</p>
      ) : (
        <ul className="catalog-index">
          {catalogs.map((c) => (
            <li key={`${c.organisationId}-${c.year}`}>
              <a href={catalogHref(c.organisationId, c.year)}>{`${c.organisationName} ${c.year} 年度重大行政决策事项目录`}</a>
              <span className="hint">{`（${c.items} 项）`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function DecisionCatalogPage({ ctx, organisationName, year, items }: { ctx: PageContext; organisationName: string; year: number; items: DecisionItemView[] }) {
  const title = `${organisationName} ${year} 年度重大行政决策事项目录`;
  return (
    <Layout ctx={ctx} title={title} nav="interaction" canonical={items[0] ? catalogHref(items[0].organisationId, year) : DECISIONS_HREF}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '重大行政决策事项目录', href: DECISIONS_HREF }, { label: `${organisationName} ${year} 年度` }]} />
      <h1>{title}</h1>
      {items.length === 0 ? (
        <p>该年度目录暂无已公布的事项。</p>
      ) : (
        <div className="table-scroll">
          <table className="doc-table decision-catalog">
            <caption>{`${title}（共 ${items.length} 项；程序栏为完成日期）`}</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">决策事项</th>
                <th scope="col">承办单位</th>
                {procedureKinds.map((k) => (
                  <th scope="col" key={k}>
                    {procedureNames[k]}
                  </th>
                ))}
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.id}>
                  <td>{i + 1}</td>
                  <td>
                    {item.title}
                    {item.summary && <span className="hint block">{item.summary}</span>}
                    {item.consultationId && (
                      <a className="block" href={consultationHref(item.consultationId)}>
                        征求意见
                      </a>
                    )}
                    {item.decisionDocumentId && (
                      <a className="block" href={`/documents/${encodeURIComponent(item.decisionDocumentId)}`}>
                        决策文件
                      </a>
                    )}
                  </td>
                  <td>{item.department}</td>
                  {item.procedures.map((p) => (
                    <td key={p.kind}>{p.status === 'done' ? p.doneOn : p.statusName}</td>
                  ))}
                  <td>{item.decidedOn ? `${item.statusName}（${item.decidedOn}）` : item.statusName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
