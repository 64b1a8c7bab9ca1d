// The publishing flow in the admin app: an editor drafts a document with its metadata and body, places it in
// the catalog and submits it; a reviewer (another person: four-eyes) approves and publishes it. Also: bulk submit
// from the list, the portal-style preview, and the catalog page (add, rename, refuse to delete a non-empty column).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPortal, axeViolations, countAfterSettling, screenshot, type Portal } from './support/browser.ts';
import { ADMIN_PASSWORD } from '../support/app.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';
import { buildDraft, buildUser, orgByName } from '../support/factories.ts';

const PASSWORD = 'doc-flow-password-1';

/** A user with the role on 宜昌市司法局 whose first-login password change is already done. */
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
  return user;
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/admin/documents');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: 'Gongkai 政务公开管理后台' }).waitFor();
}

/** Picks an option in an antd Select or TreeSelect by typing into its search box. */
async function choose(page: Page, label: string, search: string, option: RegExp, tree = false) {
  await page.getByLabel(label, { exact: true }).fill(search);
  const item = tree ? page.locator('.ant-select-tree-node-content-wrapper') : page.locator('.ant-select-item-option');
  await item.filter({ hasText: option }).first().click();
}

test('documents: an editor drafts and submits, a reviewer approves and publishes; the list and editor pass axe', async (t) => {
  const portal = await startPortal(t);
  const org = await orgByName(portal.services, '宜昌市司法局');
  const editor = await staff(portal, org.id, 'editor');
  const reviewer = await staff(portal, org.id, 'reviewer');
  const other = await buildDraft(portal.services, org.id, editor.id, '关于开展法治宣传月活动的通知');
  const third = await buildDraft(portal.services, org.id, editor.id, '关于做好年度普法考核工作的通知');

  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, editor.username, PASSWORD);
  await page.getByRole('link', { name: '关于开展法治宣传月活动的通知' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'document list has no WCAG violations');
  await screenshot(page, 'admin-doc-list');

  // Bulk submit: the factory drafts go to review; the report names what happened.
  await page.getByRole('checkbox', { name: '选择“关于开展法治宣传月活动的通知”' }).check();
  await page.getByRole('checkbox', { name: '选择“关于做好年度普法考核工作的通知”' }).check();
  await page.getByRole('button', { name: /提交审核（2）/ }).click();
  await page.getByRole('dialog', { name: '已提交审核 2 件，未完成 0 件' }).waitFor();
  await page.getByRole('button', { name: /知道了/ }).click();
  assert.equal((await portal.services.documents.get(systemActor('测试'), other.id)).edition.state, 'submitted');

  // A new document with its metadata (domain.md §5.1) and a body with a heading and a table.
  await page.getByRole('button', { name: /新建文件/ }).click();
  await page.getByLabel('标题', { exact: true }).fill('宜昌市司法局关于进一步做好法律援助便民服务的通知');
  assert.equal(await page.getByLabel('发布机构').inputValue(), '宜昌市司法局', '发布机构 starts as the organisation name');
  await page.getByLabel('发文字号').fill('宜司发[2024]03号');
  await choose(page, '主题分类', '司法', /^司法$/, true);
  await choose(page, '体裁', '通知', /^通知$/);
  for (const [label, date] of [
    ['成文日期', '2024-05-06'],
    ['信息形成（变更）日期', '2024-05-06'],
    ['实施日期', '2024-06-01'],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(date);
    await page.getByLabel(label, { exact: true }).press('Enter');
  }
  for (const keyword of ['法律援助', '便民服务']) {
    await page.getByLabel('关键词').fill(keyword);
    await page.getByLabel('关键词').press('Enter');
  }
  await page.getByLabel('内容概述').fill('明确法律援助申请的便民措施和办理时限。');
  await page.getByLabel('附注').fill('（此件公开发布）');
  const body = page.getByRole('textbox', { name: '正文', exact: true });
  await body.click();
  await page.keyboard.type('一、总体要求');
  await page.getByRole('button', { name: /^标\s*题$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('各区县司法局要简化法律援助申请材料，当场受理符合条件的申请。');
  await page.getByRole('button', { name: '插入表格' }).click();
  assert.deepEqual(await axeViolations(page), [], 'new-document form has no WCAG violations');
  await screenshot(page, 'admin-doc-editor-new');

  await page
    .getByRole('button', { name: /保存草稿/ })
    .first()
    .click();
  await page.getByText('流转操作').waitFor();
  const id = new URL(page.url()).searchParams.get('edit')!;
  assert.ok(id && id !== 'new', 'the editor now shows the saved document');
  assert.equal(await page.getByLabel('发文字号').inputValue(), '宜司发〔2024〕3号', 'the server normalised the 发文字号');
  // Formed on 2024-05-06 and not yet published: the editor flags the 20-working-day limit of 条例第二十六条.
  await page.getByText(/超过信息形成或变更之日起20个工作日的期限（2024年5月31日）/).first().waitFor();

  // Place it in a catalog column.
  await choose(page, '所属栏目', '制度', /^政府信息公开制度$/, true);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /保存栏目/ }).click();
  await page.getByText('已放入：政府信息公开制度').waitFor();

  // The preview renders the portal's metadata table and the body.
  await page.getByRole('button', { name: /预\s*览/ }).click();
  const preview = page.getByRole('dialog');
  await preview.locator('.doc-meta').getByText('公安、安全、司法\\司法').waitFor();
  assert.ok(await preview.locator('.doc-body h2', { hasText: '一、总体要求' }).isVisible());
  assert.ok(await preview.locator('.doc-body table').isVisible());
  await screenshot(page, 'admin-doc-preview');
  await preview.getByRole('button', { name: /关\s*闭|Close/ }).click();

  // Link it to the other notice, found by searching titles.
  await page.getByLabel('关联文件').fill('法治宣传');
  await page.locator('.ant-select-item-option').filter({ hasText: '关于开展法治宣传月活动的通知' }).click();
  await page.getByRole('button', { name: /添加关联/ }).click();
  await page.locator('.ant-list').getByRole('link', { name: '关于开展法治宣传月活动的通知' }).waitFor();

  assert.deepEqual(await axeViolations(page), [], 'document editor has no WCAG violations');
  await screenshot(page, 'admin-doc-editor');
  await page.getByRole('button', { name: /提交审核/ }).click();
  await page.locator('.ant-descriptions').getByText('待审核').waitFor();
  assert.equal(await page.getByRole('button', { name: /审核通过/ }).count(), 0, 'an editor cannot approve');

  // The reviewer, in a separate browser context, approves and publishes.
  const rpage = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(rpage, reviewer.username, PASSWORD);
  await rpage.getByLabel('按状态筛选').click();
  await rpage
    .locator('.ant-select-item-option')
    .filter({ hasText: /^待审核$/ })
    .click();
  await rpage.getByRole('link', { name: '宜昌市司法局关于进一步做好法律援助便民服务的通知' }).click();
  await rpage.getByRole('button', { name: /审核通过/ }).click();
  await rpage.locator('.ant-descriptions').getByText('已审核').waitFor();

  // A time already past is refused by the server, whose Chinese reason is shown.
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await rpage.getByRole('button', { name: /定时发布/ }).click();
  const scheduleDialog = rpage.getByRole('dialog', { name: '定时发布' });
  await scheduleDialog.getByLabel('发布时间').fill(`${today} 00:00`);
  await scheduleDialog.getByLabel('发布时间').press('Enter');
  await scheduleDialog.getByRole('button', { name: /确\s*定/ }).click();
  await rpage.locator('.ant-notification').getByText('定时发布时间必须晚于当前时间').waitFor();
  await scheduleDialog.getByRole('button', { name: /取\s*消/ }).click();

  await rpage.getByRole('button', { name: /^发\s*布$/ }).click();
  await rpage
    .getByRole('dialog')
    .getByRole('button', { name: /^发\s*布$/ })
    .click();
  await rpage.locator('.ant-descriptions').getByText('已发布').waitFor();
  await screenshot(rpage, 'admin-doc-published');

  // The bulk-submitted draft goes back to its editor with a reason (required).
  await rpage.getByRole('button', { name: /返回列表/ }).click();
  await rpage.getByRole('link', { name: '关于开展法治宣传月活动的通知' }).click();
  await rpage.getByRole('button', { name: /^退\s*回$/ }).click();
  const rejectDialog = rpage.getByRole('dialog', { name: '退回修改' });
  await rejectDialog.getByRole('button', { name: /^退\s*回$/ }).click();
  await rejectDialog.getByText('请填写退回理由').waitFor();
  await rejectDialog.getByLabel('退回理由').fill('请补充活动时间和地点。');
  await rejectDialog.getByRole('button', { name: /^退\s*回$/ }).click();
  await rpage.locator('.ant-descriptions').getByText('已退回').waitFor();
  const rejected = await portal.services.documents.get(systemActor('测试'), other.id);
  assert.equal(rejected.edition.decisionReason, '请补充活动时间和地点。');

  // Bulk approve: a reviewer's bulk action is 审核通过, and only submitted documents can be picked.
  await rpage.getByRole('button', { name: /返回列表/ }).click();
  assert.equal(await rpage.getByRole('checkbox', { name: '选择“关于开展法治宣传月活动的通知”' }).isDisabled(), true, 'a rejected edition cannot be picked');
  await rpage.getByRole('checkbox', { name: '选择“关于做好年度普法考核工作的通知”' }).check();
  await rpage.getByRole('button', { name: /审核通过（1）/ }).click();
  await rpage.getByRole('dialog', { name: '已审核通过 1 件，未完成 0 件' }).waitFor();
  assert.equal((await portal.services.documents.get(systemActor('测试'), third.id)).edition.state, 'approved');

  const published = await portal.services.documents.getPublic(id);
  assert.equal(published.publicState, 'published');
  assert.equal(published.edition.title, '宜昌市司法局关于进一步做好法律援助便民服务的通知');
  assert.equal(published.edition.docNo, '宜司发〔2024〕3号');
  assert.equal(published.edition.topic, '1603');
  assert.equal(published.edition.genre, 'notice');
  assert.deepEqual(published.edition.keywords, ['法律援助', '便民服务']);
  assert.equal(published.edition.writtenOn, '2024-05-06');
  assert.match(published.edition.bodyHtml, /<h2>一、总体要求<\/h2>/);
  assert.match(published.edition.bodyHtml, /<table>/);
  assert.ok(published.indexNo, 'publishing gave it an 索引号');
});

test('catalog: an administrator adds and renames a column, and a column with sub-columns is not deleted', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '目录管理' }).click();
  await choose(page, '选择机构', '司法局', /^宜昌市司法局$/, true);
  const tree = page.getByRole('tree', { name: '信息公开目录' });
  await tree.getByText('政府信息公开', { exact: true }).click();
  assert.deepEqual(await axeViolations(page), [], 'catalog page has no WCAG violations');

  await page.getByRole('button', { name: /新增下级栏目/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('栏目名称').fill('法律援助专栏');
  await dialog.getByLabel('更新周期（天）').fill('30');
  await dialog.getByRole('button', { name: /新\s*增/ }).click();
  await page.getByText('已新增栏目“法律援助专栏”').waitFor();
  await page.getByLabel('栏目名称').fill('法律援助服务');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await tree.getByText('法律援助服务').waitFor();
  await screenshot(page, 'admin-doc-catalog');

  await tree.getByText('政府信息公开', { exact: true }).click();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page.getByText('栏目下还有子栏目或文件，不能删除').waitFor();
  await page.getByRole('button', { name: /知道了/ }).click();

  await tree.getByText('法律援助服务').click();
  await page.getByRole('button', { name: /删\s*除/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page.getByText('已删除栏目').waitFor();
  assert.equal(await countAfterSettling(tree.getByText('法律援助服务')), 0, 'the deleted column leaves the tree');
});
