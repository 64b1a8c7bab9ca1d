// Tables 3 and 4 of the annual report in the official layout (merged cells, the format's Chinese labels).
import type { RequestStatistics, Table3Row } from './api';
import './reportTables.css';

export function Table3View({ table }: { table: RequestStatistics['table3'] }) {
  const kinds = table.columns.filter((c) => c.group === '法人或其他组织');
  const sectionSize = table.rows.filter((r) => r.section).length;
  const groupSize = (g: string) => table.rows.filter((r) => r.group === g).length;
  const firstOf = (r: Table3Row, i: number, key: 'section' | 'group') => r[key] !== null && table.rows[i - 1]?.[key] !== r[key];
  return (
    <div className="gk-report-scroll" role="region" aria-label="表三（可左右滚动）" tabIndex={0}>
      <table className="gk-report-table" data-testid="table3">
        <caption>三、收到和处理政府信息公开申请情况</caption>
        <thead>
          <tr>
            <td className="gk-report-note" colSpan={3} rowSpan={3}>
              {table.note}
            </td>
            <th colSpan={table.columns.length} scope="colgroup">
              申请人情况
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">
              {table.columns[0]!.label}
            </th>
            <th colSpan={kinds.length} scope="colgroup">
              法人或其他组织
            </th>
            <th rowSpan={2} scope="col">
              总计
            </th>
          </tr>
          <tr>
            {kinds.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r.id} data-row={r.id}>
              {firstOf(r, i, 'section') && (
                <th className="gk-report-group" rowSpan={sectionSize} scope="rowgroup">
                  {r.section}
                </th>
              )}
              {firstOf(r, i, 'group') && (
                <th className="gk-report-group" rowSpan={groupSize(r.group!)} scope="rowgroup">
                  {r.group}
                </th>
              )}
              <th colSpan={!r.section ? 3 : !r.group ? 2 : 1} scope="row">
                {r.label}
              </th>
              {r.values.map((v, c) => (
                <td key={table.columns[c]!.key}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Table4View({ table }: { table: RequestStatistics['table4'] }) {
  const width = 5;
  const results = table.columns.slice(0, width);
  return (
    <div className="gk-report-scroll" role="region" aria-label="表四（可左右滚动）" tabIndex={0}>
      <table className="gk-report-table" data-testid="table4">
        <caption>四、政府信息公开行政复议、行政诉讼情况</caption>
        <thead>
          <tr>
            <th colSpan={width} scope="colgroup">
              行政复议
            </th>
            <th colSpan={2 * width} scope="colgroup">
              行政诉讼
            </th>
          </tr>
          <tr>
            {results.map((c) => (
              <th key={c.key} rowSpan={2} scope="col">
                {c.label}
              </th>
            ))}
            <th colSpan={width} scope="colgroup">
              {table.columns[width]!.subgroup}
            </th>
            <th colSpan={width} scope="colgroup">
              {table.columns[2 * width]!.subgroup}
            </th>
          </tr>
          <tr>
            {table.columns.slice(width).map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {table.values.map((v, i) => (
              <td key={table.columns[i]!.key}>{v}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
