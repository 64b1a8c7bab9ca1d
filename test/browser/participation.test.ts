// Public participation in a real browser: a citizen asks about a policy from its page; the department's staff
// moderate, answer (choosing to publish) and the reviewer publishes in the admin; the Q&A then shows under the
// policy. A meeting page shows its open-participation figures without the confidential item; an enterprise reports
// a problem on the feedback form. Every public page and the admin Q&A page pass axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPortal, axeViolations, screenshot, type Portal } from './support/browser.ts';
import { buildUser, orgByName, signedInStaff } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';

const PASSWORD = 'participation-password-1';

async function staff(portal: Portal, orgId: string, roles: string[]) {
  const user = await buildUser(portal.services, orgId, roles.map((role) => ({ role, orgId })));
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: user.password, newPassword: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return user;
}

async function signIn(page: Page, username: string, path: string) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: 'Gongkai 政务公开管理后台' }).waitFor();
}

async function noViolations(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `${what} has no WCAG violations`);
}

/** Clicks a drawer action, then the modal's button, then confirms. */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  // Ant Design spaces out two-character Chinese button labels (答 复).
  const button = label.length === 2 ? new RegExp(`^${label[0]}\\s*${label[1]}$`) : label;
  await page.locator('.ant-drawer').getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: label, exact: true });
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*认/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('a question asked under a policy is moderated, answered and published in the admin, then shown under the policy', async (t) => {
  const portal = await startPortal(t);
  const dept = await orgByName(portal.services, '宜昌市人力资源和社会保障局');
  const office = await staff(portal, dept.id, ['office_admin']);
  const { editor, reviewer } = await signedInStaff(portal, dept.name);
  const created = await portal.app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '宜昌市创业担保贷款贴息实施办法', bodyHtml: '<p>符合条件的创业者可申请创业担保贷款贴息。</p>' } });
  const policy = created.json();
  for (const [h, action] of [[editor, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
    const r = await portal.app.inject({ method: 'POST', url: `/api/v1/documents/${policy.id}/actions`, headers: h, payload: { action } });
    assert.equal(r.statusCode, 200, r.body);
  }
  await portal.services.outbox.idle();

  // ---- the citizen asks from the policy's page (no JavaScript needed, no sign-in)
  const pub = await portal.newPage();
  await pub.goto(`/documents/${policy.slug}`);
  await pub.getByRole('heading', { name: '相关问答' }).waitFor();
  await pub.getByRole('link', { name: '就本政策提问' }).click();
  await pub.getByRole('heading', { name: '我要提问' }).waitFor();
  await noViolations(pub, 'the question form');
  await pub.getByRole('button', { name: '提交问题' }).click();
  await pub.getByText('请填写您的问题').waitFor();
  await noViolations(pub, 'the question form with errors');
  await pub.getByLabel('标题（选填，100 字以内）').fill('贴息最长几年？');
  await pub.getByLabel('问题（必填，2000 字以内）').fill('请问创业担保贷款贴息最长可以享受几年？<script>alert(1)</script>');
  await pub.getByLabel('手机号码').fill('13900001234');
  await pub.getByRole('button', { name: '提交问题' }).click();
  await pub.getByRole('heading', { name: '问题已提交' }).waitFor();
  assert.match((await pub.locator('main').textContent()) ?? '', /宜昌市人力资源和社会保障局/);
  await noViolations(pub, 'the receipt');
  await screenshot(pub, 'participation-qa-receipt');
  await pub.goto('/qa');
  assert.ok(!((await pub.locator('main').textContent()) ?? '').includes('贴息最长几年'), 'not public before moderation');

  // ---- the department moderates, answers (choosing to publish) and the reviewer publishes
  const adm = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(adm, office.username, '/admin/qa');
  await adm.getByRole('button', { name: '贴息最长几年？' }).click();
  await adm.locator('.ant-drawer').getByText('待审核（未公开）').waitFor();
  await adm.locator('.ant-drawer').getByText(/13900001234/).waitFor();
  await noViolations(adm, 'the admin Q&A page with the question open');
  await act(adm, '审核通过并转办');
  await adm.locator('.ant-drawer').getByText('待答复', { exact: true }).waitFor();
  await act(adm, '答复', async (d) => {
    await d.getByLabel('答复内容').fill('贴息期限最长 3 年，具体见办法第五条。');
  });
  await adm.locator('.ant-drawer').getByText('待发布审核', { exact: true }).waitFor();
  await act(adm, '审核通过并发布');
  await adm.locator('.ant-drawer').getByText('已发布', { exact: true }).waitFor();
  await screenshot(adm, 'participation-qa-admin');
  await portal.services.notifier.deliverDue();
  assert.match(portal.gateway.lastTo('13900001234') ?? '', /贴息期限最长 3 年/, 'the asker was notified');
  await portal.services.outbox.idle();

  // ---- shown under the policy and on its own page, without the asker's number or the script
  await pub.goto(`/documents/${policy.slug}`);
  await pub.getByRole('region', { name: '相关问答' }).getByRole('link', { name: '贴息最长几年？' }).click();
  await pub.getByRole('heading', { name: '贴息最长几年？' }).waitFor();
  const text = (await pub.locator('main').textContent()) ?? '';
  assert.match(text, /贴息期限最长 3 年/);
  assert.ok(!text.includes('13900001234') && !text.includes('<script>'));
  await noViolations(pub, 'the Q&A page');
  await screenshot(pub, 'participation-qa-page');
  await pub.goto(`/search?q=${encodeURIComponent('贴息期限')}`);
  await pub.locator('main').getByText('问答').first().waitFor();
  await noViolations(pub, 'search results with the 问答 type');
  await pub.goto('/qa');
  await noViolations(pub, 'the Q&A list');

  // ---- the 互动交流 hub, reached from the main navigation, lists the new answer
  await pub.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '互动交流' }).click();
  await pub.getByRole('heading', { level: 1, name: '互动交流' }).waitFor();
  assert.equal(new URL(pub.url()).pathname, '/interaction');
  await pub.getByRole('region', { name: '最新政策问答' }).getByRole('link', { name: '贴息最长几年？' }).waitFor();
  for (const name of ['意见征集', '政策问答', '营商环境问题反映', '重大会议', '重大行政决策事项目录']) await pub.locator('main').getByRole('link', { name, exact: true }).waitFor();
  await noViolations(pub, 'the 互动交流 hub');
  await screenshot(pub, 'participation-hub');
});

