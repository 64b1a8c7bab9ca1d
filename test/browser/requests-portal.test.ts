// The applicant's flow in a real browser: the 依申请公开 guide, the form (refused once, then
// accepted with an uploaded proof), the receipt, tracking with the code, and after staff answer through the API,
// the answer and the letter download. Zero axe violations on every page; screenshots for review. A last test
// submits an organisation's application with JavaScript off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, shootWithoutOverflow, startPortal } from './support/browser.ts';
import { ADMIN_PASSWORD } from '../support/app.ts';
import { multipart, proofPdf, residentId, uscc } from '../http/requests.support.ts';
import { beijingToday } from '../../src/modules/requests/index.ts';

// A 1×1 PNG: the smallest image proof.
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function noViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: axe violations\n${violations.join('\n')}`);
}

async function track(page: Page, trackingNo: string, code: string) {
  await page.goto('/requests/track');
  await page.locator('#f-trackingNo').fill(trackingNo);
  await page.locator('#f-code').fill(code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `办理进度：${trackingNo}` }).waitFor();
}

test('apply, receipt, track, answer and letter download, accessible on every page', async (t) => {
  const portal = await startPortal(t);
  const dept = (await portal.services.organisations.publicDirectory()).find((o) => o.name === '宜昌市司法局')!;
  // The forms are plain HTML posts (portal.js only handles the display preferences); axe needs script, so the
  // page runs with JavaScript, and the no-script behaviour is covered by test/http/requests-portal.test.ts.
  const page = await portal.newPage({ acceptDownloads: true });

  // The guide: choose the organisation, go to its form.
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
  await page.getByRole('heading', { level: 1, name: '依申请公开' }).waitFor();
  await noViolations(page, '/requests');
  await screenshot(page, 'requests-guide');
  await page.getByLabel('选择受理申请的行政机关').selectOption(dept.id);
  await page.getByRole('button', { name: '填写申请' }).click();
  await page.getByRole('heading', { level: 1, name: '政府信息公开申请' }).waitFor();
  assert.equal(await page.locator('#f-orgId').inputValue(), dept.id, 'the chosen organisation is preselected');
  await noViolations(page, '/requests/apply');

  // A first attempt with a wrong ID number and no declaration: messages next to the fields, values kept.
  await page.getByRole('radio', { name: '自然人（公民）' }).check();
  await page.locator('#f-personName').fill('张三');
  await page.locator('#f-idNumber').fill('420502199013071234');
  await page.locator('#f-phone').fill('13912345678');
  await page.locator('#f-email').fill('zhangsan@example.com');
  await page.locator('#f-title').fill('2026 年城区老旧小区改造项目清单');
  await page.locator('#f-docNumber').fill('宜市住建〔2026〕12号');
  await page.getByRole('radio', { name: '电子', exact: true }).check();
  await page.getByRole('radio', { name: '在线查看' }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.locator('#error-summary-title').innerText(), '提交未成功，请修改以下 3 处内容', await page.locator('#error-summary').innerText());
  assert.match(await page.locator('#f-idNumber-error').innerText(), /不是有效的 18 位居民身份证号码/);
  assert.match(await page.locator('#f-declaration-error').innerText(), /请阅读并勾选申请声明/);
  assert.match(await page.locator('#f-identityProof-error').innerText(), /请上传身份证明/);
  assert.equal(await page.locator('#f-personName').inputValue(), '张三');
  assert.equal(await page.locator('#f-title').inputValue(), '2026 年城区老旧小区改造项目清单');
  assert.equal(await page.getByRole('radio', { name: '在线查看' }).isChecked(), true);
  await noViolations(page, 'the refused form');
  await screenshot(page, 'requests-apply-errors');

  // Corrected and sent with a small proof file.
  await page.locator('#f-idNumber').fill(residentId());
  await page.locator('#f-identityProof').setInputFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: proofPdf() });
  await page.getByRole('checkbox', { name: /建议行政机关将该信息纳入主动公开范围/ }).check();
  await page.getByRole('checkbox', { name: /承诺所填信息真实、有效/ }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  const trackingNo = (await page.locator('#receipt-tracking-no').innerText()).trim();
  const code = (await page.locator('#receipt-code').innerText()).trim();
  assert.match(trackingNo, /^YS-\d{4}-\d{6}$/);
  assert.match(code, /^[A-HJ-NP-Z2-9]{10}$/);
  assert.match(await page.locator('main').innerText(), /查询码只在本页显示这一次/);
  await noViolations(page, 'the receipt');
  await screenshot(page, 'requests-receipt');

  // Tracking: status, due date, steps; nothing personal.
  await track(page, trackingNo, code);
  const registered = await page.locator('main').innerText();
  assert.match(registered, /已登记/);
  assert.match(registered, /答复期限/);
  assert.ok(!registered.includes('张三') && !registered.includes('13912345678'), 'no personal data on the tracking page');
  assert.ok(!page.url().includes(code), 'the code is not in the URL');
  await page.getByText('答复期限是怎样计算的').click();
  assert.match(await page.locator('.deadline-steps').innerText(), /起算 20 个工作日|20 个工作日/);
  await noViolations(page, 'tracking (registered)');
  await screenshot(page, 'requests-track-registered');

  // Staff accept the case, release a file and answer it (through the API).
  const admin = await portal.login('admin', ADMIN_PASSWORD);
  const list = (await portal.app.inject({ url: `/api/v1/requests?q=${encodeURIComponent('老旧小区')}`, headers: admin })).json() as { items: { id: string }[] };
  const id = list.items[0]!.id;
  const today = beijingToday();
  for (const body of [{ type: 'accepted', occurredOn: today }]) {
    const res = await portal.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: admin, payload: body });
    assert.equal(res.statusCode, 200, res.body);
  }
  const file = await multipart({}, { file: { name: '改造清单.pdf', bytes: proofPdf() } });
  assert.equal((await portal.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/released`, headers: { ...admin, ...file.headers }, payload: file.payload })).statusCode, 201);
  const answered = await portal.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: admin, payload: { type: 'answered', occurredOn: today, outcome: 'granted', text: '现将该清单提供给您。' } });
  assert.equal(answered.statusCode, 200, answered.body);

  // The applicant reads the answer and downloads the letter.
  await track(page, trackingNo, code);
  const answer = await page.locator('main').innerText();
  assert.match(answer, /已答复/);
  assert.match(answer, /予以公开/);
  assert.match(answer, /第三十六条/);
  assert.match(answer, /行政复议/);
  assert.match(answer, /现将该清单提供给您/);
  await noViolations(page, 'tracking (answered)');
  await screenshot(page, 'requests-track-answered');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载政府信息公开申请答复书/ }).click()]);
  assert.match(download.suggestedFilename(), /^答复书-YS-\d{4}-\d{6}\.docx$/);
  const path = await download.path();
  const letter = (await mammoth.extractRawText({ path })).value;
  assert.match(letter, /张三/);
  assert.match(letter, /予以公开/);
  const [released] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载提供的信息：改造清单\.pdf/ }).click()]);
  assert.equal(released.suggestedFilename(), '改造清单.pdf');
  await page.context().close();

  // The public pages in the three views, without sideways scrolling.
  await shootWithoutOverflow(portal, [['guide', '/requests'], ['apply', `/requests/apply?org=${dept.id}`], ['track', '/requests/track']], 'requests');
});

