// The clean-up flow in the admin app: an openness-office administrator opens a campaign, decides both documents
// in bulk (废止, with a reason), publishes after confirming; the documents become 已废止 and the public result page
// lists them. Both the admin page and the public page pass axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, axeViolations, screenshot } from './support/browser.ts';
import { buildUser, orgByName } from '../support/factories.ts';

const PASSWORD = 'cleanup-flow-password-1';

test('文件清理: bulk decide and publish with confirmation; the public result page lists the decisions', async (t) => {
  const portal = await startPortal(t);
  const { app, services } = portal;
  const org = await orgByName(services, '宜昌市民政局');
  const admin = await buildUser(services, org.id, [{ role: 'office_admin', orgId: org.id }]);
  const editor = await buildUser(services, org.id, [{ role: 'editor', orgId: org.id }]);
  const h = await portal.login(admin.username, admin.password);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { currentPassword: admin.password, newPassword: PASSWORD } })).statusCode, 200);
  const e = await portal.login(editor.username, editor.password);
  const ids: string[] = [];
  for (const title of ['宜昌市殡葬管理暂行规定', '宜昌市2019年冬春救助工作方案']) {
    const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: e, payload: { organisationId: org.id, title, normativeKind: 'normative', effectiveFrom: '2019-01-01', expiresOn: '2099-12-31' } })).json();
    await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: e, payload: { action: 'submit' } });
    for (const action of ['approve', 'publish']) assert.equal((await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action } })).statusCode, 200);
    ids.push(doc.id);
  }
  const campaign = (await app.inject({ method: 'POST', url: '/api/v1/normative/cleanups', headers: h, payload: { organisationId: org.id, title: '宜昌市民政局关于公布规范性文件清理结果的通知' } })).json();
  await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${campaign.id}/items`, headers: h, payload: { documentIds: ids } });

  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`/admin/normative-cleanups?id=${campaign.id}`);
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('宜昌市殡葬管理暂行规定').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the campaign page has no WCAG violations');

  await page.locator('thead .ant-checkbox-input').check();
  await page.getByRole('button', { name: /批量决定（2）/ }).click();
  const dialog = page.getByRole('dialog', { name: '清理决定（2 件）' });
  await dialog.getByLabel('清理决定').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^废止$/ }).click();
  await dialog.getByLabel('理由').fill('上位法已废止');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('cell', { name: '上位法已废止' }).first().waitFor();
  await screenshot(page, 'admin-cleanup-decided');

  await page.getByRole('button', { name: /公布清理结果/ }).click();
  const confirm = page.getByRole('dialog', { name: '确认公布清理结果？' });
  await confirm.waitFor();
  assert.equal((await services.cleanups.getPublished(campaign.id).catch(() => null)), null, 'nothing is published before confirming');
  await confirm.getByRole('button', { name: /公\s*布/ }).click();
  await page.getByRole('link', { name: '查看公开的清理结果' }).waitFor();

  for (const id of ids) assert.equal((await app.inject(`/api/v1/documents/${id}/validity`)).json().status, 'repealed');
  await page.goto(`/normative/cleanups/${campaign.id}`);
  await page.getByRole('heading', { name: '宜昌市民政局关于公布规范性文件清理结果的通知' }).waitFor();
  assert.equal(await page.getByRole('cell', { name: '废止', exact: true }).count(), 2);
  assert.deepEqual(await axeViolations(page), [], 'the public result page has no WCAG violations');
  await screenshot(page, 'portal-cleanup-result');
});
