// Annual-report tables 3 and 4 (《政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号; domain.md §2.4–2.5) computed
// from case and remedy facts, with the cross-checks of the format. Pure: the facts come from the requests module.
//
// Table 3, year Y (dates are the case's receipt and conclusion dates at the organisation):
//   R1   received in Y;
//   R2   received before 1 January Y and not concluded before it (carried over; = R4 of Y−1);
//   R3.x concluded in Y, by outcome (部分公开 is one outcome, so it is counted once, in R3.2 only);
//   R3.7 every case concluded in Y (counted directly, so the check R3.7 = ΣR3.x proves each case has one row);
//   R4   received by 31 December Y and not concluded by then.
// Table 4, year Y: a remedy counts when it was filed by 31 December Y and not decided before 1 January Y; it is in
// its result's column when decided in Y, otherwise 尚未审结 (still pending at year end, counted again next year).
import {
  answerOutcomes,
  applicantKinds,
  remedyKinds,
  type AnswerOutcome,
  type ApplicantKind,
  type CaseStatisticsFact,
  type RemedyKind,
  type RemedyStatisticsFact,
} from '../../requests/index.ts';

/** The top-left cell of table 3, as the format prints it. */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const TABLE3_TITLE = '三、收到和处理政府信息公开申请情况';
export const TABLE4_TITLE = '四、政府信息公开行政复议、行政诉讼情况';

export type Table3ColumnKey = ApplicantKind | 'total';
export const table3Columns: { key: Table3ColumnKey; label: string; group: string | null }[] = [
  { key: 'natural', label: '自然人', group: null },
  { key: 'commercial', label: '商业企业', group: '法人或其他组织' },
  { key: 'research', label: '科研机构', group: '法人或其他组织' },
  { key: 'public_welfare', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legal_service', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'other_org', label: '其他', group: '法人或其他组织' },
  { key: 'total', label: '总计', group: null },
];

export interface Table3RowDef {
  id: string;
  label: string;
  /** 三、本年度办理结果 for the 22 result rows. */
  section: string | null;
  /** （三）不予公开 etc. for rows under a sub-group. */
  group: string | null;
}

const SECTION = '三、本年度办理结果';
const sub = (id: string, group: string, labels: string[]): Table3RowDef[] =>
  labels.map((label, i) => ({ id: `${id}.${i + 1}`, label, section: SECTION, group }));

/** The 25 rows with their ids and exact labels (domain.md §2.4). */
export const table3Rows: Table3RowDef[] = [
  { id: 'R1', label: '一、本年新收政府信息公开申请数量', section: null, group: null },
  { id: 'R2', label: '二、上年结转政府信息公开申请数量', section: null, group: null },
  { id: 'R3.1', label: '（一）予以公开', section: SECTION, group: null },
  { id: 'R3.2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', section: SECTION, group: null },
  ...sub('R3.3', '（三）不予公开', [
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ]),
  ...sub('R3.4', '（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']),
  ...sub('R3.5', '（五）不予处理', [
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
  ]),
  ...sub('R3.6', '（六）其他处理', [
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
  ]),
  { id: 'R3.7', label: '（七）总计', section: SECTION, group: null },
  { id: 'R4', label: '四、结转下年度继续办理', section: null, group: null },
];

/** Result rows in the order of answerOutcomes (both follow table 3): outcome → row id. */
const resultRowIds = table3Rows.filter((r) => r.section && r.id !== 'R3.7').map((r) => r.id);
export const outcomeRow: Record<AnswerOutcome, string> = Object.fromEntries(answerOutcomes.map((o, i) => [o, resultRowIds[i]!])) as Record<
  AnswerOutcome,
  string
>;

export type Table3Row = Table3RowDef & { values: number[] };
export interface Table3 {
  note: string;
  columns: typeof table3Columns;
  rows: Table3Row[];
}

export const table4Results = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
const table4Groups: { kind: RemedyKind; group: string; subgroup: string | null }[] = [
  { kind: 'reconsideration', group: '行政复议', subgroup: null },
  { kind: 'litigation_direct', group: '行政诉讼', subgroup: '未经复议直接起诉' },
  { kind: 'litigation_after_reconsideration', group: '行政诉讼', subgroup: '复议后起诉' },
];
export const table4Columns = table4Groups.flatMap((g) =>
  table4Results.map((r) => ({ key: `${g.kind}.${r.key}`, group: g.group, subgroup: g.subgroup, label: r.label })),
);
export interface Table4 {
  columns: typeof table4Columns;
  values: number[];
}

export interface Check {
  id: 'columns' | 'results' | 'balance' | 'carried_over' | 'table4_totals';
  label: string;
  ok: boolean;
  /** Which cells disagree, in Chinese; empty when ok. */
  failures: string[];
}

const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });

