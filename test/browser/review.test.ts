// Pre-publication review in the admin: an editor's draft carries a planted ID in the body and another in a TXT
// attachment, plus an image nobody can scan. The editor sees them in the 公开前审查 card (the body ID marked in the
// text); the reviewer's approval is refused with the Chinese reason; the reviewer records an override for the
// image (the manual check) and sends the draft back; the editor masks the body in one click and replaces the TXT
// with a redacted one; approval and publication then succeed and the portal page shows no ID. An administrator
// then adds a dictionary word that the re-scan finds in the published page and dismisses it from 复查队列. Every
// page passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPortal, axeViolations, countAfterSettling, screenshot, type Portal } from './support/browser.ts';
import { ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';
import { hasValidIdCheckChar } from '../../src/modules/review/scanner/checks.ts';

const PASSWORD = 'review-flow-password-1';
// 1×1 PNG: an image attachment is unreadable for the scanner and needs a recorded manual check.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A synthetic 18-digit ID: address code 420502 (宜昌市西陵区), a real birth date, GB 11643 check character. */
function plantedId(birth: string, seq: string): string {
  const first17 = `420502${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

async function staff(portal: Portal, orgId: string, role: string) {
  const user = await buildUser(portal.services, orgId, [{ role, orgId }]);
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: user.password, newPassword: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return user;
}

async function signIn(page: Page, username: string, password: string, path: string) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: 'Gongkai 政务公开管理后台' }).waitFor();
}

const stateTag = (page: Page, label: string) => page.getByText(label, { exact: true }).first().waitFor();

test('review: planted IDs are shown and marked, approval is refused, masking/replacement/override let it publish; review pages pass axe', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-review-browser-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const portal = await startPortal(t, { GONGKAI_DATA_DIR: dataDir });
  const org = await orgByName(portal.services, '宜昌市司法局');
  const editor = await staff(portal, org.id, 'editor');
  const reviewer = await staff(portal, org.id, 'reviewer');

  const bodyId = plantedId('19900307', '123');
  const fileId = plantedId('19851120', '246');
  assert.ok(hasValidIdCheckChar(bodyId) && hasValidIdCheckChar(fileId), 'the planted IDs pass the scanner’s own check');
  const system = systemActor('测试');
  const draft = await portal.services.documents.create(
    { ...system, userId: editor.id, userName: editor.displayName },
    { organisationId: org.id, title: '关于2024年度法律援助补贴对象的公示', bodyHtml: `<p>申请人张某，身份证号 ${bodyId}，经审核符合补贴条件。</p>`, note: '此件公开发布' },
  );
  const editorUrl = `/admin/documents?edit=${draft.id}`;

  // ---- the editor attaches a list with an ID and a photo, and sees the findings
  const ed = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(ed, editor.username, PASSWORD, editorUrl);
  await ed.getByText('暂无附件').waitFor();
  await ed.locator('input[type=file]').setInputFiles({ name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from(`姓名,身份证号\n李某,${fileId}\n`) });
  await ed.getByRole('row', { name: /名单\.txt/ }).first().waitFor();
  await ed.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  await ed.getByRole('row', { name: /现场照片\.png/ }).first().waitFor();

  const bodyMark = ed.getByRole('region', { name: '正文（只读，标出问题）' }).locator('mark', { hasText: bodyId });
  await bodyMark.waitFor();
  assert.match((await bodyMark.textContent()) ?? '', /问题 \d+：身份证号码，阻止发布/, 'the mark carries a label read with the text');
  const fileGroup = ed.getByRole('region', { name: '审查发现：附件“名单.txt”' });
  await fileGroup.getByText(masked(fileId)).first().waitFor();
  assert.ok(!((await fileGroup.textContent()) ?? '').includes(fileId), 'the list shows the attachment’s ID masked');
  // The attachment's finding is highlighted in the text around it (what the reviewer needs to judge it).
  const context = fileGroup.locator('[data-finding-context]');
  assert.equal(await context.locator('mark').textContent(), masked(fileId));
  assert.match((await context.textContent()) ?? '', /李某,/);
  await ed.getByRole('region', { name: '审查发现：附件“现场照片.png”' }).getByText('无法读取的附件').waitFor();
  assert.match((await ed.getByRole('region', { name: '审查发现：正文' }).textContent()) ?? '', /阻断/);
  assert.deepEqual(await axeViolations(ed), [], 'the editor with review findings has no WCAG violations');
  await screenshot(ed, 'admin-review-findings');
  await ed.getByRole('button', { name: '提交审核' }).click();
  await stateTag(ed, '待审核');

  // ---- the reviewer's approval is refused with the reason; the photo is overridden; the draft goes back
  const rv = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(rv, reviewer.username, PASSWORD, editorUrl);
  await rv.getByRole('button', { name: '审核通过' }).click();
  await rv.getByText(/审核通过：无法执行此操作：发布前审查发现 \d+ 个未处理的阻止性问题/).waitFor();
  assert.equal((await portal.services.documents.get(system, draft.id)).edition.state, 'submitted');

  await rv.getByRole('region', { name: '审查发现：附件“现场照片.png”' }).getByRole('button', { name: /记录豁免/ }).click();
  const overrideDialog = rv.getByRole('dialog', { name: /记录豁免：问题 \d+（无法读取的附件）/ });
  await overrideDialog.getByRole('button', { name: '记录豁免' }).click();
  await overrideDialog.getByText('请填写豁免理由').waitFor();
  await overrideDialog.getByLabel('豁免理由').fill('已人工查看照片：仅为办公场所外景，无个人信息');
  await overrideDialog.getByRole('button', { name: '记录豁免' }).click();
  await rv.getByRole('region', { name: '审查发现：附件“现场照片.png”' }).getByText('豁免理由：已人工查看照片：仅为办公场所外景，无个人信息', { exact: false }).waitFor();

  await rv.getByRole('button', { name: /^退\s*回$/ }).click();
  const rejectDialog = rv.getByRole('dialog', { name: '退回修改' });
  await rejectDialog.getByLabel('退回理由').fill('正文和附件含身份证号码，请脱敏');
  await rejectDialog.getByRole('button', { name: /^退\s*回$/ }).click();
  await stateTag(rv, '已退回');

  // ---- the editor masks the body in one click and replaces the list with a redacted one
  await ed.reload();
  await ed.getByRole('button', { name: '重新编辑' }).click();
  await stateTag(ed, '草稿');
  await ed.getByRole('region', { name: '审查发现：正文' }).getByRole('button', { name: /一键脱敏/ }).first().click();
  await ed.locator('.ant-modal-confirm').getByRole('button', { name: /脱\s*敏/ }).click();
  await ed.getByRole('region', { name: '正文（只读，标出问题）' }).getByText(new RegExp(masked(bodyId).replace(/\*/g, '\\*'))).waitFor();
  assert.equal(await bodyMark.count(), 0, 'the ID is no longer in the body');
  assert.ok(!(await portal.services.documents.get(system, draft.id)).edition.bodyHtml.includes(bodyId));

  await ed.getByRole('button', { name: '删除附件：名单.txt' }).click();
  await ed.locator('.ant-modal-confirm').getByRole('button', { name: /删\s*除/ }).click();
  await ed.getByRole('switch', { name: '无障碍：名单.txt' }).waitFor({ state: 'detached' });
  await ed.locator('input[type=file]').setInputFiles({ name: '名单（脱敏）.txt', mimeType: 'text/plain', buffer: Buffer.from(`姓名,身份证号\n李某,${masked(fileId)}\n`) });
  await ed.getByRole('row', { name: /名单（脱敏）\.txt/ }).first().waitFor();
  await ed.getByText('没有阻止发布的问题。').waitFor();
  await ed.getByRole('button', { name: '提交审核' }).click();
  await stateTag(ed, '待审核');

  // ---- now approval and publication succeed
  await rv.reload();
  await rv.getByText('没有阻止发布的问题。').waitFor();
  await rv.getByRole('button', { name: '审核通过' }).click();
  await stateTag(rv, '已审核');
  await rv.getByRole('button', { name: /^发\s*布$/ }).click();
  await rv.locator('.ant-modal-confirm').getByRole('button', { name: /^发\s*布$/ }).click();
  await stateTag(rv, '已发布');

  const reader = await portal.newPage();
  await reader.goto(`/documents/${draft.slug}`);
  await reader.getByRole('link', { name: /名单（脱敏）\.txt/ }).waitFor();
  const html = await reader.content();
  assert.ok(!html.includes(bodyId) && !html.includes(fileId), 'the published page shows no ID');
  assert.ok(html.includes(masked(bodyId)), 'the body shows the masked form');

  // ---- the review pages, as the system administrator
  const admin = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(admin, 'admin', ADMIN_PASSWORD, '/admin/review-overrides');
  const overrideRow = admin.getByRole('row', { name: /关于2024年度法律援助补贴对象的公示/ });
  await overrideRow.waitFor();
  assert.match((await overrideRow.textContent()) ?? '', /已人工查看照片/);
  assert.deepEqual(await axeViolations(admin), [], '豁免记录 has no WCAG violations');

  await admin.goto('/admin/review-dictionary');
  await admin.getByRole('button', { name: /新增词条/ }).click();
  const entryDialog = admin.getByRole('dialog', { name: '新增词条' });
  await entryDialog.getByLabel('词语').fill('补贴对象');
  await entryDialog.getByRole('button', { name: /保\s*存/ }).click();
  await admin.getByRole('row', { name: /补贴对象/ }).waitFor();
  await admin.getByRole('button', { name: /批量导入/ }).click();
  const importDialog = admin.getByRole('dialog', { name: '批量导入词条' });
  await importDialog.locator('input[type=file]').setInputFiles({ name: '词库.txt', mimeType: 'text/plain', buffer: Buffer.from('测试敏感词甲\n测试敏感词乙\n') });
  await importDialog.getByRole('button', { name: /导\s*入/ }).click();
  await admin.getByText('新增 2 条，更新 0 条，跳过 0 行。').waitFor();
  await admin.getByRole('button', { name: '知道了' }).click();
  await admin.getByLabel('搜索词语').fill('测试敏感词');
  await admin.getByLabel('搜索词语').press('Enter');
  await admin.getByRole('row', { name: /测试敏感词乙/ }).waitFor();
  assert.equal(await countAfterSettling(admin.getByRole('row', { name: /补贴对象/ })), 0, 'the search narrows the list');
  assert.deepEqual(await axeViolations(admin), [], '审查词库 has no WCAG violations');

  // The new word is in the published title: the re-scan queues it; the administrator dismisses it.
  await portal.services.rescan.runAll();
  await admin.goto('/admin/review-queue');
  const queueRow = admin.getByRole('row', { name: /关于2024年度法律援助补贴对象的公示/ });
  await queueRow.waitFor();
  assert.deepEqual(await axeViolations(admin), [], '复查队列 has no WCAG violations');
  await screenshot(admin, 'admin-review-queue');
  await queueRow.getByRole('button', { name: /忽\s*略/ }).click();
  const dismissDialog = admin.getByRole('dialog', { name: /忽略此复查事项/ });
  await dismissDialog.getByLabel('忽略理由').fill('“补贴对象”为公示用语，不属敏感信息');
  await dismissDialog.getByRole('button', { name: /忽\s*略/ }).click();
  await admin.locator('.ant-modal-confirm').getByRole('button', { name: /忽\s*略/ }).click();
  await admin.getByText('已忽略', { exact: true }).first().waitFor();
  await queueRow.waitFor({ state: 'detached' });

  await admin.goto('/admin/review-settings');
  await admin.getByText('三同步规则', { exact: true }).waitFor();
  await admin.getByText('审查步骤（按顺序输入，回车确认每一步）').waitFor();
  assert.deepEqual(await axeViolations(admin), [], '审查设置 has no WCAG violations');
});
