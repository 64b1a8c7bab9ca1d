// The admin app as an administrator uses it: sign in, manage the organisation tree, read the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, axeViolations, screenshot } from './support/browser.ts';
import { ADMIN_PASSWORD } from '../support/app.ts';

test('admin: wrong password is explained; sign-in shows the 宜昌 tree; an organisation is created, found in the audit log, and deleted after confirming', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('用户名或密码错误').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'login page has no WCAG violations');

  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const tree = page.getByRole('tree');
  await tree.getByText('宜昌市', { exact: true }).waitFor();
  assert.ok(await tree.getByText('宜昌市司法局').isVisible());
  assert.deepEqual(await axeViolations(page), [], 'organisation page has no WCAG violations');

  await page.getByPlaceholder('按名称搜索').fill('西陵区');
  await tree.getByText('西陵区', { exact: true }).click();
  await page.getByRole('button', { name: /新建下级机构/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill('西陵区浏览器测试局');
  await dialog.getByLabel('类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '部门' }).click();
  await dialog.getByLabel('统一社会信用代码').fill('91000000000000000J');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await dialog.getByText(/统一社会信用代码/).first().waitFor();
  assert.equal(await page.getByRole('dialog').count(), 1, 'an invalid USCC keeps the dialog open');
  await dialog.getByLabel('统一社会信用代码').fill('');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByPlaceholder('按名称搜索').fill('浏览器测试局');
  await tree.getByText('西陵区浏览器测试局').click();
  await screenshot(page, 'admin-organisations');
  const created = (await portal.services.organisations.publicDirectory()).find((o) => o.name === '西陵区浏览器测试局');
  assert.ok(created, 'the organisation exists on the server');
  assert.equal(created.kind, 'department');

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByText('organisation.create').first().waitFor();
  await screenshot(page, 'admin-audit');

  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.getByPlaceholder('按名称搜索').fill('浏览器测试局');
  await page.getByRole('tree').getByText('西陵区浏览器测试局').click();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  const confirm = page.getByRole('dialog');
  await confirm.waitFor();
  assert.equal((await portal.services.organisations.publicDirectory()).some((o) => o.id === created.id), true, 'nothing is deleted before confirming');
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal((await portal.services.organisations.publicDirectory()).some((o) => o.id === created.id), false);
});
