// 年度报表 and 答复书模板 in the admin app. An openness-office administrator of 宜昌市司法局 sees tables 3 and 4 of 2026
// computed from cases across the 2025/2026 boundary in the official layout, with the cross-checks, switches the scope,
// and exports the XLSX; then edits the answer-letter template (an unknown placeholder is refused with its name, a
// valid paragraph is saved and previewed) and deletes it after confirming. Both pages pass axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startPortal, type Portal } from './support/browser.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { applicantFields, multipart, proofPdf } from '../http/requests.support.ts';

const PASSWORD = 'report-flow-password-1';

async function staff(portal: Portal, orgId: string, role: string) {
  const user = await buildUser(portal.services, orgId, [{ role, orgId }]);
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers,
    payload: { currentPassword: user.password, newPassword: PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  return { user, headers: await portal.login(user.username, PASSWORD) };
}

async function signIn(page: Page, username: string, path: string) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: 'Gongkai 政务公开管理后台' }).waitFor();
}

const rowCells = (page: Page, rowId: string) => page.locator(`[data-testid=table3] tr[data-row="${rowId}"] td`).allInnerTexts();

test('年度报表 and 答复书模板: official tables with checks and export; template edit, preview, delete with confirmation', async (t) => {
  const portal = await startPortal(t, { GONGKAI_REQUEST_LEGAL_REVIEW: 'optional' });
  const { app, services } = portal;
  const dept = await orgByName(services, '宜昌市司法局');
  const handler = await staff(portal, dept.id, 'case_handler');
  const office = await staff(portal, dept.id, 'office_admin');

  let today = '2025-12-15';
  services.requests.setToday(() => today);
  services.reports.setToday(() => '2027-01-06');
  const apply = async (on: string, title: string) => {
    today = on;
    const f = await multipart(applicantFields(dept.id, { title, docNumber: '' }), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/requests', ...f })).statusCode, 201);
    return (
      (await app.inject({ url: `/api/v1/requests?q=${encodeURIComponent(title)}`, headers: handler.headers })).json() as {
        items: { id: string }[];
      }
    ).items[0]!.id;
  };
  const event = async (id: string, body: Record<string, unknown>) => {
    today = body.occurredOn as string;
    const res = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler.headers, payload: body });
    assert.equal(res.statusCode, 200, res.body);
  };
  // A: received in 2025, answered 部分公开 in 2026. B: received in 2025, still open. C: received and answered in 2026.
  const a = await apply('2025-12-15', '案件甲 城区停车规划');
  await apply('2025-12-22', '案件乙 企业补贴名单');
  const c = await apply('2026-04-01', '案件丙 法律援助统计');
  for (const [id, received, on, outcome] of [
    [a, '2026-01-05', '2026-01-09', 'partial'],
    [c, '2026-04-01', '2026-04-10', 'granted'],
  ] as const) {
    await event(id, { type: 'accepted', occurredOn: received });
    await event(id, { type: 'answered', occurredOn: on, outcome, text: '答复内容' });
  }
  today = '2026-05-01';
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: `/api/v1/requests/${c}/remedies`,
        headers: handler.headers,
        payload: { kind: 'reconsideration', filedOn: '2026-04-20', result: 'pending' },
      })
    ).statusCode,
    201,
  );

  const page = await portal.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, office.user.username, '/admin/annual-report');
  await page.getByRole('link', { name: '年度报表' }).waitFor();
  await page.getByText('三、收到和处理政府信息公开申请情况').waitFor();

  await page.getByLabel('年度').click();
  await page.getByTitle('2026 年').click();
  await page.getByText('宜昌市司法局，2026-01-01 至 2026-12-31').waitFor();
  await page.getByText('勾稽关系校验全部通过').waitFor();
  // Leave the year picker (a focused antd select lays its search box over the value) and show the whole table, so the
  // contrast check sees every cell rather than cells cut by the window's edge.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.setViewportSize({ width: 1440, height: 2200 });
  // 自然人 … 总计: R1 = C; R2 = A, B; R3.1 = C; R3.2 = A; R4 = B.
  assert.deepEqual(await rowCells(page, 'R1'), ['1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(await rowCells(page, 'R2'), ['2', '0', '0', '0', '0', '0', '2']);
  assert.deepEqual(await rowCells(page, 'R3.1'), ['1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(await rowCells(page, 'R3.2'), ['1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(await rowCells(page, 'R3.7'), ['2', '0', '0', '0', '0', '0', '2']);
  assert.deepEqual(await rowCells(page, 'R4'), ['1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(await page.locator('[data-testid=table4] tbody td').allInnerTexts(), [
    '0',
    '0',
    '0',
    '1',
    '1',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
  ]);
  // The official merges: 三、本年度办理结果 down 22 rows, （三）不予公开 down 8, the note over 3 × 3.
  assert.equal(await page.locator('[data-testid=table3] th', { hasText: '三、本年度办理结果' }).getAttribute('rowspan'), '22');
  assert.equal(await page.locator('[data-testid=table3] th', { hasText: '（三）不予公开' }).getAttribute('rowspan'), '8');
  assert.equal(await page.locator('[data-testid=table3] td', { hasText: '本列数据的勾稽关系' }).getAttribute('colspan'), '3');
  assert.deepEqual(await axeViolations(page), [], 'the report page has no WCAG violations');
  await screenshot(page, 'admin-annual-report');

  await page.getByText('含下级机构', { exact: true }).click();
  await page.getByText(/宜昌市司法局（含下级机构，共 \d+ 个机构）/).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 XLSX/ }).click()]);
  const wb = new ExcelJS.Workbook();
  const bytes = await (await download.createReadStream()).toArray();
  await wb.xlsx.load(Buffer.concat(bytes) as unknown as ArrayBuffer);
  assert.equal(String(wb.worksheets[0]!.getCell(3, 1).value), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.equal(wb.worksheets[0]!.getCell(6, 10).value, 1, 'R1 总计 in the export');

  // 答复书模板: the built-in text applies; an unknown placeholder is refused and names itself; nothing is saved.
  await page.goto('/admin/letter-template');
  await page.getByText('系统内置模板', { exact: true }).waitFor();
  await page.getByRole('button', { name: /添加段落/ }).click();
  const last = page.getByRole('textbox', { name: '第 7 段' });
  await last.fill('联系人：{contactName}');
  await page.getByRole('button', { name: /保存模板/ }).click();
  await page
    .getByText(/第 7 段有未知的占位符 \{contactName\}/)
    .first()
    .waitFor();
  const stored = async () =>
    (
      (await app.inject({ url: `/api/v1/requests/letter-template?organisationId=${dept.id}`, headers: office.headers })).json() as {
        source: string;
      }
    ).source;
  assert.equal(await stored(), 'builtin', 'nothing saved');

  await last.fill('司法局专用段落：如有疑问请致电 0717-6220000（{orgName}）。');
  await page.getByLabel('行政复议机关').fill('宜昌市人民政府');
  await page.getByRole('button', { name: /保存模板/ }).click();
  await page.getByText('已保存答复书模板').waitFor();
  await page.getByText('本机构自有模板', { exact: true }).waitFor();
  await page.getByTestId('letter-preview').getByText('司法局专用段落：如有疑问请致电 0717-6220000（宜昌市司法局）。').waitFor();
  await page
    .getByTestId('letter-preview')
    .getByText(/六十日内向宜昌市人民政府申请行政复议/)
    .waitFor();
  assert.equal(await stored(), 'organisation');
  assert.deepEqual(await axeViolations(page), [], 'the template page has no WCAG violations');
  await screenshot(page, 'admin-letter-template');

  await page.getByRole('button', { name: /删除本机构模板/ }).click();
  const confirm = page.getByRole('dialog', { name: '删除本机构的答复书模板？' });
  await confirm.waitFor();
  assert.equal(await stored(), 'organisation', 'nothing is deleted before confirming');
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await page.getByText('系统内置模板', { exact: true }).waitFor();
  assert.equal(await stored(), 'builtin');
});
