// The portal's 依申请公开 pages over HTTP: form validation with values kept, CSRF, the receipt, tracking by POST,
// correction, withdrawal with confirmation, the answer and its downloads, the rate-limit message, and that no
// personal data reaches a tracking page, the sitemap or a cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { multipart, proofPdf, residentId, setupRequests, uscc } from './requests.support.ts';

type Session = { cookie: string; token: string };

/** Opens the form like a browser: the form cookie and the hidden token. */
async function openForm(app: FastifyInstance, url = '/requests/apply'): Promise<Session & { html: string }> {
  const res = await app.inject({ url, headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'private, no-store');
  const cookie = res.cookies.find((c) => c.name === 'gk_form');
  assert.ok(cookie, 'the form sets its CSRF cookie');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/requests');
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  assert.equal(token, cookie.value, 'the hidden field repeats the cookie');
  return { cookie: `gk_form=${cookie.value}`, token, html: res.body };
}

const portalFields = (orgId: string, over: Record<string, string> = {}) => ({
  orgId,
  applicantCategory: 'natural',
  personName: '张三',
  idType: 'resident',
  idNumber: residentId(),
  phone: '13912345678',
  email: 'zhangsan@example.com',
  address: '宜昌市西陵区某路 1 号',
  title: '2026 年城区老旧小区改造项目清单',
  docNumber: '宜市住建〔2026〕12号',
  form: 'electronic',
  delivery: 'online',
  declaration: '1',
  ...over,
});

async function postApply(app: FastifyInstance, s: Session, fields: Record<string, string>, withProof = true) {
  const form = await multipart({ _csrf: s.token, ...fields }, withProof ? { identityProof: { name: '身份证.pdf', bytes: proofPdf() } } : {});
  return app.inject({ method: 'POST', url: '/requests/apply', payload: form.payload, headers: { ...form.headers, cookie: s.cookie, accept: 'text/html' } });
}
const postForm = (app: FastifyInstance, s: Session, url: string, fields: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: s.token, ...fields }).toString() });
const receiptOf = (html: string) => ({ trackingNo: /id="receipt-tracking-no">([^<]+)</.exec(html)?.[1] ?? '', code: /id="receipt-code">([^<]+)</.exec(html)?.[1] ?? '' });
/** Like assert.match without printing a whole page on failure. */
function has(body: string, re: RegExp, message?: string) {
  if (!re.test(body)) assert.fail(message ?? `the page does not match ${re}`);
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

test('the guide and the form: organisation chooser, navigation, private pages, sitemap without tracking', async (t) => {
  const { app, dept } = await setupRequests(t);
  const guide = await app.inject({ url: '/requests', headers: { accept: 'text/html' } });
  assert.equal(guide.statusCode, 200);
  assert.equal(guide.headers['cache-control'], 'private, no-store');
  has(guide.body, /20 个工作日/);
  has(guide.body, /国办函〔2020〕109号/);
  has(guide.body, /行政复议/);
  has(guide.body, new RegExp(`<option value="${dept.id}">[^<]*宜昌市司法局</option>`));
  has(guide.body, /<a href="\/requests" aria-current="page">依申请公开<\/a>/, 'in the main navigation, current');

  const { html } = await openForm(app, `/requests/apply?org=${dept.id}`);
  has(html, new RegExp(`<option value="${dept.id}" selected="">`), '?org= preselects the organisation');
  for (const label of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '法定代表人或负责人', '纸质', '邮寄', '自行领取', '在线查看', '第四十四条', '申请声明'])
    assert.ok(html.includes(label), `the form offers ${label}`);

  const home = await app.inject({ url: '/', headers: { accept: 'text/html' } });
  has(home.body, /href="\/requests"/);
  const xxgk = await app.inject({ url: `/organisations/${dept.id}/xxgk`, headers: { accept: 'text/html' } });
  assert.ok(xxgk.body.includes(`/requests/apply?org=${dept.id}`), 'the organisation page links to its form');
  const guidePage = await app.inject({ url: `/organisations/${dept.id}/xxgk/guide`, headers: { accept: 'text/html' } });
  assert.ok(guidePage.body.includes(`/requests/apply?org=${dept.id}`), 'the 指南 links to the form');

  const sitemap = await app.inject({ url: '/sitemap.xml' });
  assert.ok(!sitemap.body.includes('/requests/track'), 'tracking is not in the sitemap');
  const robots = await app.inject({ url: '/robots.txt' });
  has(robots.body, /Disallow: \/requests\/track/);
});

