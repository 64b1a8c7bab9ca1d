// Bad input, privacy, deadlines lists/to-dos/notifications and the answer letter of disclosure-on-application cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicantFields, multipart, proofPdf, residentId, setupRequests, uscc } from './requests.support.ts';
import { buildUser } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';

const count = async (s: Awaited<ReturnType<typeof setupRequests>>, table: 'req_case' | 'req_event' | 'req_applicant' | 'req_file') =>
  Number((await s.services.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

test('bad input is refused with a clear reason and nothing half-written', async (t) => {
  // The limit counts per clock minute: start early in one so the burst below cannot straddle two windows.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
  const s = await setupRequests(t, { GONGKAI_FORM_RATE_LIMIT: '6' });
  const { app, dept, handler, office } = s;
  s.setToday('2026-11-20');
  const post = async (fields: Record<string, string>, withProof = true) => {
    const f = await multipart(fields, withProof ? { identityProof: { name: 'id.pdf', bytes: proofPdf() } } : {});
    return app.inject({ method: 'POST', url: '/api/v1/requests', ...f });
  };
  const fieldOf = (res: { json(): unknown }) => ((res.json() as { error: { fields?: { path: string; message: string }[] } }).error.fields ?? []).map((f) => f.path);

  const noProof = await post(applicantFields(dept.id), false);
  assert.equal(noProof.statusCode, 400);
  assert.deepEqual(fieldOf(noProof), ['identityProof']);
  assert.match(noProof.json().error.message, /身份证明/);

  const badId = await post(applicantFields(dept.id, { idNumber: `${residentId().slice(0, 17)}${residentId().endsWith('0') ? '1' : '0'}` }));
  assert.equal(badId.statusCode, 400);
  assert.deepEqual(fieldOf(badId), ['applicant.idNumber']);
  assert.match(badId.json().error.message, /身份证号码/);
  const badDate = await post(applicantFields(dept.id, { idNumber: residentId('19900231') }));
  assert.deepEqual(fieldOf(badDate), ['applicant.idNumber'], '31 February is not a birth date');
  const badUscc = await post(applicantFields(dept.id, { applicantKind: 'commercial', idNumber: '91420500MA4F000010', contactPerson: '王经理' }));
  assert.deepEqual(fieldOf(badUscc), ['applicant.idNumber']);
  assert.match(badUscc.json().error.message, /统一社会信用代码/);
  const noTitle = await post(applicantFields(dept.id, { title: ' ' }));
  assert.deepEqual(fieldOf(noTitle), ['information.title']);
  // Five refused forms so far (the sixth still allowed): nothing written.
  assert.equal(await count(s, 'req_case'), 0);
  assert.equal(await count(s, 'req_applicant'), 0);

  // Spam burst: the 7th submission within a minute is rate-limited with a Chinese message.
  assert.equal((await post(applicantFields(dept.id))).statusCode, 201);
  const limited = await post(applicantFields(dept.id));
  assert.equal(limited.statusCode, 429);
  assert.match(limited.json().error.message, /^请求过于频繁，请 \d+ 秒后再试$/);
  assert.equal(await count(s, 'req_case'), 1);

  // Offline: receipt before the application date, or in the future.
  const offline = async (over: Record<string, string>) => {
    const f = await multipart({ ...applicantFields(dept.id), channel: 'in_person', appliedOn: '2026-11-10', receivedOn: '2026-11-10', ...over }, { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
    return app.inject({ method: 'POST', url: '/api/v1/requests/offline', headers: { ...handler, ...f.headers }, payload: f.payload });
  };
  const early = await offline({ receivedOn: '2026-11-09' });
  assert.equal(early.statusCode, 400);
  assert.match(early.json().error.message, /不能早于申请日期/);
  assert.equal((await offline({ receivedOn: '2026-11-21' })).statusCode, 400, 'receipt in the future');
  assert.equal((await offline({ channel: 'online' })).statusCode, 400, 'online is not an offline channel');
  assert.equal((await offline({ receivedOn: '2026-02-30' })).statusCode, 400, 'impossible date');
  const ok = await offline({});
  assert.equal(ok.statusCode, 201, ok.body);
  const id = (ok.json() as { id: string }).id;
  const events = await count(s, 'req_event');

  const ev = (body: Record<string, unknown>, headers = handler) => app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers, payload: body });
  const future = await ev({ type: 'accepted', occurredOn: '2026-11-21' });
  assert.equal(future.statusCode, 400);
  assert.match(future.json().error.message, /不能晚于今天/);
  const beforeReceipt = await ev({ type: 'accepted', occurredOn: '2026-11-09' });
  assert.equal(beforeReceipt.statusCode, 400);
  assert.match(beforeReceipt.json().error.message, /不能早于上一事件/);
  const outOfOrder = await ev({ type: 'answered', occurredOn: '2026-11-12', outcome: 'granted', text: '予以公开' });
  assert.equal(outOfOrder.statusCode, 409);
  assert.match(outOfOrder.json().error.message, /“已登记”状态的案件不能执行“作出答复”/);
  assert.equal((await ev({ type: 'registered', occurredOn: '2026-11-12' })).statusCode, 400, 'registration is not an event staff can send');
  assert.equal((await ev({ type: 'accepted', occurredOn: '2026-11-11' })).statusCode, 200);
  const answerEarly = await ev({ type: 'answered', occurredOn: '2026-11-10', outcome: 'granted', text: '予以公开' });
  assert.equal(answerEarly.statusCode, 400, 'an answer dated before the previous event (and the receipt)');
  const both = await ev({ type: 'fee_notified', occurredOn: '2026-11-12', pages: 40, requestCount: 12 });
  assert.equal(both.statusCode, 400);
  assert.match(both.json().error.message, /只能按件或按量一种方式/);
  const fee = await ev({ type: 'fee_notified', occurredOn: '2026-11-12', pages: 40 });
  assert.equal(fee.statusCode, 200);
  assert.equal((fee.json() as { fee: { amountFen: number } }).fee.amountFen, 10_000, '31–40 pages at 10 元');
  const lapseEarly = await ev({ type: 'fee_lapsed', occurredOn: '2026-11-20' });
  assert.equal(lapseEarly.statusCode, 409, 'payment is due 20 working days after the notice');
  assert.equal((await ev({ type: 'fee_paid', occurredOn: '2026-11-13' })).statusCode, 200);
  assert.equal((await ev({ type: 'fee_notified', occurredOn: '2026-11-13', requestCount: 1 })).statusCode, 409, 'one fee notice per case');
  const tooLong = await ev({ type: 'extension_approved', occurredOn: '2026-11-13', days: 21, reason: '太多' }, office);
  assert.equal(tooLong.statusCode, 409);
  assert.match(tooLong.json().error.message, /1–20 个工作日/);
  const badOutcome = await ev({ type: 'answered', occurredOn: '2026-11-13', outcome: 'other.overdue_fee', text: 'x' });
  assert.equal(badOutcome.statusCode, 409);
  // Refused events wrote nothing; the accepted ones did.
  assert.equal(await count(s, 'req_event'), events + 3);
});

test('privacy: applicant data only for the handling organisation; the tracking view and the audit log carry none', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, otherHandler } = s;
  s.setToday('2026-11-20');
  const idNumber = residentId('19851120', '246');
  const f = await multipart(applicantFields(dept.id, { idNumber, name: '李四', phone: '13800001111' }), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  const receipt = (await app.inject({ method: 'POST', url: '/api/v1/requests', ...f })).json() as { trackingNo: string; code: string };
  const mine = (await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] };
  const id = mine.items[0]!.id;

  const detail = await app.inject({ url: `/api/v1/requests/${id}`, headers: handler });
  assert.equal(detail.json().applicant.idNumber, idNumber, 'case staff of the organisation see the applicant');
  const proofUrl = detail.json().applicant.proofs[0].url as string;
  assert.equal((await app.inject({ url: proofUrl, headers: handler })).statusCode, 200);

  // Other organisations' staff, and anonymous callers: like a missing case.
  const missing = await app.inject({ url: '/api/v1/requests/0190d5f0-0000-7000-8000-000000000000', headers: otherHandler });
  const forbidden = await app.inject({ url: `/api/v1/requests/${id}`, headers: otherHandler });
  assert.equal(forbidden.statusCode, 404);
  assert.deepEqual(forbidden.json(), missing.json());
  assert.equal((await app.inject({ url: proofUrl, headers: otherHandler })).statusCode, 404);
  assert.equal((await app.inject({ url: `/api/v1/requests/${id}` })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/requests' })).statusCode, 401);
  const theirs = (await app.inject({ url: '/api/v1/requests', headers: otherHandler })).json() as { total: number };
  assert.equal(theirs.total, 0);
  assert.equal(((await app.inject({ url: `/api/v1/requests?organisationId=${dept.id}`, headers: otherHandler })).json() as { total: number }).total, 0);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: otherHandler, payload: { type: 'accepted', occurredOn: '2026-11-20' } })).statusCode, 404);

  // Wrong code = missing number.
  const wrong = await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=AAAAAAAAAA` });
  const nothing = await app.inject({ url: `/api/v1/requests/YS-2026-999999?code=${receipt.code}` });
  assert.equal(wrong.statusCode, 404);
  assert.deepEqual(wrong.json(), nothing.json());
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/requests/${receipt.trackingNo}/withdraw?code=AAAAAAAAAA`, payload: {} })).statusCode, 404);

  // The tracking view: status, deadline and answer, nothing personal.
  const view = await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}` });
  assert.equal(view.statusCode, 200);
  assert.deepEqual(Object.keys(view.json()).sort(), ['answerDue', 'deadlineSteps', 'history', 'informationTitle', 'orgName', 'receivedOn', 'state', 'stateName', 'trackingNo']);
  for (const secret of ['李四', idNumber, '13800001111', 'zhangsan@example.com']) assert.ok(!view.body.includes(secret));

  // The audit log of the public application, and of everything else, never holds the ID number or the name.
  const audit = await s.services.database.db.selectFrom('aud_log').select(['action', 'before', 'after']).where('entity_type', '=', 'request_case').execute();
  assert.ok(audit.length >= 1);
  for (const a of audit) for (const secret of [idNumber, '李四', '13800001111']) assert.ok(!`${a.before}${a.after}`.includes(secret), `${a.action} leaks ${secret}`);
  // Nor does the code: only its hash is stored.
  const stored = await s.services.database.db.selectFrom('req_case').select('code_hash').where('id', '=', id).executeTakeFirstOrThrow();
  assert.notEqual(stored.code_hash, receipt.code);
  assert.ok(!JSON.stringify(await s.services.requests.statisticsFacts([dept.id])).includes('李四'));
});

test('near-due and overdue: list filters, to-dos, deduplicated notifications', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, office, otherHandler } = s;
  const apply = async (day: string, title: string) => {
    s.setToday(day);
    const f = await multipart(applicantFields(dept.id, { title, docNumber: '' }), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
    const r = await app.inject({ method: 'POST', url: '/api/v1/requests', ...f });
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as { answerDue: { date: string } };
  };
  // 2026-10-16 + 20 working days = 2026-11-13 (overdue on 11-20); 2026-10-21 + 20 = 2026-11-18 (overdue);
  // 2026-10-26 + 20 = 2026-11-23 (near: 1 working day left on 11-20); 2026-11-16 + 20 = 2026-12-14 (ok).
  assert.equal((await apply('2026-10-16', '甲')).answerDue.date, '2026-11-13');
  assert.equal((await apply('2026-10-26', '乙')).answerDue.date, '2026-11-23');
  assert.equal((await apply('2026-11-16', '丙')).answerDue.date, '2026-12-14');
  s.setToday('2026-11-20');
  const near = (await app.inject({ url: '/api/v1/requests?urgency=near', headers: handler })).json() as { items: { informationTitle: string; urgency: string }[]; total: number };
  assert.deepEqual(near.items.map((i) => i.informationTitle), ['乙']);
  const overdue = (await app.inject({ url: '/api/v1/requests?urgency=overdue', headers: office })).json() as { items: { informationTitle: string }[] };
  assert.deepEqual(overdue.items.map((i) => i.informationTitle), ['甲'], 'the office sees them too');
  assert.equal(((await app.inject({ url: '/api/v1/requests?urgency=overdue', headers: otherHandler })).json() as { total: number }).total, 0);

  const todos = await s.services.todo.list((await s.services.auth.resolveSession(handler.cookie.split('=')[1]!, { ip: null, userAgent: null, requestId: null }))!.actor, '2026-11-20');
  const mine = todos.items.filter((i) => i.kind === 'request_deadline');
  assert.equal(mine.length, 2);
  assert.equal(mine[0]!.urgent, true, 'overdue first');

  // Staff with a contact are told through the outbox: handlers of the case's organisation for near and overdue, the
  // openness office only for overdue, nobody of another organisation; no applicant data in the text.
  const withContact = async (orgId: string, role: string, contact: { email?: string; phone?: string }) => {
    const u = await buildUser(s.services, orgId, [{ role, orgId }]);
    await s.services.users.update(systemActor(), u.id, contact);
  };
  await withContact(dept.id, 'case_handler', { email: 'handler@yichang.gov.cn' });
  await withContact(dept.id, 'office_admin', { phone: '13900002222' });
  await withContact(s.other.id, 'case_handler', { email: 'other@yichang.gov.cn' });
  assert.equal(await s.services.requests.recordDueNotifications('2026-11-20'), 2);
  await s.services.notifier.deliverDue();
  const sent = s.gateway.sent.filter((m) => m.body.includes('依申请公开案件'));
  assert.deepEqual(sent.map((m) => `${m.to} ${m.body.includes('已超过') ? 'overdue' : 'near'}`).sort(), [
    '13900002222 overdue',
    'handler@yichang.gov.cn near',
    'handler@yichang.gov.cn overdue',
  ]);
  assert.ok(sent.some((m) => m.body.includes('2026-11-13')), 'the due date is in the text');
  for (const m of sent) for (const secret of ['李四', '13800001111', 'zhangsan@example.com']) assert.ok(!m.body.includes(secret));
  assert.equal(await s.services.requests.recordDueNotifications('2026-11-20'), 0, 'once per case, kind and day');
  assert.equal(await s.services.requests.recordDueNotifications('2026-11-23'), 2, 'the next working day again: 甲 overdue, 乙 due today (near); 丙 is not near');
});

test('answer letter: staff by id, applicant by code, through the letters renderer', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, legal } = s;
  s.setToday('2026-11-02');
  const f = await multipart(applicantFields(dept.id), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  const receipt = (await app.inject({ method: 'POST', url: '/api/v1/requests', ...f })).json() as { trackingNo: string; code: string };
  const id = ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] }).items[0]!.id;
  s.setToday('2026-11-04');
  const ev = (body: Record<string, unknown>, h = handler) => app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: h, payload: body });
  assert.equal((await app.inject({ url: `/api/v1/requests/${id}/letter.docx`, headers: handler })).statusCode, 409, 'not answered yet');
  assert.equal((await ev({ type: 'accepted', occurredOn: '2026-11-02' })).statusCode, 200);
  assert.equal((await ev({ type: 'legal_review_requested', occurredOn: '2026-11-03', outcome: 'unable.no_info' })).statusCode, 200);
  assert.equal((await ev({ type: 'legal_review_passed', occurredOn: '2026-11-03' }, legal)).statusCode, 200);
  assert.equal((await ev({ type: 'answered', occurredOn: '2026-11-04', outcome: 'unable.no_info', text: '经检索，本机关未制作或获取该信息。', basis: '另见某规定' })).statusCode, 200);

  // The container wires the DOCX renderer (letters/; its content is tested in request-letters.test.ts).
  const real = await app.inject({ url: `/api/v1/requests/${id}/letter.docx`, headers: handler });
  assert.equal(real.statusCode, 200);
  assert.equal(real.rawPayload.subarray(0, 2).toString(), 'PK');

  const seen: unknown[] = [];
  s.services.requests.setLetterRenderer(async (orgId, data) => {
    seen.push({ orgId, ...data });
    return Buffer.from('PK fake docx');
  });
  const staff = await app.inject({ url: `/api/v1/requests/${id}/letter.docx`, headers: handler });
  assert.equal(staff.statusCode, 200);
  assert.match(String(staff.headers['content-type']), /wordprocessingml/);
  const mine = await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}/letter.docx?code=${receipt.code}` });
  assert.equal(mine.statusCode, 200);
  assert.equal((await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}/letter.docx?code=WRONGCODE2` })).statusCode, 404);
  const data = seen[0] as Record<string, unknown>;
  assert.equal(data.orgId, dept.id);
  assert.equal(data.outcomeName, '本机关不掌握相关政府信息');
  assert.match(String(data.legalBasis), /第三十六条.*另见某规定/);
  assert.equal(data.applicantName, '张三');
  assert.equal(data.trackingNo, receipt.trackingNo);
});

test('an organisation applicant: legal representative and purpose are fields for case staff, not in the tracking view', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler } = s;
  s.setToday('2026-11-20');
  const fields = applicantFields(dept.id, { applicantKind: 'commercial', name: '宜昌某某商贸有限公司', idNumber: uscc(), contactPerson: '王经理', legalRepresentative: '赵六', purpose: '用于企业经营决策' });
  const tooLong = await app.inject({ method: 'POST', url: '/api/v1/requests', ...(await multipart({ ...fields, purpose: '用'.repeat(501) }, { identityProof: { name: 'id.pdf', bytes: proofPdf() } })) });
  assert.equal(tooLong.statusCode, 400);
  assert.deepEqual(tooLong.json().error.fields.map((f: { path: string }) => f.path), ['information.purpose']);
  const posted = await app.inject({ method: 'POST', url: '/api/v1/requests', ...(await multipart(fields, { identityProof: { name: 'id.pdf', bytes: proofPdf() } })) });
  assert.equal(posted.statusCode, 201, posted.body);
  const receipt = posted.json() as { trackingNo: string; code: string };
  const id = ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] }).items[0]!.id;
  const detail = (await app.inject({ url: `/api/v1/requests/${id}`, headers: handler })).json() as { applicant: { legalRepresentative?: string }; information: { purpose?: string; description?: string } };
  assert.equal(detail.applicant.legalRepresentative, '赵六');
  assert.equal(detail.information.purpose, '用于企业经营决策');
  assert.equal(detail.information.description, undefined, 'not folded into the description');
  const view = await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}` });
  assert.equal(view.statusCode, 200);
  assert.ok(!view.body.includes('赵六') && !view.body.includes('用于企业经营决策'));
});
