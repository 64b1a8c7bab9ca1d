import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicantFields, multipart, proofPdf, setupRequests } from './requests.support.ts';

type Detail = {
  id: string;
  state: string;
  answerDue: { date: string } | null;
  deadlines: { answerDue: { date: string } | null; correctionDue?: { date: string } | null; consultationDue?: { date: string } | null; pausedWorkingDays: number; extensionDays: number; steps: { label: string }[] };
  applicant: { name: string; idNumber: string; proofs: { url: string }[] };
  actions: { type: string; allowed: boolean; reason?: string }[];
  releasedFiles: { id: string; redacted: boolean }[];
  similar: { trackingNo: string }[];
  events: { type: string; actorName: string | null }[];
};

test('the whole case at the API level, due date asserted against hand-computed dates at every step', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, legal, office } = s;

  // 2026-09-28 (Mon): online application. 20 working days across 国庆 (1–7 Oct off, 10 Oct worked) → 2026-10-30.
  s.setToday('2026-09-28');
  const form = await multipart(applicantFields(dept.id), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  const applied = await app.inject({ method: 'POST', url: '/api/v1/requests', ...form });
  assert.equal(applied.statusCode, 201, applied.body);
  const receipt = applied.json() as { trackingNo: string; code: string; receivedOn: string; answerDue: { date: string } };
  assert.match(receipt.trackingNo, /^YS-2026-\d{6}$/);
  assert.match(receipt.code, /^[A-HJ-NP-Z2-9]{10}$/);
  assert.equal(receipt.receivedOn, '2026-09-28');
  assert.equal(receipt.answerDue.date, '2026-10-30');
  const trackUrl = `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}`;

  const list = (await app.inject({ url: `/api/v1/requests?q=${encodeURIComponent('老旧小区')}`, headers: handler })).json() as { items: { id: string }[]; total: number };
  assert.equal(list.total, 1);
  const id = list.items[0]!.id;
  const event = async (headers: Record<string, string>, body: Record<string, unknown>, status = 200) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers, payload: body });
    assert.equal(res.statusCode, status, res.body);
    return res.json() as Detail;
  };

  // 2026-09-29: one-time correction notice; the clock stops.
  s.setToday('2026-09-29');
  let d = await event(handler, { type: 'correction_requested', occurredOn: '2026-09-29', what: '请写明所需信息的年份与区域', dueOn: '2026-10-20' });
  assert.equal(d.state, 'correction_requested');
  assert.equal(d.deadlines.answerDue, null);
  assert.equal(d.deadlines.correctionDue?.date, '2026-10-20');
  const view = (await app.inject({ url: trackUrl })).json() as { state: string; correction?: { what: string; dueOn: string } };
  assert.deepEqual(view.correction, { what: '请写明所需信息的年份与区域', dueOn: '2026-10-20' });

  // 2026-10-09 (Fri): the applicant corrects online; the 20 days restart: 10 Oct (Sat, worked) … → 2026-11-05.
  s.setToday('2026-10-09');
  const corr = await multipart({ text: '2026 年西陵区老旧小区改造项目清单' });
  const corrected = await app.inject({ method: 'POST', url: `/api/v1/requests/${receipt.trackingNo}/correction?code=${receipt.code}`, ...corr });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.equal((corrected.json() as { answerDue: { date: string } }).answerDue.date, '2026-11-05');
  d = await event(handler, { type: 'accepted', occurredOn: '2026-10-09' });
  assert.equal(d.state, 'in_progress');
  assert.equal(d.events.find((e) => e.type === 'registered')?.actorName, '申请人（网上）', 'an online application is registered by the applicant, not an anonymous visitor');
  assert.equal(d.answerDue?.date, '2026-11-05');

  // 2026-10-12 (Mon): third-party consultation; the third party has 15 working days → 2026-11-02.
  s.setToday('2026-10-12');
  d = await event(handler, { type: 'consultation_started', occurredOn: '2026-10-12', kind: 'third_party', party: '某物业公司' });
  assert.equal(d.state, 'consulting');
  assert.equal(d.deadlines.consultationDue?.date, '2026-11-02');
  // 2026-10-19: answered; 13–16 and 19 Oct (5 working days) are not counted → 2026-11-12.
  s.setToday('2026-10-19');
  d = await event(handler, { type: 'consultation_answered', occurredOn: '2026-10-19', opinion: '涉及本公司经营信息的部分不同意公开' });
  assert.equal(d.deadlines.pausedWorkingDays, 5);
  assert.equal(d.answerDue?.date, '2026-11-12');

  // 2026-10-20: the handler cannot approve an extension; the openness-office head can (+15 → 2026-12-03), once.
  s.setToday('2026-10-20');
  assert.equal(d.actions.find((a) => a.type === 'extension_approved')?.allowed, false);
  const refusedExt = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: { type: 'extension_approved', occurredOn: '2026-10-20', days: 15, reason: '需征求第三方意见' } });
  assert.equal(refusedExt.statusCode, 409);
  assert.match(refusedExt.json().error.message, /政务公开办负责人/);
  d = await event(office, { type: 'extension_approved', occurredOn: '2026-10-20', days: 15, reason: '需征求第三方意见，材料较多' });
  assert.equal(d.deadlines.extensionDays, 15);
  assert.equal(d.answerDue?.date, '2026-12-03');
  const twice = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: office, payload: { type: 'extension_approved', occurredOn: '2026-10-20', days: 5, reason: '再延' } });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.json().error.message, /只能一次/);

  // The released information, redacted.
  s.setToday('2026-10-21');
  const up = await multipart({ redacted: '1' }, { file: { name: '项目清单（已脱敏）.pdf', bytes: proofPdf() } });
  const released = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/released`, headers: { ...handler, ...up.headers }, payload: up.payload });
  assert.equal(released.statusCode, 201, released.body);
  assert.equal((released.json() as Detail).releasedFiles[0]?.redacted, true);

  // A partial refusal needs legal review first.
  const early = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: { type: 'answered', occurredOn: '2026-10-21', outcome: 'partial', text: '部分公开' } });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /法律审核/);
  d = await event(handler, { type: 'legal_review_requested', occurredOn: '2026-10-21', outcome: 'partial', text: '拟部分公开' });
  assert.equal(d.state, 'legal_review');
  assert.equal(d.answerDue?.date, '2026-12-03', 'legal review does not stop the clock');
  s.setToday('2026-10-22');
  const byHandler = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: { type: 'legal_review_passed', occurredOn: '2026-10-22' } });
  assert.equal(byHandler.statusCode, 409, 'only the legal counsel passes a legal review');
  d = await event(legal, { type: 'legal_review_passed', occurredOn: '2026-10-22', opinion: '同意' });
  assert.equal(d.state, 'in_progress');

  // 2026-10-23: answered (部分公开), once.
  s.setToday('2026-10-23');
  d = await event(handler, { type: 'answered', occurredOn: '2026-10-23', outcome: 'partial', text: '经审查，项目清单予以公开，其中涉及第三方商业秘密的部分不予公开。' });
  assert.equal(d.state, 'answered');
  assert.equal(d.answerDue, null);
  const second = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: { type: 'answered', occurredOn: '2026-10-23', outcome: 'granted', text: '再答复' } });
  assert.equal(second.statusCode, 409);

  // The applicant reads the answer with the code: status, deadline and answer, nothing else.
  const tracked = await app.inject({ url: trackUrl });
  assert.equal(tracked.statusCode, 200);
  const answer = tracked.json() as { state: string; answer: { outcome: string; outcomeName: string; answeredOn: string; text: string; letterUrl: string; releasedFiles: { name: string; url: string }[] } };
  assert.equal(answer.state, 'answered');
  assert.equal(answer.answer.outcome, 'partial');
  assert.equal(answer.answer.outcomeName, '部分公开');
  assert.equal(answer.answer.answeredOn, '2026-10-23');
  assert.equal(answer.answer.releasedFiles.length, 1);
  const file = await app.inject({ url: answer.answer.releasedFiles[0]!.url });
  assert.equal(file.statusCode, 200);
  assert.equal(file.rawPayload.subarray(0, 4).toString(), '%PDF');
  assert.ok(answer.answer.letterUrl.endsWith(`code=${receipt.code}`));
  for (const secret of ['张三', '13912345678', 'zhangsan@example.com', applicantFields(dept.id).idNumber]) assert.ok(!tracked.body.includes(secret), `the tracking view leaks ${secret}`);

  // The statistics columns: outcome and date fixed on the answer.
  const row = await s.services.database.db.selectFrom('req_case').select(['outcome', 'concluded_on', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { outcome: 'partial', concluded_on: '2026-10-23', state: 'answered' });

  // Deliver, convert to proactive disclosure (Art. 44), archive.
  d = await event(handler, { type: 'delivered', occurredOn: '2026-10-23', method: '网上查看' });
  const converted = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/convert`, headers: handler });
  assert.equal(converted.statusCode, 201, converted.body);
  const docId = (converted.json() as { documentId: string }).documentId;
  const doc = await app.inject({ url: `/api/v1/documents/${docId}`, headers: s.admin });
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.json().edition.state, 'draft');
  assert.equal(doc.json().edition.title, '2026 年城区老旧小区改造项目清单');
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/convert`, headers: handler })).statusCode, 409);
  d = await event(handler, { type: 'archived', occurredOn: '2026-10-23' });
  assert.equal(d.state, 'archived');
});

test('offline registration follows Art. 31; similar requests are grouped; remedies recorded', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler } = s;
  s.setToday('2026-11-20');
  const off = await multipart({ ...applicantFields(dept.id, { applicantKind: 'legal_service', name: '某律师事务所', idNumber: '91420500MA4F00001' + 'X', contactPerson: '李律师', docNumber: '宜市住建〔2026〕12 号' }), channel: 'post_signed', appliedOn: '2026-11-10', receivedOn: '2026-11-12' }, { identityProof: { name: '执业许可证.pdf', bytes: proofPdf() } });
  const bad = await app.inject({ method: 'POST', url: '/api/v1/requests/offline', headers: { ...handler, ...off.headers }, payload: off.payload });
  assert.equal(bad.statusCode, 400, 'a made-up USCC is refused');
  assert.ok(bad.json().error.fields.some((f: { path: string }) => f.path === 'applicant.idNumber'));

  const { uscc } = await import('./requests.support.ts');
  const good = await multipart({ ...applicantFields(dept.id, { applicantKind: 'legal_service', name: '某律师事务所', idNumber: uscc(), contactPerson: '李律师', docNumber: '宜市住建（2026）12 号' }), channel: 'post_signed', appliedOn: '2026-11-10', receivedOn: '2026-11-12' }, { identityProof: { name: '执业许可证.pdf', bytes: proofPdf() } });
  const created = await app.inject({ method: 'POST', url: '/api/v1/requests/offline', headers: { ...handler, ...good.headers }, payload: good.payload });
  assert.equal(created.statusCode, 201, created.body);
  const first = created.json() as Detail & { receivedOn: string; code: string; channel: string };
  assert.equal(first.receivedOn, '2026-11-12', 'post requiring signature: the day signed for');
  assert.equal(first.channel, 'post_signed');
  assert.match(first.deadlines.steps[0]!.label, /收到申请 2026-11-12/);

  // A second applicant online asks for the same 文号 (written with other brackets and spaces): grouped.
  const online = await multipart(applicantFields(dept.id, { docNumber: '宜市住建〔2026〕12号' }), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/requests', ...online })).statusCode, 201);
  const detail = (await app.inject({ url: `/api/v1/requests/${first.id}`, headers: handler })).json() as Detail;
  assert.equal(detail.similar.length, 1);
  const groups = (await app.inject({ url: '/api/v1/requests/groups', headers: handler })).json() as { items: { count: number; reason: string }[] };
  assert.equal(groups.items.length, 1);
  assert.equal(groups.items[0]!.count, 2);
  assert.equal(groups.items[0]!.reason, '文号相同');

  // Remedies: reconsideration pending, then decided.
  const r = await app.inject({ method: 'POST', url: `/api/v1/requests/${first.id}/remedies`, headers: handler, payload: { kind: 'reconsideration', filedOn: '2026-11-18', result: 'pending' } });
  assert.equal(r.statusCode, 201, r.body);
  const rid = r.json().id as string;
  const noDate = await app.inject({ method: 'PATCH', url: `/api/v1/requests/${first.id}/remedies/${rid}`, headers: handler, payload: { result: 'upheld' } });
  assert.equal(noDate.statusCode, 400, 'a decided remedy needs its decision date');
  const decided = await app.inject({ method: 'PATCH', url: `/api/v1/requests/${first.id}/remedies/${rid}`, headers: handler, payload: { result: 'upheld', decidedOn: '2026-11-19' } });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(decided.json().result, 'upheld');
  const before = await app.inject({ method: 'POST', url: `/api/v1/requests/${first.id}/remedies`, headers: handler, payload: { kind: 'litigation_direct', filedOn: '2026-11-01', result: 'pending' } });
  assert.equal(before.statusCode, 400, 'filed before the application was received');
  const facts = await s.services.requests.remedyFacts([dept.id]);
  assert.deepEqual(facts.map((f) => [f.kind, f.result, f.decidedOn]), [['reconsideration', 'upheld', '2026-11-19']]);

  // Fee quote: one way only.
  const both = await app.inject({ url: `/api/v1/requests/fees/quote?pages=40&requestCount=2`, headers: handler });
  assert.equal(both.statusCode, 400);
  const quote = await app.inject({ url: `/api/v1/requests/fees/quote?pages=40`, headers: handler });
  assert.equal(quote.json().amountFen, 10_000);
});

test('transfer: the receiving organisation opens its own case on its receipt date; withdrawal by the applicant', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, other, handler, otherHandler } = s;
  s.setToday('2026-11-02');
  const form = await multipart(applicantFields(dept.id), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  const receipt = (await app.inject({ method: 'POST', url: '/api/v1/requests', ...form })).json() as { trackingNo: string; code: string };
  const id = ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] }).items[0]!.id;
  s.setToday('2026-11-05');
  const moved = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: { type: 'transferred', occurredOn: '2026-11-04', toOrgId: other.id, receivedOn: '2026-11-05', reason: '该信息由财政局制作' } });
  assert.equal(moved.statusCode, 200, moved.body);
  const from = moved.json() as Detail & { transferredTo: { caseId: string } | null };
  assert.equal(from.state, 'transferred');
  const row = await s.services.database.db.selectFrom('req_case').select(['outcome', 'concluded_on']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { outcome: 'other.other', concluded_on: '2026-11-04' });
  const toId = from.transferredTo!.caseId;
  const there = (await app.inject({ url: `/api/v1/requests/${toId}`, headers: otherHandler })).json() as Detail & { receivedOn: string; trackingNo: string };
  assert.equal(there.receivedOn, '2026-11-05');
  assert.equal(there.state, 'registered');
  assert.equal(there.applicant.name, '张三');
  assert.equal(there.applicant.proofs.length, 1);
  // The applicant follows both with the same code; withdraws at the receiving organisation.
  const old = (await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}` })).json() as { transferredTo: { trackingNo: string } };
  assert.equal(old.transferredTo.trackingNo, there.trackingNo);
  const w = await app.inject({ method: 'POST', url: `/api/v1/requests/${there.trackingNo}/withdraw?code=${receipt.code}`, payload: { reason: '不再需要' } });
  assert.equal(w.statusCode, 200, w.body);
  assert.equal(w.json().state, 'withdrawn');
  const again = await app.inject({ method: 'POST', url: `/api/v1/requests/${there.trackingNo}/withdraw?code=${receipt.code}`, payload: {} });
  assert.equal(again.statusCode, 409);
});

test('an administrator’s calendar override moves an open case’s due date at once', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, admin } = s;
  // 2026-11-02 (Mon) + 20 working days = 2026-11-30 (Mon) on the official schedule.
  s.setToday('2026-11-02');
  const form = await multipart(applicantFields(dept.id), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  const receipt = (await app.inject({ method: 'POST', url: '/api/v1/requests', ...form })).json() as { trackingNo: string; code: string; answerDue: { date: string } };
  assert.equal(receipt.answerDue.date, '2026-11-30');
  // A local holiday on 2026-11-10 (Tue) pushes the 20th working day to 2026-12-01.
  const put = await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-11-10', headers: admin, payload: { kind: 'holiday', sourceTitle: '测试：地方性放假通知' } });
  assert.equal(put.statusCode, 200, put.body);
  const view = (await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}?code=${receipt.code}` })).json() as { answerDue: { date: string } };
  assert.equal(view.answerDue.date, '2026-12-01');
  const list = (await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { answerDue: { date: string } | null }[] };
  assert.equal(list.items[0]!.answerDue?.date, '2026-12-01');
});
