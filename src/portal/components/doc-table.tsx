// A list of documents as a table: 标题, 发文字号, 发布日期, and where asked 发布机构 and 有效性.
// On narrow screens each row becomes a card (portal.css), the cell labels shown from data-label.
import type { DocRow } from '../types.ts';
import { ValidityTag } from './validity-tag.tsx';

type Props = { rows: DocRow[]; caption: string; showOrganisation?: boolean; showValidity?: boolean; empty?: string };

export function DocTable({ rows, caption, showOrganisation = false, showValidity = false, empty = '暂无信息。' }: Props) {
  if (rows.length === 0) return <p className="empty-list">{empty}</p>;
  return (
    <table className="doc-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">发文字号</th>
          {showOrganisation && <th scope="col">发布机构</th>}
          <th scope="col">发布日期</th>
          {showValidity && <th scope="col">有效性</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="doc-title" data-label="标题">
              <a href={r.href}>{r.title}</a>
            </td>
            <td className="nowrap" data-label="发文字号">{r.docNo ?? <span className="muted-dash">—</span>}</td>
            {showOrganisation && <td className="doc-org" data-label="发布机构">{r.organisationName}</td>}
            <td className="nowrap" data-label="发布日期">
              {r.publishedOn ? <time dateTime={r.publishedOn}>{r.publishedOn}</time> : <span className="muted-dash">—</span>}
            </td>
            {showValidity && <td className="nowrap" data-label="有效性">{r.validity ? <ValidityTag status={r.validity.status} name={r.validity.name} /> : '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