test('validation: Chinese messages next to the fields, values kept, nothing registered; CSRF refused', async (t) => {
  const { app, dept, handler } = await setupRequests(t);
  const s = await openForm(app);
  const count = async () => ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { total: number }).total;

  // Bad ID number and no declaration: both reported at once, the entered values come back.
  const bad = await postApply(app, s, portalFields(dept.id, { idNumber: '420502199013071234', declaration: '', personName: '李四<script>' }));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.headers['cache-control'], 'private, no-store');
  has(bad.body, /提交未成功，请修改以下 2 处内容/);
  has(bad.body, /id="f-idNumber-error"[^>]*>.*不是有效的 18 位居民身份证号码/);
  has(bad.body, /id="f-declaration-error"[^>]*>.*请阅读并勾选申请声明/);
  has(bad.body, /aria-invalid="true" aria-describedby="f-idNumber-hint f-idNumber-error"/);
  has(bad.body, /value="李四&lt;script&gt;"/, 'values kept and escaped');
  assert.ok(!bad.body.includes('<script>'), 'no markup from the visitor');
  has(bad.body, /value="2026 年城区老旧小区改造项目清单"/);
  has(bad.body, /name="form" checked="" value="electronic"/);
  assert.equal(await count(), 0);

  // Organisation: USCC checked, sub-type, legal representative and contact person required.
  const org = await postApply(app, s, portalFields(dept.id, { applicantCategory: 'org', personName: '', idNumber: '', orgName: '某科技有限公司', uscc: '91420500MA4F000010' }));
  assert.equal(org.statusCode, 400);
  for (const [field, message] of [['uscc', '不是有效的统一社会信用代码'], ['orgType', '请选择法人或其他组织的类型'], ['legalRep', '请填写法定代表人或负责人姓名'], ['contactPerson', '法人或其他组织须填写联系人']])
    has(org.body, new RegExp(`id="f-${field}-error"[^>]*>.*${message}`), field);
  assert.equal(await count(), 0);

  // Missing proof with everything else right: the proof field says so.
  const noProof = await postApply(app, s, portalFields(dept.id), false);
  assert.equal(noProof.statusCode, 400);
  has(noProof.body, /id="f-identityProof-error"[^>]*>.*请上传身份证明/);
  assert.equal(await count(), 0);

  // CSRF: no cookie, or a token that does not match → refused, nothing registered, the values come back.
  const form = await multipart({ ...portalFields(dept.id), _csrf: s.token }, { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  const noCookie = await app.inject({ method: 'POST', url: '/requests/apply', payload: form.payload, headers: form.headers });
  assert.equal(noCookie.statusCode, 403);
  has(noCookie.body, /页面已过期或无法确认表单来源/);
  has(noCookie.body, /value="张三"/);
  const wrong = await postApply(app, { cookie: s.cookie, token: 'x'.repeat(32) }, portalFields(dept.id));
  assert.equal(wrong.statusCode, 403);
  const track = await app.inject({ method: 'POST', url: '/requests/track', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'trackingNo=YS-2026-000001&code=ABCDEFGHJK' });
  assert.equal(track.statusCode, 403);
  assert.equal(await count(), 0);

  // An organisation applies with everything right.
  const ok = await postApply(app, s, portalFields(dept.id, { applicantCategory: 'org', orgName: '某科技有限公司', uscc: uscc(), orgType: 'research', legalRep: '王五', contactPerson: '赵六', purpose: '科研' }));
  assert.equal(ok.statusCode, 200, ok.body);
  const list = (await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string; applicantKind: string }[] };
  assert.equal(list.items[0]?.applicantKind, 'research');
  const detail = (await app.inject({ url: `/api/v1/requests/${list.items[0]!.id}`, headers: handler })).json() as { applicant: { contactPerson: string; legalRepresentative: string }; information: { description?: string; purpose: string } };
  assert.equal(detail.applicant.contactPerson, '赵六');
  assert.equal(detail.applicant.legalRepresentative, '王五');
  assert.equal(detail.information.purpose, '科研');
});