test('withdrawal asks for confirmation; the tracking page is accessible in high contrast', async (t) => {
  const portal = await startPortal(t);
  const dept = (await portal.services.organisations.publicDirectory()).find((o) => o.name === '宜昌市司法局')!;
  const receipt = await portal.services.requests.apply(
    { orgId: dept.id, applicant: { kind: 'natural', name: '李四', idNumber: residentId('19851111', '456'), phone: '13800000000' }, information: { title: '某路段改造批复' }, form: 'paper', delivery: 'post', suggestProactive: false },
    [{ filename: 'id.pdf', bytes: proofPdf() }],
    { ip: null },
  );
  const page = await portal.newPage();
  await page.context().addCookies([{ name: 'gk_prefs', value: 'large.high', url: portal.baseUrl }]);
  await track(page, receipt.trackingNo, receipt.code);
  await page.getByRole('button', { name: '撤回申请…' }).click();
  await page.getByRole('heading', { name: '确认撤回申请' }).waitFor();
  assert.match(await page.locator('main').innerText(), /办理状态\s+已登记/, 'nothing withdrawn before the confirmation');
  await noViolations(page, 'withdraw confirmation (high contrast)');
  await screenshot(page, 'requests-withdraw-confirm-contrast');
  await page.locator('#f-reason').fill('已从其他渠道获得');
  await page.getByRole('button', { name: '确认撤回' }).click();
  await page.getByText('申请已撤回。').waitFor();
  assert.match(await page.locator('.status-tag').innerText(), /已撤回/);
  assert.equal(await page.getByRole('button', { name: '撤回申请…' }).count(), 0);
  await noViolations(page, 'withdrawn');
});

test('without JavaScript the form still submits with its file and the tracking form still answers', async (t) => {
  const portal = await startPortal(t);
  const dept = (await portal.services.organisations.publicDirectory()).find((o) => o.name === '宜昌市司法局')!;
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto(`/requests/apply?org=${dept.id}`);
  await page.getByRole('radio', { name: '法人或者其他组织' }).check();
  await page.locator('#f-orgName').fill('某律师事务所');
  await page.locator('#f-uscc').fill(uscc('31420000MD0000001'));
  await page.locator('#f-orgType').selectOption('legal_service');
  await page.locator('#f-legalRep').fill('王五');
  await page.locator('#f-contactPerson').fill('赵六');
  await page.locator('#f-identityProof').setInputFiles({ name: '执业许可证.png', mimeType: 'image/png', buffer: tinyPng });
  await page.locator('#f-phone').fill('0717-1234567');
  await page.locator('#f-title').fill('某案件相关的行政处罚决定书');
  await page.getByRole('radio', { name: '纸质' }).check();
  await page.getByRole('radio', { name: '邮寄' }).check();
  await page.locator('#f-address').fill('宜昌市伍家岗区某路 2 号');
  await page.locator('#f-declaration').check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  const trackingNo = (await page.locator('#receipt-tracking-no').innerText()).trim();
  const code = (await page.locator('#receipt-code').innerText()).trim();
  await track(page, trackingNo, code);
  assert.match(await page.locator('main').innerText(), /某案件相关的行政处罚决定书/);
  const list = (await portal.app.inject({ url: '/api/v1/requests', headers: await portal.login('admin', ADMIN_PASSWORD) })).json() as { items: { applicantKind: string }[] };
  assert.equal(list.items[0]?.applicantKind, 'legal_service');
});