test('a meeting page shows its open-participation figures; the feedback form and statistics work and pass axe', async (t) => {
  const portal = await startPortal(t);
  const city = await orgByName(portal.services, '宜昌市');
  const system = systemActor('测试');
  const m = await portal.services.meetings.create(system, {
    orgId: city.id, kind: 'executive', sessionNo: 12, heldOn: '2026-03-05', pressRelease: '会议研究了优化营商环境等事项。',
    items: [{ text: '原则通过《宜昌市优化营商环境若干措施》。', confidential: false }, { text: '研究某涉密安保事项。', confidential: true }],
    participation: { grassroots: 2, enterprise: 3, media: 1, expert: 2 },
  });
  await portal.services.meetings.act(system, m.id, 'publish');

  const page = await portal.newPage();
  await page.goto(`/meetings?org=${city.id}`);
  await page.getByRole('link', { name: '2026 年' }).click();
  await page.getByRole('link', { name: '宜昌市人民政府第12次常务会议' }).click();
  const table = page.getByRole('table', { name: /邀请列席代表 8 人/ });
  await table.waitFor();
  assert.equal(await table.getByRole('row', { name: /企业代表/ }).getByRole('cell').textContent(), '3');
  assert.equal(await table.getByRole('row', { name: /专家代表/ }).getByRole('cell').textContent(), '2');
  assert.ok(!((await page.locator('main').textContent()) ?? '').includes('涉密安保'));
  await noViolations(page, 'the meeting page');
  await screenshot(page, 'participation-meeting');

  const dept = await orgByName(portal.services, '宜昌市财政局');
  await page.goto('/feedback');
  await noViolations(page, 'the feedback form');
  await page.getByLabel('问题类别（必填）').selectOption('涉企收费');
  await page.getByLabel('涉及部门（必填）').selectOption(dept.id);
  await page.getByLabel('问题描述（必填，2000 字以内）').fill('检测费收费标准不清楚，窗口无法说明依据。');
  await page.getByLabel('企业名称').fill('宜昌某某检测有限公司');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('heading', { name: '问题已提交' }).waitFor();
  assert.match((await page.locator('main').textContent()) ?? '', /FK-\d{8}-/);
  await noViolations(page, 'the feedback receipt');
  await page.getByRole('link', { name: '查看办理情况统计' }).click();
  await page.getByRole('table').getByText('涉企收费').waitFor();
  assert.ok(!((await page.locator('main').textContent()) ?? '').includes('宜昌某某检测'), 'statistics hold no enterprise names');
  await noViolations(page, 'the feedback statistics');
  await screenshot(page, 'participation-feedback-stats');
});