export function requestTable3(facts: readonly CaseStatisticsFact[], year: number): Table3 {
  const { first, last } = yearBounds(year);
  const rows = new Map(table3Rows.map((r) => [r.id, new Array<number>(table3Columns.length).fill(0)]));
  const totalCol = table3Columns.length - 1;
  const add = (rowId: string, kind: ApplicantKind) => {
    const values = rows.get(rowId)!;
    const col = applicantKinds.indexOf(kind);
    if (col >= 0) values[col]! += 1;
    values[totalCol]! += 1; // counted directly, so the column check catches a kind outside columns 1–6
  };
  for (const f of facts) {
    if (f.receivedOn > last) continue;
    const concludedBefore = f.concludedOn !== null && f.concludedOn < first;
    if (f.receivedOn >= first) add('R1', f.applicantKind);
    else if (!concludedBefore) add('R2', f.applicantKind);
    if (f.concludedOn !== null && f.concludedOn >= first && f.concludedOn <= last) {
      // A concluded case without a recorded outcome has no better row than 其他.
      add(f.outcome ? outcomeRow[f.outcome] : 'R3.6.3', f.applicantKind);
      add('R3.7', f.applicantKind);
    }
    if (f.concludedOn === null || f.concludedOn > last) add('R4', f.applicantKind);
  }
  return { note: TABLE3_NOTE, columns: table3Columns, rows: table3Rows.map((r) => ({ ...r, values: rows.get(r.id)! })) };
}

export function remedyTable4(facts: readonly RemedyStatisticsFact[], year: number): Table4 {
  const { first, last } = yearBounds(year);
  const values = new Array<number>(table4Columns.length).fill(0);
  const width = table4Results.length;
  for (const f of facts) {
    if (f.filedOn > last || (f.decidedOn !== null && f.decidedOn < first)) continue;
    const base = remedyKinds.indexOf(f.kind) * width;
    if (base < 0) continue;
    const decidedInYear = f.result !== 'pending' && f.decidedOn !== null && f.decidedOn <= last;
    values[base + table4Results.findIndex((r) => r.key === (decidedInYear ? f.result : 'pending'))]! += 1;
    values[base + width - 1]! += 1;
  }
  return { columns: table4Columns, values };
}

const row = (t: Table3, id: string) => t.rows.find((r) => r.id === id)!.values;
const colName = (i: number) => `第 ${i + 1} 列（${table3Columns[i]!.label}）`;

/** The cross-checks of the format; `previous` (table 3 of year − 1) adds R2 = last year's R4. */
export function checkTables(t3: Table3, t4: Table4, previous?: Table3): Check[] {
  const cols = table3Columns.map((_, i) => i);
  const columns: string[] = [];
  for (const r of t3.rows) {
    const sum = r.values.slice(0, -1).reduce((a, b) => a + b, 0);
    if (sum !== r.values.at(-1)) columns.push(`${r.label}：第 1–6 列之和 ${sum} ≠ 总计 ${r.values.at(-1)}`);
  }
  const results: string[] = [];
  const resultRows = t3.rows.filter((r) => r.section && r.id !== 'R3.7');
  for (const c of cols) {
    const sum = resultRows.reduce((a, r) => a + r.values[c]!, 0);
    if (sum !== row(t3, 'R3.7')[c]) results.push(`${colName(c)}：各项办理结果之和 ${sum} ≠ （七）总计 ${row(t3, 'R3.7')[c]}`);
  }
  const balance: string[] = [];
  for (const c of cols) {
    const left = row(t3, 'R1')[c]! + row(t3, 'R2')[c]!;
    const right = row(t3, 'R3.7')[c]! + row(t3, 'R4')[c]!;
    if (left !== right) balance.push(`${colName(c)}：一 + 二 = ${left}，三（七）+ 四 = ${right}`);
  }
  const checks: Check[] = [
    { id: 'columns', label: '每行总计等于第 1–6 列之和', ok: columns.length === 0, failures: columns },
    { id: 'results', label: '（七）总计等于各项办理结果之和', ok: results.length === 0, failures: results },
    { id: 'balance', label: '第一项加第二项之和等于第三项（七）加第四项之和（每列）', ok: balance.length === 0, failures: balance },
  ];
  if (previous) {
    const carried = cols
      .filter((c) => row(t3, 'R2')[c] !== row(previous, 'R4')[c])
      .map((c) => `${colName(c)}：本年上年结转 ${row(t3, 'R2')[c]} ≠ 上年结转下年度 ${row(previous, 'R4')[c]}`);
    checks.push({ id: 'carried_over', label: '本年“上年结转”等于上年“结转下年度继续办理”', ok: carried.length === 0, failures: carried });
  }
  const t4failures: string[] = [];
  for (let g = 0; g < t4.values.length; g += table4Results.length) {
    const sum = t4.values.slice(g, g + table4Results.length - 1).reduce((a, b) => a + b, 0);
    const total = t4.values[g + table4Results.length - 1]!;
    const name = t4.columns[g]!.subgroup ?? t4.columns[g]!.group;
    if (sum !== total) t4failures.push(`${name}：四项之和 ${sum} ≠ 总计 ${total}`);
  }
  checks.push({ id: 'table4_totals', label: '表四各“总计”等于其前四项之和', ok: t4failures.length === 0, failures: t4failures });
  return checks;
}
