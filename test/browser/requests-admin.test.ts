// 依申请公开 in the admin app, the "done when" flow: a case applied for through the public API; the handler
// asks for a correction, the applicant corrects with the code, the handler starts handling and consults a third
// party, the openness-office head approves an extension, legal counsel passes a proposed partial disclosure, the
// handler answers 部分公开, downloads the DOCX letter and records delivery. After every step the due date on the case
// page equals the one computed here from the working-day calendar. Then offline registration (Art. 31 rule shown,
// a bad ID refused in Chinese, the code and the due date shown). List, case and registration pages pass axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startPortal, type Portal } from './support/browser.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { applicantFields, multipart, proofPdf, residentId } from '../http/requests.support.ts';
import { minimalPdf } from '../../src/platform/files/test-fixtures.ts';
import { beijingToday } from '../../src/modules/requests/index.ts';

const PASSWORD = 'requests-admin-password-1';

async function staff(portal: Portal, orgId: string, role: string) {
  const user = await buildUser(portal.services, orgId, [{ role, orgId }]);
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: user.password, newPassword: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return user;
}

async function signIn(portal: Portal, username: string, path: string): Promise<Page> {
  const page = await portal.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: 'Gongkai 政务公开管理后台' }).waitFor();
  return page;
}

/** Opens an action's dialog, lets `fill` complete it, submits, confirms if asked, and waits for the success toast. */
async function act(page: Page, label: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}, confirm?: string) {
  // antd spaces out two-character button labels (转 办).
  const name = label.length === 2 ? new RegExp(`^${label[0]}\\s*${label[1]}$`) : label;
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label}（`) });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name, exact: true }).click();
  if (confirm) {
    const c = page.getByRole('dialog', { name: confirm });
    await c.getByRole('button', { name: /确\s*认/ }).click();
  }
  await page.getByText(`已${label}`).first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
}

test('依申请公开 admin: correction, consultation, extension, legal review, partial answer, letter, delivery; due dates from the calendar', async (t) => {
  const portal = await startPortal(t);
  const { app, services } = portal;
  const dept = await orgByName(services, '宜昌市司法局');
  const handler = await staff(portal, dept.id, 'case_handler');
  const office = await staff(portal, dept.id, 'office_admin');
  const legal = await staff(portal, dept.id, 'legal_counsel');
  const cal = services.calendar.current();
  let today = '2026-09-28';
  services.requests.setToday(() => today);

  // The applicant applies through the public API, as the portal form does.
  const form = await multipart(applicantFields(dept.id, { title: '2026 年法律援助经费使用明细', docNumber: '' }), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  const applied = await app.inject({ method: 'POST', url: '/api/v1/requests', ...form });
  assert.equal(applied.statusCode, 201, applied.body);
  const receipt = applied.json() as { trackingNo: string; code: string; answerDue: { date: string } };
  let expected = cal.addWorkingDays('2026-09-28', 20).date;
  assert.equal(receipt.answerDue.date, expected);

  const page = await signIn(portal, handler.username, '/admin/requests');
  const row = page.getByRole('row', { name: new RegExp(receipt.trackingNo) });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`${expected}`), 'the list shows the due date');
  assert.deepEqual(await axeViolations(page), [], 'the case list has no WCAG violations');
  await screenshot(page, 'admin-requests-list');

  const due = page.getByTestId('answer-due');
  const expectDue = async (date: string, step: string) => {
    await page.getByText(`${date} 前答复`).first().waitFor();
    assert.equal(await due.innerText(), date, step);
  };
  await row.getByRole('link', { name: receipt.trackingNo }).click();
  await page.getByText('张三').first().waitFor();
  await expectDue(expected, 'received');
  const caseUrl = page.url();
  const dayOn = async (p: Page, day: string) => {
    today = day;
    await p.goto(caseUrl);
    await p.getByRole('heading', { name: new RegExp(receipt.trackingNo) }).waitFor();
  };

  // 09-29 correction requested: the clock stops.
  await dayOn(page, '2026-09-29');
  await act(page, '要求补正', (d) => d.getByLabel('需要补正的事项').fill('请写明所需经费明细的年度与项目名称。'));
  await page.getByText('答复期限暂停计算（待补正）').waitFor();

  // 10-09 the applicant corrects with the code: the 20 working days restart from that day.
  today = '2026-10-09';
  const corr = await multipart({ text: '2026 年度法律援助中心的经费使用明细。' });
  const corrected = await app.inject({ method: 'POST', url: `/api/v1/requests/${receipt.trackingNo}/correction?code=${receipt.code}`, ...corr });
  assert.equal(corrected.statusCode, 200, corrected.body);
  await dayOn(page, '2026-10-09');
  expected = cal.addWorkingDays('2026-10-09', 20).date;
  await expectDue(expected, 'corrected');
  await act(page, '开始办理');
  await expectDue(expected, 'accepted');

  // 10-12 third-party consultation: paused; on 10-15 the due date has moved by the working days since.
  await dayOn(page, '2026-10-12');
  await act(page, '征求意见', (d) => d.getByLabel('征求意见对象').fill('宜昌某律师事务所'));
  await expectDue(expected, 'consultation started');
  await dayOn(page, '2026-10-15');
  await expectDue(cal.addWorkingDays('2026-10-09', 20 + cal.workingDaysBetween('2026-10-12', '2026-10-15')).date, 'paused while consulting');
  await dayOn(page, '2026-10-19');
  await act(page, '登记征求意见答复', (d) => d.getByLabel('答复意见摘要').fill('第三方同意公开，但涉及个人信息的部分除外。'));
  const paused = cal.workingDaysBetween('2026-10-12', '2026-10-19');
  expected = cal.addWorkingDays('2026-10-09', 20 + paused).date;
  await expectDue(expected, 'consultation answered');
  assert.equal(await page.getByRole('button', { name: '批准延期' }).count(), 0, 'the handler cannot approve an extension');
  assert.deepEqual(await axeViolations(page), [], 'the open case page has no WCAG violations');
  await screenshot(page, 'admin-requests-case-open');

  // 10-20 the openness-office head approves a 15-day extension.
  today = '2026-10-20';
  const head = await signIn(portal, office.username, caseUrl.replace(portal.baseUrl, ''));
  await act(head, '批准延期', async (d) => {
    await d.getByLabel('延期工作日数（1–20）').fill('15');
    await d.getByLabel('延期理由').fill('需要逐页区分处理涉及个人信息的内容。');
  }, '确认批准延期？每个案件只能延期一次。');
  expected = cal.addWorkingDays('2026-10-09', 20 + paused + 15).date;
  assert.equal(await head.getByTestId('answer-due').innerText(), expected, 'extended');
  assert.equal(await head.getByRole('button', { name: '作出答复' }).count(), 0, 'the office head does not answer');

  // 10-21 the handler proposes 部分公开 for legal review; 10-22 legal counsel passes it.
  await dayOn(page, '2026-10-21');
  await expectDue(expected, 'extension seen by the handler');
  await act(page, '提请法律审核', async (d) => {
    await pick(page, '拟作出的答复类别', '部分公开');
    await d.getByTestId('default-basis').getByText(/第三十七条/).waitFor();
    await d.getByLabel('拟答复内容或说明').fill('经费总额予以公开，受援人姓名等个人信息不予公开。');
  });
  await expectDue(expected, 'legal review does not stop the clock');
  today = '2026-10-22';
  const counsel = await signIn(portal, legal.username, caseUrl.replace(portal.baseUrl, ''));
  await act(counsel, '法律审核通过', (d) => d.getByLabel('审核意见').fill('区分处理符合《条例》第三十七条。'));
  assert.equal(await counsel.getByTestId('answer-due').innerText(), expected);

  // 10-23 the handler uploads the redacted file and answers 部分公开.
  await dayOn(page, '2026-10-23');
  await page.getByRole('checkbox', { name: /已对不应公开的内容作区分处理/ }).check();
  await page.locator('input[type=file]').setInputFiles({ name: '经费明细（已处理）.pdf', mimeType: 'application/pdf', buffer: minimalPdf([['Legal aid budget 2026']]) });
  await page.getByText('已作区分处理').waitFor();
  const answerText = '经审查，您申请的 2026 年法律援助经费使用明细中，经费总额及支出项目予以公开，受援人个人信息不予公开。';
  await act(page, '作出答复', async (d) => {
    await pick(page, '答复类型类别', '部分公开');
    await d.getByLabel('答复内容（写入答复书）').fill(answerText);
    // No axe run here: with an antd dialog open, axe leaves every contrast check in it incomplete ("overlapped").
    await screenshot(page, 'admin-requests-answer-dialog');
  }, '确认作出答复？答复后不能修改，案件办结。');
  await page.getByText('已于 2026-10-23 办结').waitFor();
  assert.equal(await page.getByTestId('answer-due-was').innerText(), expected, 'answered within the computed due date');
  await page.getByText('按期办结', { exact: false }).first().waitFor();

  // The answer letter: a DOCX with the applicant-facing text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载答复书/ }).click()]);
  const docx = Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]);
  assert.equal(docx.subarray(0, 2).toString(), 'PK', 'a DOCX (zip) file');
  const letter = (await mammoth.extractRawText({ buffer: docx })).value;
  for (const text of ['张三', '部分公开', answerText, '经费明细（已处理）.pdf', '行政复议']) assert.ok(letter.includes(text), `the letter contains ${text}`);

  await dayOn(page, '2026-10-26');
  await act(page, '登记送达', (d) => d.getByLabel('送达方式').fill('网上查看'), '确认答复书已送达申请人？');
  await page.getByText('已送达').first().waitFor();
  assert.equal(await page.getByTestId('answer-due-was').innerText(), expected);
  assert.deepEqual(await axeViolations(page), [], 'the case page has no WCAG violations');
  await screenshot(page, 'admin-requests-case');

  // Art. 44: the answered case becomes a draft document, linked from the case.
  await page.getByRole('button', { name: '转为主动公开' }).click();
  await page.getByRole('dialog', { name: '转为主动公开？' }).getByRole('button', { name: '转为主动公开' }).click();
  const draft = page.getByRole('link', { name: '已转为主动公开：打开文件草稿' });
  await draft.waitFor();
  assert.match((await draft.getAttribute('href'))!, /^\/admin\/documents\?edit=[0-9a-f-]{36}$/);

  // The applicant sees the answer with the code.
  const tracked = (await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}` })).json() as {
    state: string;
    answer: { outcome: string; text: string; releasedFiles: { name: string }[] };
  };
  assert.equal(tracked.state, 'delivered');
  assert.equal(tracked.answer.outcome, 'partial');
  assert.equal(tracked.answer.text, answerText);
  assert.deepEqual(tracked.answer.releasedFiles.map((f) => f.name), ['经费明细（已处理）.pdf']);
});

