// Tables 3 and 4 as an XLSX workbook in the official layout: one sheet per table, the merged header cells of the
// format (the note cell over 3 × 3, 三、本年度办理结果 down 22 rows, the sub-groups down 8/3/5/3 rows), numbers as numbers.
import ExcelJS from 'exceljs';
import { TABLE3_TITLE, TABLE4_TITLE, table3Columns, table4Results } from './domain/request-tables.ts';
import type { RequestStatistics } from './reports.service.ts';

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = '宋体';

function styleBlock(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number) {
  for (let r = fromRow; r <= toRow; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
}

function heading(ws: ExcelJS.Worksheet, cols: number, title: string, meta: string) {
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: '黑体', size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = meta;
  ws.getCell(2, 1).font = { name: FONT, size: 10 };
}

const HEAD = 3; // first header row (rows 1–2: title and scope line)

function table3Sheet(wb: ExcelJS.Workbook, s: RequestStatistics, meta: string) {
  const ws = wb.addWorksheet('表三 依申请公开', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 10 }, { width: 12 }, { width: 44 }, ...table3Columns.map(() => ({ width: 11 }))];
  const cols = 3 + table3Columns.length;
  heading(ws, cols, TABLE3_TITLE, meta);
  // Header: the note over three rows and three columns; 申请人情况; 法人或其他组织 over its five kinds.
  ws.mergeCells(HEAD, 1, HEAD + 2, 3);
  ws.getCell(HEAD, 1).value = s.table3.note;
  ws.mergeCells(HEAD, 4, HEAD, cols);
  ws.getCell(HEAD, 4).value = '申请人情况';
  ws.mergeCells(HEAD + 1, 4, HEAD + 2, 4);
  ws.getCell(HEAD + 1, 4).value = table3Columns[0]!.label;
  ws.mergeCells(HEAD + 1, 5, HEAD + 1, 9);
  ws.getCell(HEAD + 1, 5).value = '法人或其他组织';
  table3Columns.slice(1, 6).forEach((c, i) => (ws.getCell(HEAD + 2, 5 + i).value = c.label));
  ws.mergeCells(HEAD + 1, cols, HEAD + 2, cols);
  ws.getCell(HEAD + 1, cols).value = '总计';

  const first = HEAD + 3;
  const labels: ExcelJS.Cell[] = [];
  s.table3.rows.forEach((row, i) => {
    const r = first + i;
    row.values.forEach((v, c) => (ws.getCell(r, 4 + c).value = v));
    // Row labels span what the format spans: 一/二/四 all three label columns, （一）（二）（七） the last two.
    const from = !row.section ? 1 : !row.group ? 2 : 3;
    if (from < 3) ws.mergeCells(r, from, r, 3);
    ws.getCell(r, from).value = row.label;
    labels.push(ws.getCell(r, from));
  });
  const rowOf = (id: string) => first + s.table3.rows.findIndex((x) => x.id === id);
  ws.mergeCells(rowOf('R3.1'), 1, rowOf('R3.7'), 1);
  ws.getCell(rowOf('R3.1'), 1).value = '三、本年度办理结果';
  for (const group of [...new Set(s.table3.rows.map((x) => x.group).filter((g): g is string => !!g))]) {
    const rows = s.table3.rows.map((x, i) => (x.group === group ? first + i : -1)).filter((i) => i >= 0);
    ws.mergeCells(rows[0]!, 2, rows.at(-1)!, 2);
    ws.getCell(rows[0]!, 2).value = group;
  }
  const last = first + s.table3.rows.length - 1;
  styleBlock(ws, HEAD, last, cols);
  for (const cell of labels) cell.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  ws.getCell(last + 2, 1).value = `勾稽关系校验：${s.checks.every((c) => c.ok) ? '全部通过' : '未通过'}`;
  s.checks.forEach(
    (c, i) =>
      (ws.getCell(last + 3 + i, 1).value = `${c.ok ? '✓' : '✗'} ${c.label}${c.failures.length ? `：${c.failures.join('；')}` : ''}`),
  );
}

function table4Sheet(wb: ExcelJS.Workbook, s: RequestStatistics, meta: string) {
  const ws = wb.addWorksheet('表四 复议诉讼', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = table4Results.length;
  ws.columns = s.table4.columns.map(() => ({ width: 9 }));
  heading(ws, s.table4.columns.length, TABLE4_TITLE, meta);
  ws.mergeCells(HEAD, 1, HEAD, width);
  ws.getCell(HEAD, 1).value = '行政复议';
  ws.mergeCells(HEAD, width + 1, HEAD, 3 * width);
  ws.getCell(HEAD, width + 1).value = '行政诉讼';
  table4Results.forEach((r, i) => {
    ws.mergeCells(HEAD + 1, 1 + i, HEAD + 2, 1 + i);
    ws.getCell(HEAD + 1, 1 + i).value = r.label;
  });
  for (const g of [1, 2]) {
    ws.mergeCells(HEAD + 1, g * width + 1, HEAD + 1, (g + 1) * width);
    ws.getCell(HEAD + 1, g * width + 1).value = s.table4.columns[g * width]!.subgroup;
    table4Results.forEach((r, i) => (ws.getCell(HEAD + 2, g * width + 1 + i).value = r.label));
  }
  s.table4.values.forEach((v, i) => (ws.getCell(HEAD + 3, 1 + i).value = v));
  styleBlock(ws, HEAD, HEAD + 3, s.table4.columns.length);
}

export async function requestTablesXlsx(s: RequestStatistics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const meta = `填报机构：${s.organisation.name}${s.scope === 'subtree' ? '（含下级机构）' : ''}  统计期间：${s.period.from} 至 ${s.period.to}${s.partial ? `（截至 ${s.asOf}）` : ''}`;
  table3Sheet(wb, s, meta);
  table4Sheet(wb, s, meta);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
