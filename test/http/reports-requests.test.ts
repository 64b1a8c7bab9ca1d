// Annual-report tables 3 and 4 from real cases run through the API across the 2025/2026 year boundary: exact cells,
// the cross-checks, scope self/subtree, permissions, bad input, and the XLSX read back with exceljs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildUser, orgByName } from '../support/factories.ts';
import { applicantFields, multipart, proofPdf, residentId, setupRequests, uscc } from './requests.support.ts';

type Stats = {
  year: number;
  scope: string;
  partial: boolean;
  ok: boolean;
  table3: { note: string; rows: { id: string; label: string; values: number[] }[] };
  table4: { values: number[] };
  checks: { id: string; ok: boolean }[];
};

test('表三、表四: real cases across a year boundary, exact cells, checks, scope, permissions, XLSX', async (t) => {
  const s = await setupRequests(t, { GONGKAI_REQUEST_LEGAL_REVIEW: 'optional' });
  const { app, services, dept, other, handler, office, otherHandler, admin } = s;
  const city = await orgByName(services, '宜昌市');

  const apply = async (on: string, orgId: string, title: string, over: Record<string, string> = {}) => {
    s.setToday(on);
    const f = await multipart(applicantFields(orgId, { title, docNumber: '', ...over }), {
      identityProof: { name: 'id.pdf', bytes: proofPdf() },
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/requests', ...f });
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json() as { trackingNo: string; code: string };
    const list = (await app.inject({ url: `/api/v1/requests?q=${encodeURIComponent(title)}`, headers: admin })).json() as {
      items: { id: string }[];
    };
    return { ...receipt, id: list.items[0]!.id };
  };
  const event = async (headers: Record<string, string>, id: string, body: Record<string, unknown>) => {
    s.setToday(body.occurredOn as string);
    const res = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers, payload: body });
    assert.equal(res.statusCode, 200, res.body);
  };
  const answer = async (headers: Record<string, string>, id: string, received: string, on: string, outcome: string) => {
    await event(headers, id, { type: 'accepted', occurredOn: received });
    await event(headers, id, { type: 'answered', occurredOn: on, outcome, text: '答复内容' });
  };
  const company = { applicantKind: 'commercial', name: '宜昌某某科技有限公司', idNumber: uscc(), contactPerson: '王五' };
  const institute = { applicantKind: 'research', name: '某某研究院', idNumber: uscc('12420500MB1234567'), contactPerson: '赵六' };

  // 2025: A (natural) and B (company) stay open over New Year; C (natural) is answered in 2025.
  const a = await apply('2025-12-15', dept.id, '案件甲 城区停车规划');
  await apply('2025-12-22', dept.id, '案件乙 企业补贴名单', company);
  const c = await apply('2025-12-29', dept.id, '案件丙 法律援助统计', { idNumber: residentId('19850101', '456') });
  await answer(handler, c.id, '2025-12-29', '2025-12-30', 'granted');
  // 2026: A answered 部分公开; D (institute) withdrawn; E at another organisation answered 无法提供-1;
  // F received on 28 December and answered only in January 2027.
  await answer(handler, a.id, '2026-01-05', '2026-01-09', 'partial');
  const d = await apply('2026-03-02', dept.id, '案件丁 研究数据', institute);
  s.setToday('2026-03-05');
  assert.equal(
    (await app.inject({ method: 'POST', url: `/api/v1/requests/${d.trackingNo}/withdraw?code=${d.code}`, payload: {} })).statusCode,
    200,
  );
  const e = await apply('2026-06-01', other.id, '案件戊 财政专项资金');
  await answer(otherHandler, e.id, '2026-06-01', '2026-06-10', 'unable.no_info');
  const f = await apply('2026-12-28', dept.id, '案件己 年末申请');
  // Remedies: a reconsideration of C filed and upheld in 2026; a direct suit about A still pending.
  s.setToday('2026-03-01');
  const remedy = (id: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/requests/${id}/remedies`, headers: handler, payload: body });
  assert.equal(
    (await remedy(c.id, { kind: 'reconsideration', filedOn: '2026-01-10', result: 'upheld', decidedOn: '2026-03-01' })).statusCode,
    201,
  );
  assert.equal((await remedy(a.id, { kind: 'litigation_direct', filedOn: '2026-02-01', result: 'pending' })).statusCode, 201);
  await answer(handler, f.id, '2026-12-29', '2027-01-05', 'granted');
  services.reports.setToday(() => '2027-01-06');

  const get = async (year: number, org: string, scope: string, headers = handler) =>
    app.inject({ url: `/api/v1/reports/annual/${year}/requests?org=${org}&scope=${scope}`, headers });
  const stats = async (year: number, org: string, scope = 'self', headers = handler) => {
    const res = await get(year, org, scope, headers);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Stats;
  };
  const cells = (st: Stats, id: string) => st.table3.rows.find((r) => r.id === id)!.values;
  //                     自然人 商业 科研 公益 法律 其他 总计
  const Z = [0, 0, 0, 0, 0, 0, 0];

  const y2026 = await stats(2026, dept.id);
  assert.equal(y2026.partial, false);
  assert.equal(y2026.table3.note, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.deepEqual(cells(y2026, 'R1'), [1, 0, 1, 0, 0, 0, 2], 'D and F');
  assert.deepEqual(cells(y2026, 'R2'), [1, 1, 0, 0, 0, 0, 2], 'A and B carried over');
  assert.deepEqual(cells(y2026, 'R3.1'), Z, 'F was answered in 2027, C in 2025');
  assert.deepEqual(cells(y2026, 'R3.2'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(cells(y2026, 'R3.6.3'), [0, 0, 1, 0, 0, 0, 1], 'withdrawn');
  assert.deepEqual(cells(y2026, 'R3.7'), [1, 0, 1, 0, 0, 0, 2]);
  assert.deepEqual(cells(y2026, 'R4'), [1, 1, 0, 0, 0, 0, 2], 'B and F');
  assert.deepEqual(y2026.table4.values, [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  assert.equal(y2026.ok, true);
  assert.deepEqual(
    y2026.checks.map((x) => [x.id, x.ok]),
    [
      ['columns', true],
      ['results', true],
      ['balance', true],
      ['carried_over', true],
      ['table4_totals', true],
    ],
  );

  const y2025 = await stats(2025, dept.id);
  assert.deepEqual(cells(y2025, 'R1'), [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(cells(y2025, 'R3.1'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(cells(y2025, 'R4'), cells(y2026, 'R2'), 'R4 of 2025 = R2 of 2026');
  assert.deepEqual(y2025.table4.values, Array(15).fill(0), 'remedies were filed in 2026');

  // The city with its subtree adds E (财政局); the city alone has no cases. The office reads too.
  const city2026 = await stats(2026, city.id, 'subtree', admin);
  assert.deepEqual(cells(city2026, 'R1'), [2, 0, 1, 0, 0, 0, 3]);
  assert.deepEqual(cells(city2026, 'R3.4.1'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(cells(city2026, 'R3.7'), [2, 0, 1, 0, 0, 0, 3]);
  assert.equal(city2026.ok, true);
  assert.deepEqual(cells(await stats(2026, city.id, 'self', admin), 'R1'), Z);
  assert.deepEqual(cells(await stats(2026, dept.id, 'self', office), 'R1'), [1, 0, 1, 0, 0, 0, 2]);
  const y2027 = await stats(2027, dept.id);
  assert.equal(y2027.partial, true);
  assert.deepEqual(cells(y2027, 'R3.1'), [1, 0, 0, 0, 0, 0, 1], 'F in 2027');

  // No personal data in statistics or exports.
  assert.ok(!/张三|王五|13912345678|420502/.test(JSON.stringify(city2026)));

  // Permissions: other organisations, organisations above one's grant, editors and unknown ids answer 404.
  const editor = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const editorHeaders = await s.login(editor.username, editor.password);
  const missing = await get(2026, '01900000-0000-7000-8000-000000000000', 'self');
  assert.equal(missing.statusCode, 404);
  for (const [org, headers] of [
    [dept.id, otherHandler],
    [city.id, handler],
    [dept.id, editorHeaders],
  ] as const) {
    const res = await get(2026, org, 'subtree', headers);
    assert.equal(res.statusCode, 404);
    assert.equal(res.body, missing.body, 'forbidden answers exactly like missing');
  }
  assert.equal((await app.inject({ url: `/api/v1/reports/annual/2026/requests?org=${dept.id}` })).statusCode, 401);

  // Bad input: clear 4xx.
  const future = await get(2028, dept.id, 'self');
  assert.equal(future.statusCode, 400);
  assert.match(future.json().error.message, /年度应在 2008 年至今年（2027 年）之间/);
  assert.equal((await get(2007, dept.id, 'self')).statusCode, 400);
  assert.equal((await get(2026, dept.id, 'everything')).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/reports/annual/2026/requests', headers: handler })).statusCode, 400, 'org is required');

  // XLSX in the official layout.
  const xlsx = await app.inject({ url: `/api/v1/reports/annual/2026/requests.xlsx?org=${city.id}&scope=subtree`, headers: admin });
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws3 = wb.worksheets[0]!;
  const text = (r: number, c: number) => String(ws3.getCell(r, c).value ?? '');
  assert.equal(text(1, 1), '三、收到和处理政府信息公开申请情况');
  assert.match(text(2, 1), /宜昌市（含下级机构）.*2026-01-01 至 2026-12-31/);
  assert.equal(text(3, 1), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.deepEqual(
    [text(3, 4), text(4, 4), text(4, 5), text(5, 5), text(5, 9), text(4, 10)],
    ['申请人情况', '自然人', '法人或其他组织', '商业企业', '其他', '总计'],
  );
  assert.deepEqual(
    [
      text(6, 1),
      text(7, 1),
      text(8, 1),
      text(8, 2),
      text(10, 2),
      text(10, 3),
      text(18, 2),
      text(21, 2),
      text(26, 2),
      text(28, 3),
      text(29, 2),
      text(30, 1),
    ],
    [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（三）不予公开',
      '1.属于国家秘密',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ],
  );
  const merges = (ws3.model as unknown as { merges: string[] }).merges;
  for (const m of [
    'A3:C5',
    'D3:J3',
    'D4:D5',
    'E4:I4',
    'J4:J5',
    'A6:C6',
    'A7:C7',
    'A8:A29',
    'B8:C8',
    'B9:C9',
    'B10:B17',
    'B18:B20',
    'B21:B25',
    'B26:B28',
    'B29:C29',
    'A30:C30',
  ])
    assert.ok(merges.includes(m), `merged ${m} (have ${merges.join(' ')})`);
  const numbers = (r: number) => [4, 5, 6, 7, 8, 9, 10].map((c) => ws3.getCell(r, c).value);
  assert.deepEqual(numbers(6), [2, 0, 1, 0, 0, 0, 3], 'R1 as numbers');
  assert.deepEqual(numbers(18), [1, 0, 0, 0, 0, 0, 1], 'R3.4.1');
  assert.deepEqual(numbers(29), [2, 0, 1, 0, 0, 0, 3], 'R3.7');
  assert.match(text(32, 1), /勾稽关系校验：全部通过/);
  const ws4 = wb.worksheets[1]!;
  assert.equal(String(ws4.getCell(1, 1).value), '四、政府信息公开行政复议、行政诉讼情况');
  assert.deepEqual(
    [3, 4, 5].map((r) => [1, 6, 11].map((c) => String(ws4.getCell(r, c).value))),
    [
      ['行政复议', '行政诉讼', '行政诉讼'],
      ['结果维持', '未经复议直接起诉', '复议后起诉'],
      ['结果维持', '结果维持', '结果维持'],
    ],
  );
  const merges4 = (ws4.model as unknown as { merges: string[] }).merges;
  for (const m of ['A3:E3', 'F3:O3', 'A4:A5', 'E4:E5', 'F4:J4', 'K4:O4']) assert.ok(merges4.includes(m), `table 4 merged ${m}`);
  assert.deepEqual(
    Array.from({ length: 15 }, (_, i) => ws4.getCell(6, i + 1).value),
    [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
  );
  const allText = wb.worksheets.flatMap((w) => w.getSheetValues().flat()).join(' ');
  assert.ok(!/张三|王五|13912345678/.test(allText), 'no personal data in the export');
});