test('offline registration: the Art. 31 rule per channel, a bad ID refused in Chinese, code and due date shown', async (t) => {
  const portal = await startPortal(t);
  const { services } = portal;
  const dept = await orgByName(services, '宜昌市司法局');
  const handler = await staff(portal, dept.id, 'case_handler');
  const cal = services.calendar.current();
  services.requests.setToday(() => '2026-11-02');

  const page = await signIn(portal, handler.username, '/admin/request-register');
  await page.getByText(/当面提交的，以提交之日为收到申请之日/).waitFor();
  await page.getByText('邮寄（需签收）').click();
  await page.getByText(/以邮寄方式提交的，以行政机关签收之日为收到申请之日/).waitFor();
  const received = page.getByLabel('收到申请日期');
  await received.click();
  await received.fill('2026-10-30');
  await received.press('Enter');
  const appliedOn = page.getByLabel('申请日期（申请书所署日期）');
  await appliedOn.click();
  await appliedOn.fill('2026-10-27');
  await appliedOn.press('Enter');
  await page.getByLabel('姓名').fill('李四');
  const good = residentId('19900307', '124');
  await page.getByLabel('身份证号码').fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
  await page.getByLabel('联系电话').fill('0717-6220001');
  await page.getByLabel('所需政府信息的名称').fill('2026 年人民调解员名册');
  await page.locator('input[type=file]').setInputFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: proofPdf() });
  assert.deepEqual(await axeViolations(page), [], 'the registration page has no WCAG violations');
  await screenshot(page, 'admin-requests-register');

  await page.getByRole('button', { name: /登\s*记/ }).click();
  await page.getByText(/不是有效的 18 位居民身份证号码/).first().waitFor();
  await page.getByLabel('身份证号码').fill(good);
  await page.getByRole('button', { name: /登\s*记/ }).click();
  await page.getByText(/已登记，受理编号 YS-2026-\d{6}/).waitFor();
  assert.match(await page.getByTestId('tracking-code').innerText(), /^[A-HJ-NP-Z2-9]{10}/);
  assert.equal(await page.getByTestId('received-on').innerText(), '2026-10-30');
  assert.equal(await page.getByTestId('register-due').innerText(), cal.addWorkingDays('2026-10-30', 20).date);

  await page.getByRole('link', { name: /打开案件/ }).click();
  await page.getByText('邮寄（需签收）').first().waitFor();
  await page.getByText(/以邮寄方式提交的，以行政机关签收之日为收到申请之日/).waitFor();
  assert.equal(await page.getByTestId('answer-due').innerText(), cal.addWorkingDays('2026-10-30', 20).date);

  // Fee notice by volume with the API's quote, payment, then a transfer to another organisation (confirmed).
  await act(page, '开始办理');
  const quote = (await portal.app.inject({ url: '/api/v1/requests/fees/quote?pages=150', headers: await portal.login(handler.username, PASSWORD) })).json() as { explanation: string };
  await act(page, '发出收费通知', async (d) => {
    await d.getByRole('spinbutton', { name: /页数/ }).fill('150');
    await d.getByRole('button', { name: '试算金额' }).click();
    await d.getByText(quote.explanation).waitFor();
  }, '确认发出收费通知？每个案件只能收费一次。');
  await page.getByText(/发出收费通知，答复期限暂停/).waitFor();
  await page.getByRole('button', { name: '登记缴费' }).waitFor();
  await act(page, '登记缴费');
  assert.equal(await page.getByTestId('answer-due').innerText(), cal.addWorkingDays('2026-10-30', 20).date, 'paid the same day: nothing paused');
  await act(page, '转办', async (d) => {
    const to = d.getByRole('combobox', { name: '接收机关' });
    await to.click();
    await to.fill('财政局');
    await page.getByTitle('宜昌市财政局', { exact: true }).click();
    await d.getByLabel('转办理由').fill('所需信息由财政局制作并保存。');
  }, '确认转其他机关办理？本机关的案件将办结，由接收机关以收到之日重新起算。');
  await page.getByText(/已转 宜昌市财政局 办理/).waitFor();

  // A reconsideration record, then deleted after confirming.
  await page.getByRole('button', { name: '登记复议或诉讼' }).click();
  const remedy = page.getByRole('dialog', { name: '登记行政复议或行政诉讼' });
  await remedy.getByLabel('类型').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('行政复议', { exact: true }).click();
  const filed = remedy.getByLabel('申请复议或起诉日期');
  await filed.click();
  await filed.fill('2026-11-02');
  await filed.press('Enter');
  await remedy.getByRole('button', { name: /登\s*记/ }).click();
  const remedyRow = page.getByRole('row', { name: /行政复议.*2026-11-02.*尚未审结/ });
  await remedyRow.waitFor();
  await remedyRow.getByRole('button', { name: /删\s*除/ }).click();
  await page.getByRole('dialog', { name: '删除这条记录？' }).getByRole('button', { name: /删\s*除/ }).click();
  await page.getByText('暂无记录').waitFor();

  // To-dos: an overdue case (received long before the real today) is listed and opens its case page.
  const realToday = beijingToday();
  services.requests.setToday(() => realToday);
  const old = new Date(Date.parse(`${realToday}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
  const f = await multipart(
    { ...applicantFields(dept.id, { title: '逾期未办的申请', docNumber: '' }), channel: 'in_person', appliedOn: old, receivedOn: old },
    { identityProof: { name: 'id.pdf', bytes: proofPdf() } },
  );
  const late = await portal.app.inject({ method: 'POST', url: '/api/v1/requests/offline', headers: { ...(await portal.login(handler.username, PASSWORD)), ...f.headers }, payload: f.payload });
  assert.equal(late.statusCode, 201, late.body);
  const lateNo = (late.json() as { trackingNo: string }).trackingNo;
  await page.goto('/admin/todo');
  await page.getByText(/依申请公开临近或超过答复期限（1）/).waitFor();
  await page.getByRole('link', { name: new RegExp(lateNo) }).click();
  await page.getByRole('heading', { name: new RegExp(`${lateNo} 逾期未办的申请`) }).waitFor();
  await page.getByText('已超期').first().waitFor();
});
