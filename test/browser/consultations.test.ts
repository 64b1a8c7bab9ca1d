// 意见征集, the done-when flow in a real browser: an openness-office administrator drafts and publishes a
// consultation in the admin app; a citizen reads the draft on the portal and comments on article 3 with a verified
// phone; staff enter a letter, moderate both comments, and after closing answer each with a reason; the adoption
// report is published with the final document, which links back to it ("征求意见及采纳情况"). Every page passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startPortal, type Portal } from './support/browser.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { DRAFT } from '../http/consultations.support.ts';

const PASSWORD = 'consult-flow-password-1';
const PHONE = '13912345678';

async function staff(portal: Portal, orgId: string, role: string) {
  const user = await buildUser(portal.services, orgId, [{ role, orgId }]);
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: user.password, newPassword: PASSWORD } });
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

test('意见征集: comment on article 3, a letter, moderation, answers after closing, the adoption report linked from the final document', async (t) => {
  const portal = await startPortal(t);
  const { app, services } = portal;
  const dept = await orgByName(services, '宜昌市司法局');
  const office = await staff(portal, dept.id, 'office_admin');
  const editor = await staff(portal, dept.id, 'editor');
  const reviewer = await staff(portal, dept.id, 'reviewer');
  let today = '2026-03-01';
  services.consultations.setToday(() => today);

  // 1. The office drafts the consultation in the admin app and publishes it (after confirming).
  const admin = await portal.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(admin, office.user.username, '/admin/consultations');
  await admin.getByRole('button', { name: /新建意见征集/ }).click();
  const editorDrawer = admin.locator('.ant-drawer.ant-drawer-open').filter({ hasText: '征求意见稿全文' });
  await editorDrawer.getByLabel('标题', { exact: true }).fill('关于《宜昌市城市绿化管理办法（征求意见稿）》公开征求意见');
  await editorDrawer.getByLabel('草案类别').click();
  await admin.getByTitle('规章').click();
  await editorDrawer.getByLabel('开始日期').fill('2026-03-02');
  await editorDrawer.getByLabel('截止日期').fill('2026-03-31');
  await editorDrawer.getByLabel('起草说明').fill('为落实城市绿化条例，市司法局会同市园林局起草了本办法，现说明如下：一、必要性；二、主要内容。');
  await editorDrawer.getByLabel('征求意见稿全文').fill(DRAFT);
  await editorDrawer.getByLabel(/提交意见的渠道/).fill('网上：在本页面提交\n信函：宜昌市西陵区某路 1 号市司法局立法科');
  await editorDrawer.getByLabel(/联系方式/).fill('市司法局立法科，0717-0000000');
  await editorDrawer.getByRole('button', { name: /保\s*存/ }).click();
  await admin.getByText('已保存意见征集草稿').waitFor();
  const drawer = admin.getByTestId('consultation-panel');
  await drawer.getByText('2026-03-02 至 2026-03-31（30 日）').waitFor();
  // Let the editor slide out and the toast fade, so axe sees the page itself.
  await editorDrawer.waitFor({ state: 'detached' });
  await admin.getByText('已保存意见征集草稿').waitFor({ state: 'hidden' });
  assert.deepEqual(await axeViolations(admin), [], 'the admin consultation page has no WCAG violations');
  await drawer.getByRole('button', { name: /发\s*布/ }).click();
  const confirmPublish = admin.getByRole('dialog', { name: '发布这份意见征集？' });
  await confirmPublish.getByRole('button', { name: /发\s*布/ }).click();
  await drawer.getByText('即将开始').waitFor();
  const id = new URL(admin.url()).searchParams.get('open')!;
  assert.ok(id);

  // 2. A citizen comments on article 3 on the portal, with a code sent to the phone.
  today = '2026-03-05';
  const citizen = await portal.newPage();
  await citizen.goto('/');
  await citizen.getByRole('heading', { name: '正在征求意见' }).waitFor();
  await citizen.getByRole('link', { name: /宜昌市城市绿化管理办法/ }).first().click();
  await citizen.getByRole('heading', { name: '第三条' }).waitFor();
  assert.deepEqual(await axeViolations(citizen), [], 'the consultation page has no WCAG violations');
  await citizen.getByRole('link', { name: '对第三条提出意见' }).click();
  assert.equal(await citizen.getByLabel('意见针对').inputValue(), '3');
  await citizen.getByLabel(/意见内容/).fill('建议将新建居住区绿地率提高到百分之三十五。');
  await citizen.getByLabel('姓名或称呼（选填，不公开）').fill('张三');
  await citizen.getByLabel('手机号码或电子邮箱').fill(PHONE);
  await citizen.getByRole('button', { name: '获取验证码' }).click();
  await citizen.getByText('验证码已发送至 139****5678，10 分钟内有效。').waitFor();
  assert.equal(await citizen.getByLabel(/意见内容/).inputValue(), '建议将新建居住区绿地率提高到百分之三十五。', 'the text survives the code request');
  await services.notifier.deliverDue();
  const code = /(\d{6})/.exec(portal.gateway.lastTo(PHONE) ?? '')![1]!;
  await citizen.getByLabel(/验证码/).fill(code);
  await citizen.getByRole('button', { name: '提交意见' }).click();
  await citizen.getByText('您的意见已提交，经审核后公开。感谢您的参与！').waitFor();
  assert.equal(await citizen.getByText('建议将新建居住区绿地率提高到百分之三十五。').count(), 0, 'not public before moderation');
  assert.deepEqual(await axeViolations(citizen), [], 'the form after submitting has no WCAG violations');
  await screenshot(citizen, 'portal-consultation');

  // 3. Staff enter a letter and moderate both comments.
  await admin.reload();
  await drawer.getByRole('tab', { name: '录入来信意见' }).click();
  await drawer.getByLabel('来源').click();
  await admin.getByTitle('信函').click();
  await drawer.getByLabel('收到日期').fill('2026-03-04');
  await drawer.getByLabel('针对条款').click();
  await admin.getByTitle('第三条').click();
  await drawer.getByLabel('意见内容').fill('来信建议：改建居住区绿地率可视情况降低。');
  await drawer.getByLabel('提出人（不公开）').fill('李四');
  await drawer.getByRole('button', { name: '录入意见' }).click();
  await admin.getByText('已录入，待审核后公开').waitFor();
  await drawer.getByRole('tab', { name: '意见与审核' }).click();
  await drawer.getByText('待审核 2 条').waitFor();
  // The moderation queue lists both, across consultations; approving publishes at once.
  const queue = admin.getByTestId('moderation-queue');
  await queue.getByText('待审核意见（2 条）').waitFor();
  assert.equal(await queue.getByText(/张三|李四|13912345678/).count(), 0, 'the queue shows no contact data');
  await queue.getByRole('button', { name: /通\s*过/ }).first().click();
  await queue.getByText('待审核意见（1 条）').waitFor();
  await queue.getByRole('button', { name: /通\s*过/ }).first().click();
  await queue.getByText('没有待审核的意见').waitFor();
  await drawer.getByText('待审核 0 条，已通过 2 条（未作决定 2 条）').waitFor();
  await citizen.goto(`/consultations/${id}?anchor=3`);
  await citizen.getByText('本条已公开意见 2 条').waitFor();
  await citizen.getByText('建议将新建居住区绿地率提高到百分之三十五。').waitFor();
  assert.equal(await citizen.getByText(/张三|李四|13912345678/).count(), 0, 'no names or phones on the public page');

  // 4. After closing, each comment gets a decision and a reason.
  today = '2026-04-01';
  await admin.reload();
  await drawer.getByText('已截止').waitFor();
  for (const [text, decision, reason] of [
    ['百分之三十五', '采纳', '已将第三条绿地率调整为百分之三十五'],
    ['可视情况降低', '不予采纳', '降低绿地率不符合上位法规定'],
  ] as const) {
    await drawer.getByRole('row').filter({ hasText: text }).getByRole('button', { name: '作出决定' }).click();
    const dialog = admin.getByRole('dialog', { name: '采纳决定' });
    await dialog.getByRole('radio', { name: decision, exact: true }).check();
    await dialog.getByLabel('理由（公布后公开）').fill(reason);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await admin.getByText('已保存采纳决定（公布前仅内部可见）').last().waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }
  await drawer.getByText('未作决定 0 条').waitFor();
  assert.deepEqual(await axeViolations(admin), [], 'the moderation table has no WCAG violations');
  await screenshot(admin, 'admin-consultation-comments');

  // 5. The final document is published; the office publishes all answers with the adoption report.
  const created = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor.headers, payload: { organisationId: dept.id, title: '宜昌市城市绿化管理办法', bodyHtml: '<p>第一条　为了加强城市绿化管理，制定本办法。</p>' } });
  const docId = created.json().id as string;
  for (const [who, action] of [[editor.headers, 'submit'], [reviewer.headers, 'approve'], [reviewer.headers, 'publish']] as const) {
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/documents/${docId}/actions`, headers: who, payload: { action } })).statusCode, 200);
  }
  await drawer.getByRole('tab', { name: '采纳情况' }).click();
  await drawer.getByLabel('采纳情况说明').fill('共收到意见 2 条，采纳 1 条，不予采纳 1 条，理由见逐条答复。');
  await drawer.getByLabel(/最终文件/).click();
  await admin.keyboard.type('绿化管理办法');
  await admin.getByTitle(/宜昌市城市绿化管理办法 · 已发布/).click();
  await drawer.getByRole('button', { name: '公布全部答复和采纳情况' }).click();
  const confirmResult = admin.getByRole('dialog', { name: '公布全部答复和采纳情况？' });
  await confirmResult.getByRole('button', { name: /公\s*布/ }).click();
  await admin.getByText('已公布采纳情况').first().waitFor();

  // 6. The report stays with the consultation and the final document links to it.
  await citizen.goto(`/documents/${docId}`);
  await citizen.getByRole('heading', { name: '征求意见及采纳情况' }).waitFor();
  assert.deepEqual(await axeViolations(citizen), [], 'the document page has no WCAG violations');
  await citizen.getByRole('link', { name: /意见采纳情况/ }).click();
  await citizen.getByRole('heading', { name: /：意见采纳情况$/ }).waitFor();
  const total = await citizen.getByRole('row', { name: /合计/ }).allInnerTexts();
  assert.match(total.join(' '), /合计\s+2\s+1\s+0\s+1/);
  await citizen.getByText('已将第三条绿地率调整为百分之三十五').waitFor();
  await citizen.getByText('降低绿地率不符合上位法规定').waitFor();
  assert.equal(await citizen.getByRole('link', { name: '宜昌市城市绿化管理办法', exact: true }).getAttribute('href'), `/documents/${docId}`);
  assert.equal(await citizen.getByText(/张三|李四|13912345678/).count(), 0);
  assert.deepEqual(await axeViolations(citizen), [], 'the adoption report has no WCAG violations');
  await screenshot(citizen, 'portal-consultation-result');

  await citizen.goto('/consultations?phase=concluded');
  await citizen.getByRole('link', { name: /宜昌市城市绿化管理办法/ }).waitFor();
  assert.deepEqual(await axeViolations(citizen), [], 'the consultation list has no WCAG violations');

  // 适老化: large text and high contrast keep the pages readable.
  await citizen.goto(`/prefs?text=xlarge&contrast=high&return=${encodeURIComponent(`/consultations/${id}`)}`);
  await citizen.getByRole('heading', { name: '第三条' }).waitFor();
  assert.deepEqual(await axeViolations(citizen), [], 'the consultation page in high contrast has no WCAG violations');
  await citizen.goto(`/consultations/${id}/result`);
  assert.deepEqual(await axeViolations(citizen), [], 'the adoption report in high contrast has no WCAG violations');
  await screenshot(citizen, 'portal-consultation-result-contrast');
});

test('重大行政决策: the catalog editor refuses a decision while procedures are missing; the published catalog passes axe', async (t) => {
  const portal = await startPortal(t);
  const { services } = portal;
  const city = await orgByName(services, '宜昌市');
  const office = await staff(portal, city.id, 'office_admin');
  const page = await portal.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, office.user.username, '/admin/decisions');
  await page.getByRole('button', { name: /新增事项/ }).click();
  const create = page.locator('.ant-drawer.ant-drawer-open');
  await create.getByLabel('年度').fill('2026');
  await create.getByLabel('事项名称').fill('宜昌市中心城区生活垃圾分类实施方案');
  await create.getByLabel('承办单位').fill('市城市管理执法委员会');
  await create.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已新增决策事项').waitFor();
  const item = page.locator('.ant-drawer.ant-drawer-open').filter({ hasText: '法定程序' });
  await item.getByLabel('决策日期').fill('2026-05-20');
  await item.getByRole('button', { name: '标记为已作出决策' }).click();
  await page.getByText(/法定程序不完整：公众参与尚未完成/).first().waitFor();
  for (const [name, date] of [['公众参与', '2026-04-30'], ['专家论证', '2026-05-02'], ['风险评估', '2026-05-05'], ['合法性审查', '2026-05-10'], ['集体讨论决定', '2026-05-15']] as const) {
    await item.getByLabel(`${name}状态`).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('已完成').click();
    await item.getByLabel(`${name}完成日期`).fill(date);
    await item.locator('form').filter({ has: page.getByLabel(`${name}状态`) }).getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已保存：${name}`).last().waitFor();
  }
  await item.getByLabel('决策日期').fill('2026-05-20');
  await item.getByRole('button', { name: '标记为已作出决策' }).click();
  await item.getByText(/已作出决策（2026-05-20）/).waitFor();
  await item.getByRole('switch', { name: '列入公开目录' }).click();
  await item.getByRole('switch', { name: '列入公开目录', checked: true }).waitFor();
  await page.keyboard.press('Escape');
  await item.waitFor({ state: 'detached' });
  await page.getByText(/已作出决策/).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the decision catalog editor has no WCAG violations');
  await screenshot(page, 'admin-decisions');

  const reader = await portal.newPage();
  await reader.goto('/decisions');
  await reader.getByRole('link', { name: '宜昌市 2026 年度重大行政决策事项目录' }).click();
  await reader.getByRole('cell', { name: /宜昌市中心城区生活垃圾分类实施方案/ }).waitFor();
  assert.equal(await reader.getByRole('cell', { name: '2026-05-10' }).count(), 1, 'the legality review date is shown');
  assert.deepEqual(await axeViolations(reader), [], 'the published catalog has no WCAG violations');
  await screenshot(reader, 'portal-decisions');
});
