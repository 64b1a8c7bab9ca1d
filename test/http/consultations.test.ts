import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, orgByName } from '../support/factories.ts';
import { codeFor, consultationBody, publishedConsultation, publishedDocument, setupConsultations } from './consultations.support.ts';

const PHONE = '13912345678';

test('done-when: a citizen comments on article 3, staff add a letter, the consultation closes, each comment is answered, the report is published and linked from the final document', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, editor, reviewer, setToday } = ctx;
  const id = await publishedConsultation(ctx);
  const pub = await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}` });
  assert.equal(pub.statusCode, 200);
  assert.equal(pub.json().phase, 'upcoming');
  assert.deepEqual(pub.json().articles.map((a: { label: string }) => a.label), ['第一条', '第二条', '第三条', '第四条', '第五条']);
  assert.deepEqual(pub.json().articles[2].paragraphs, ['新建居住区的绿地率不得低于百分之三十。', '改建居住区的绿地率不得低于百分之二十五。']);
  assert.deepEqual(pub.json().period, { length: 30, minimum: 30, unit: 'calendar' });

  setToday('2026-03-05');
  const code = await codeFor(ctx, id, PHONE);
  const citizen = await app.inject({
    method: 'POST', url: `/api/v1/consultations/${id}/comments`,
    payload: { anchor: '3', text: '建议将新建居住区绿地率提高到百分之三十五。<script>alert(1)</script>', name: '张三', channel: 'sms', address: PHONE, code },
  });
  assert.equal(citizen.statusCode, 201, citizen.body);
  assert.equal(citizen.json().status, 'pending');

  const letter = await app.inject({
    method: 'POST', url: `/api/v1/consultations/${id}/staff-comments`, headers: editor,
    payload: { anchor: '3.2', text: '来信建议：改建居住区绿地率可视情况降低。', channel: 'letter', receivedOn: '2026-03-20', name: '李四', phone: '13800000000' },
  });
  assert.equal(letter.statusCode, 201, letter.body);
  assert.equal(letter.json().commenter.name, '李四', 'the managing editor sees the sender');

  // Nothing is public before moderation.
  let view = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}` })).json();
  assert.equal(view.articles[2].commentCount, 0);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/comments` })).json().total, 0);

  const queue = (await app.inject({ method: 'GET', url: '/api/v1/consultations/moderation-queue', headers: reviewer })).json();
  assert.equal(queue.total, 2, 'both wait in the moderation queue');
  assert.ok(queue.items.every((c: { consultationTitle: string; commenter: unknown }) => c.consultationTitle.includes('绿化') && c.commenter === null));
  const all = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/all-comments`, headers: reviewer })).json();
  assert.equal(all.total, 2);
  assert.ok(all.items.every((c: { commenter: unknown }) => c.commenter === null), 'a moderator without consultation.manage sees no contact data');
  const citizenComment = all.items.find((c: { channel: string }) => c.channel === 'online');
  assert.equal(citizenComment.body, '建议将新建居住区绿地率提高到百分之三十五。', 'the script is gone');
  for (const c of all.items) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${c.id}/moderation`, headers: reviewer, payload: { approve: true } });
    assert.equal(r.statusCode, 200, r.body);
  }

  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/consultations/moderation-queue', headers: reviewer })).json().total, 0);
  view = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}` })).json();
  assert.equal(view.articles[2].commentCount, 2);
  const publicComments = await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/comments?anchor=3` });
  assert.equal(publicComments.json().total, 2);
  assert.doesNotMatch(publicComments.body, /张三|李四|13912345678|13800000000|decision/, 'no names, no phones, no answers before the report');

  // Answers only after closing.
  const early = await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${citizenComment.id}/decision`, headers: editor, payload: { decision: 'adopted', reason: '已采纳' } });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /征集截止后才能对意见作出采纳决定/);

  setToday('2026-04-01');
  const late = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload: { text: '截止后才提交的意见内容', channel: 'sms', address: PHONE, code: '123456' } });
  assert.equal(late.statusCode, 409);
  assert.match(late.json().error.message, /不在意见征集期内/);

  const todo = (await app.inject({ method: 'GET', url: '/api/v1/todo', headers: editor })).json();
  assert.ok(todo.items.some((i: { kind: string; id: string }) => i.kind === 'consultation_result' && i.id === id), 'a to-do reminds of the missing result');

  const undecided = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/result`, headers: editor, payload: { summary: '共收到意见 2 条，采纳 1 条，不予采纳 1 条。' } });
  assert.equal(undecided.statusCode, 409);
  assert.match(undecided.json().error.message, /还有 2 条意见未作出采纳决定/);

  const letterId = all.items.find((c: { channel: string }) => c.channel === 'letter').id;
  const noReason = await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${letterId}/decision`, headers: editor, payload: { decision: 'rejected', reason: '' } });
  assert.equal(noReason.statusCode, 400);
  for (const [cid, decision, reason] of [[citizenComment.id, 'adopted', '已将第三条绿地率调整为百分之三十五'], [letterId, 'rejected', '降低绿地率不符合上位法规定']]) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${cid}/decision`, headers: editor, payload: { decision, reason } });
    assert.equal(r.statusCode, 200, r.body);
  }
  assert.doesNotMatch((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/comments` })).body, /上位法/, 'answers stay internal until published together');

  const finalDoc = await publishedDocument(ctx, '宜昌市城市绿化管理办法');
  const result = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/result`, headers: editor, payload: { summary: '共收到意见 2 条，采纳 1 条，不予采纳 1 条，理由见下。', finalDocumentId: finalDoc } });
  assert.equal(result.statusCode, 200, result.body);
  assert.equal(result.json().phase, 'concluded');

  const report = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}` })).json().result;
  assert.deepEqual(report.counts, { adopted: 1, partly: 0, rejected: 1 });
  assert.equal(report.total, 2);
  assert.deepEqual(report.finalDocument, { id: finalDoc, title: '宜昌市城市绿化管理办法', url: `/documents/${finalDoc}` });
  assert.deepEqual(report.byArticle, [{ anchor: '3', label: '第三条', total: 2, adopted: 1, partly: 0, rejected: 1 }]);
  const answered = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/comments` })).json();
  assert.deepEqual(answered.items.map((c: { decisionName: string }) => c.decisionName).sort(), ['不予采纳', '采纳']);

  const todoAfter = (await app.inject({ method: 'GET', url: '/api/v1/todo', headers: editor })).json();
  assert.ok(!todoAfter.items.some((i: { id: string }) => i.id === id));

  const audit = await ctx.services.database.db.selectFrom('aud_log').select(['action', 'after']).where('entity_type', 'in', ['consultation', 'consultation_comment']).execute();
  for (const action of ['consultation.create', 'consultation.publish', 'consultation.comment.submit', 'consultation.comment.enter', 'consultation.comment.moderate', 'consultation.comment.decide', 'consultation.publish_result']) {
    assert.ok(audit.some((a) => a.action === action), `audited: ${action}`);
  }
  assert.ok(!audit.some((a) => /13912345678|张三/.test(a.after ?? '')), 'the audit trail keeps no commenter contact');
});

test('bad input: periods, articles, duplicates, verification, sizes, moderation reasons, closed consultations — clear errors, nothing half-saved', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, editor, reviewer, setToday, dept } = ctx;
  const tooShort = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id, { closesOn: '2026-03-20' }) });
  assert.equal(tooShort.statusCode, 400);
  assert.match(tooShort.json().error.fields[0].message, /规章草案征求意见期一般不少于 30 日（本次 19 日）/);
  const reasoned = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id, { closesOn: '2026-03-20', shortenedReason: '上位法修改，须在汛期前施行' }) });
  assert.equal(reasoned.statusCode, 201, reasoned.body);
  const noArticles = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id, { draftText: '只有一段话，没有条文。' }) });
  assert.equal(noArticles.statusCode, 400);
  assert.match(noArticles.body, /没有找到条文/);
  const skipped = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id, { draftText: '第一条　甲。\n第三条　乙。' }) });
  assert.match(skipped.body, /条文序号应为第二条/);
  // 7 working days for a normative document: 2026-03-02 (Mon) … 03-06 is only 5.
  const normative = await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id, { kind: 'normative', closesOn: '2026-03-06' }) });
  assert.match(normative.body, /7 个工作日（本次 5 个工作日）/);

  const id = await publishedConsultation(ctx);
  const draftOnly = (await app.inject({ method: 'POST', url: '/api/v1/consultations', headers: editor, payload: consultationBody(dept.id) })).json().id;
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${draftOnly}` })).statusCode, 404, 'drafts are not public');
  const upcoming = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload: { text: '征集开始前提交的意见', channel: 'sms', address: PHONE, code: '000000' } });
  assert.equal(upcoming.statusCode, 409);

  const backdated = await app.inject({ method: 'PUT', url: `/api/v1/consultations/${id}`, headers: editor, payload: { ...consultationBody(dept.id, { opensOn: '2026-03-01', closesOn: '2026-04-01' }), organisationId: undefined } });
  assert.equal(backdated.statusCode, 400, 'an announced consultation cannot be moved to have opened already');
  const moved = await app.inject({ method: 'PUT', url: `/api/v1/consultations/${id}`, headers: editor, payload: { ...consultationBody(dept.id, { opensOn: '2026-03-02', closesOn: '2026-04-01' }), organisationId: undefined } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().closesOn, '2026-04-01');
  setToday('2026-03-10');
  const edit = await app.inject({ method: 'PUT', url: `/api/v1/consultations/${id}`, headers: editor, payload: { ...consultationBody(dept.id), organisationId: undefined } });
  assert.equal(edit.statusCode, 409, 'the draft cannot change once comments may point at it');
  const count = async () => Number((await ctx.services.database.db.selectFrom('con_comment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);

  const code = await codeFor(ctx, id, PHONE);
  const comment = (over: object) => app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload: { text: '建议明确绿地率的计算方法。', channel: 'sms', address: PHONE, code, ...over } });
  const noArticle = await comment({ anchor: '9' });
  assert.equal(noArticle.statusCode, 400);
  assert.match(noArticle.json().error.fields[0].message, /草案中没有这一条款（9）/);
  assert.equal((await comment({ anchor: '3.3' })).statusCode, 400, 'article 3 has two paragraphs');
  const huge = await comment({ text: '长'.repeat(5001) });
  assert.equal(huge.statusCode, 400);
  assert.match(huge.json().error.fields[0].message, /不能超过 5000 个字符/);
  assert.equal((await comment({ text: '<b></b>' })).statusCode, 400, 'markup alone is no comment');
  const wrongCode = await comment({ code: code === '111111' ? '222222' : '111111' });
  assert.equal(wrongCode.statusCode, 400);
  assert.equal(wrongCode.json().error.code, 'COMMENT_VERIFICATION_FAILED');
  const noCode = await comment({ code: undefined, address: undefined });
  assert.equal(noCode.statusCode, 400);
  assert.equal(await count(), 0, 'nothing half-saved');
  assert.equal((await comment({ anchor: '3.1' })).statusCode, 201);
  const again = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload: { text: '建议 明确绿地率的计算方法！', channel: 'sms', address: PHONE, code: await codeForLater() } });
  async function codeForLater() {
    await ctx.services.database.db.deleteFrom('ntf_code').execute(); // skip the 60-second resend wait
    return codeFor(ctx, id, PHONE);
  }
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'COMMENT_DUPLICATE');
  assert.match(again.json().error.message, /请勿重复提交/);
  assert.equal(await count(), 1);

  const [pending] = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/all-comments`, headers: reviewer })).json().items;
  const noReason = await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${pending.id}/moderation`, headers: reviewer, payload: { approve: false } });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.json().error.fields[0].message, /不予公开须说明理由/);
  const lateLetter = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/staff-comments`, headers: editor, payload: { text: '逾期来信的意见内容', channel: 'letter', receivedOn: '2026-04-03' } });
  assert.equal(lateLetter.statusCode, 400);
  assert.match(lateLetter.body, /晚于征集截止日期/);
  const online = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/staff-comments`, headers: editor, payload: { text: '工作人员不能录入网上意见', channel: 'online', receivedOn: '2026-03-05' } });
  assert.equal(online.statusCode, 400);

  const withdraw = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/withdraw`, headers: editor, payload: { reason: '' } });
  assert.equal(withdraw.statusCode, 409);
  assert.match(withdraw.json().error.message, /撤回须说明理由/);
  const remove = await app.inject({ method: 'DELETE', url: `/api/v1/consultations/${id}`, headers: editor });
  assert.equal(remove.statusCode, 409, 'a published consultation is withdrawn, not deleted');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/consultations/${draftOnly}`, headers: editor })).statusCode, 204);
});