test('receipt, tracking by POST without personal data, correction, answer and downloads', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler } = s;
  s.setToday('2026-09-28');
  const session = await openForm(app);
  const applied = await postApply(app, session, portalFields(dept.id, { suggestProactive: '1' }));
  assert.equal(applied.statusCode, 200, applied.body);
  assert.equal(applied.headers['cache-control'], 'private, no-store');
  const receipt = receiptOf(applied.body);
  assert.match(receipt.trackingNo, /^YS-2026-\d{6}$/);
  assert.match(receipt.code, /^[A-HJ-NP-Z2-9]{10}$/);
  has(applied.body, /查询码只在本页显示这一次/);
  assert.match(text(applied.body), /收到申请日期\s+2026年9月28日/);
  assert.match(text(applied.body), /答复期限\s+2026年10月30日前/);

  // Wrong code: the same answer as an unknown number.
  const wrong = await postForm(app, session, '/requests/track', { trackingNo: receipt.trackingNo, code: 'AAAAAAAAAA' });
  assert.equal(wrong.statusCode, 404);
  has(wrong.body, /受理编号或查询码不正确/);
  const unknown = await postForm(app, session, '/requests/track', { trackingNo: 'YS-2026-999999', code: receipt.code });
  assert.equal(unknown.statusCode, 404);

  const id = ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] }).items[0]!.id;
  const event = async (body: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: body });
    assert.equal(res.statusCode, 200, res.body);
  };
  s.setToday('2026-09-29');
  await event({ type: 'correction_requested', occurredOn: '2026-09-29', what: '请写明所需信息的年份与区域', dueOn: '2026-10-20' });

  // Lower-case code with spaces is accepted; the page shows status, steps and the correction form, nothing personal.
  const tracked = await postForm(app, session, '/requests/track', { trackingNo: receipt.trackingNo.toLowerCase(), code: ` ${receipt.code.toLowerCase()} ` });
  assert.equal(tracked.statusCode, 200, tracked.body);
  assert.equal(tracked.headers['cache-control'], 'private, no-store');
  const page = text(tracked.body);
  assert.match(page, /待补正/);
  assert.match(page, /请写明所需信息的年份与区域/);
  assert.match(page, /请于 2026年10月20日 前提交补正/);
  assert.match(page, /收到申请 2026-09-28/, 'how the due date was computed');
  assert.match(page, /登记收件/);
  assert.match(page, /发出补正告知/);
  for (const secret of ['张三', '13912345678', 'zhangsan@example.com', residentId(), '西陵区某路'])
    assert.ok(!tracked.body.includes(secret), `the tracking page must not show ${secret}`);
  assert.ok(!tracked.body.includes(`code=${receipt.code}`), 'the code is never put in a URL');

  // Correction: an empty text is refused next to the field; then the correction restarts the clock.
  s.setToday('2026-10-09');
  const corr = async (fields: Record<string, string>) => {
    const form = await multipart({ _csrf: session.token, trackingNo: receipt.trackingNo, code: receipt.code, ...fields });
    return app.inject({ method: 'POST', url: '/requests/track/correction', payload: form.payload, headers: { ...form.headers, cookie: session.cookie } });
  };
  const empty = await corr({ text: ' ' });
  assert.equal(empty.statusCode, 400);
  has(empty.body, /id="f-text-error"[^>]*>.*请填写补正内容/);
  const corrected = await corr({ text: '2026 年西陵区老旧小区改造项目清单' });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.match(text(corrected.body), /补正已提交/);
  assert.match(text(corrected.body), /2026年11月5日前/);
  assert.match(text(corrected.body), /收到补正/);

  // The case is accepted, reviewed internally and answered with a released file.
  await event({ type: 'accepted', occurredOn: '2026-10-09' });
  s.setToday('2026-10-12');
  await event({ type: 'legal_review_requested', occurredOn: '2026-10-12', outcome: 'partial', text: '内部意见：第三方信息需遮盖' });
  s.setToday('2026-10-13');
  const legal = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: s.legal, payload: { type: 'legal_review_passed', occurredOn: '2026-10-13', opinion: '同意' } });
  assert.equal(legal.statusCode, 200, legal.body);
  const file = await multipart({ redacted: '1' }, { file: { name: '改造清单.pdf', bytes: proofPdf() } });
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/released`, headers: { ...handler, ...file.headers }, payload: file.payload })).statusCode, 201);
  await event({ type: 'answered', occurredOn: '2026-10-13', outcome: 'partial', text: '现将清单提供给您，其中涉及第三方商业秘密的部分已作区分处理。', basis: '并依据第三十七条' });

  const answered = await postForm(app, session, '/requests/track', { trackingNo: receipt.trackingNo, code: receipt.code });
  const answerText = text(answered.body);
  assert.match(answerText, /已答复/);
  assert.match(answerText, /答复类型\s+部分公开/);
  assert.match(answerText, /法律依据\s+[^]*第三十七条/);
  assert.match(answerText, /60 日内依法申请行政复议/);
  assert.match(answerText, /下载提供的信息：改造清单\.pdf/);
  assert.ok(!answerText.includes('法律审核'), 'internal review steps are not shown');
  assert.ok(!answerText.includes('内部意见'), 'internal notes are not shown');
  assert.ok(!answered.body.includes('张三'));

  const letter = await postForm(app, session, '/requests/track/letter', { trackingNo: receipt.trackingNo, code: receipt.code });
  assert.equal(letter.statusCode, 200);
  assert.equal(letter.headers['cache-control'], 'private, no-store');
  assert.match(String(letter.headers['content-disposition']), /attachment/);
  const letterText = (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
  assert.match(letterText, /张三/, 'the applicant reads their own letter');
  assert.match(letterText, /部分公开/);
  const fileId = /name="fileId" value="([^"]+)"/.exec(answered.body)?.[1];
  assert.ok(fileId);
  const released = await postForm(app, session, '/requests/track/released', { trackingNo: receipt.trackingNo, code: receipt.code, fileId });
  assert.equal(released.statusCode, 200);
  assert.deepEqual(released.rawPayload.subarray(0, 5), Buffer.from('%PDF-'));
  const badLetter = await postForm(app, session, '/requests/track/letter', { trackingNo: receipt.trackingNo, code: 'AAAAAAAAAA' });
  assert.equal(badLetter.statusCode, 404);
  has(badLetter.body, /受理编号或查询码不正确/);
  assert.ok(!answered.body.includes('撤回申请…'), 'no withdrawal once answered');
});

test('withdrawal asks for confirmation first; the rate limit answers with a Chinese page', async (t) => {
  const s = await setupRequests(t, { GONGKAI_FORM_RATE_LIMIT: '3' });
  const { app, dept } = s;
  const session = await openForm(app);
  const receipt = receiptOf((await postApply(app, session, portalFields(dept.id))).body);
  assert.ok(receipt.code);
  const creds = { trackingNo: receipt.trackingNo, code: receipt.code };
  const ask = await postForm(app, session, '/requests/track/withdraw', creds);
  assert.equal(ask.statusCode, 200);
  has(ask.body, /确认撤回申请/);
  has(ask.body, /不撤回，返回/);
  assert.match(text(ask.body), /办理状态\s+已登记/, 'nothing withdrawn yet');
  const done = await postForm(app, session, '/requests/track/withdraw', { ...creds, confirm: '1', reason: '已从其他渠道获得' });
  assert.equal(done.statusCode, 200, done.body);
  assert.match(text(done.body), /申请已撤回。/);
  assert.match(text(done.body), /已撤回/);
  assert.ok(!done.body.includes('撤回申请…'));

  // Three submissions of the form per minute (counted per form): the fourth gets the message.
  // (A new minute may start during the test and reset the window once, hence the loop.)
  let limited = await postApply(app, session, portalFields(dept.id, { declaration: '' }));
  for (let i = 0; i < 6 && limited.statusCode !== 429; i += 1) {
    assert.equal(limited.statusCode, 400);
    limited = await postApply(app, session, portalFields(dept.id, { declaration: '' }));
  }
  assert.equal(limited.statusCode, 429);
  has(limited.body, /提交过于频繁，请 \d+ 秒后再试/);
  assert.equal(limited.headers['cache-control'], 'private, no-store');
});

test('uploads: a file over the limit or of the wrong type is reported next to the proof field, nothing registered', async (t) => {
  const { app, dept, handler } = await setupRequests(t, { GONGKAI_REQUEST_UPLOAD_MAX_MB: '1' });
  const s = await openForm(app);
  const send = async (name: string, bytes: Buffer) => {
    const form = await multipart({ _csrf: s.token, ...portalFields(dept.id) }, { identityProof: { name, bytes } });
    return app.inject({ method: 'POST', url: '/requests/apply', payload: form.payload, headers: { ...form.headers, cookie: s.cookie } });
  };
  const big = await send('big.pdf', Buffer.concat([proofPdf(), Buffer.alloc(1_200_000, 32)]));
  assert.equal(big.statusCode, 400);
  has(big.body, /id="f-identityProof-error"[^>]*>.*文件过大：每个文件不能超过 1 MB/);
  has(big.body, /value="张三"/);
  const wrongType = await send('note.txt', Buffer.from('这不是身份证明'));
  assert.equal(wrongType.statusCode, 400);
  has(wrongType.body, /id="f-identityProof-error"/);
  has(wrongType.body, /提交未成功，请修改以下 1 处内容/);
  assert.equal(((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { total: number }).total, 0);
});

test('a signed-in member of staff can apply on the portal like anyone (the form token, not the session token)', async (t) => {
  const { app, dept, handler } = await setupRequests(t);
  const s = await openForm(app);
  const both = { ...s, cookie: `${s.cookie}; ${handler.cookie}` };
  const res = await postApply(app, both, portalFields(dept.id));
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.match(receiptOf(res.body).trackingNo, /\S/);
  const forged = await postApply(app, { ...both, token: 'forged' }, portalFields(dept.id));
  assert.equal(forged.statusCode, 403, 'the form token is still required');
});