test('staff of another organisation cannot see or act; the public cannot reach staff endpoints', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, services, login, setToday } = ctx;
  const id = await publishedConsultation(ctx);
  setToday('2026-03-05');
  const other = await orgByName(services, '宜昌市财政局');
  const outsider = await buildUser(services, other.id, [{ role: 'office_admin', orgId: other.id }]);
  const headers = await login(outsider.username, outsider.password);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/full`, headers })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/all-comments`, headers })).statusCode, 404);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/staff-comments`, headers, payload: { text: '越权录入的意见内容', channel: 'letter', receivedOn: '2026-03-04' } })).statusCode, 404);
  const list = (await app.inject({ method: 'GET', url: '/api/v1/consultations/manage', headers })).json();
  assert.equal(list.total, 0);
  await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/staff-comments`, headers: ctx.editor, payload: { text: '本机构录入的来信意见', channel: 'letter', receivedOn: '2026-03-04' } });
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/consultations/moderation-queue', headers })).json().total, 0, 'another organisation’s queue is empty');
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/all-comments` })).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/consultations', payload: consultationBody(ctx.dept.id) })).statusCode, 401);
  // The city's openness office oversees the department.
  const city = await orgByName(services, '宜昌市');
  const office = await buildUser(services, city.id, [{ role: 'office_admin', orgId: city.id }]);
  const cityHeaders = await login(office.username, office.password);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/full`, headers: cityHeaders })).statusCode, 200);
});

test('public comment forms are rate-limited, and anonymous comments without verification when so configured', async (t) => {
  const ctx = await setupConsultations(t, { GONGKAI_FORM_RATE_LIMIT: '2', GONGKAI_CONSULTATION_VERIFY: 'none' });
  const { app, setToday } = ctx;
  const id = await publishedConsultation(ctx);
  setToday('2026-03-05');
  const post = (text: string) => app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/comments`, payload: { text } });
  assert.equal((await post('第一条匿名意见内容')).statusCode, 201);
  assert.equal((await post('第二条匿名意见内容')).statusCode, 201);
  const limited = await post('第三条匿名意见内容');
  assert.equal(limited.statusCode, 429);
  assert.match(limited.json().error.message, /请求过于频繁/);
});
