import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { buildUser, orgByName, signedInStaff } from '../support/factories.ts';

type Ctx = Awaited<ReturnType<typeof setup>>;

async function setup(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, env);
  const staff = await signedInStaff(ctx, '宜昌市人力资源和社会保障局');
  const { app } = ctx;
  const res = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: staff.editor, payload: { organisationId: staff.dept.id, title: '宜昌市创业担保贷款贴息实施办法', bodyHtml: '<p>符合条件的创业者可申请创业担保贷款贴息。</p>' } });
  assert.equal(res.statusCode, 201, res.body);
  const policy = res.json();
  for (const [h, action] of [[staff.editor, 'submit'], [staff.reviewer, 'approve'], [staff.reviewer, 'publish']] as const) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/documents/${policy.id}/actions`, headers: h, payload: { action } });
    assert.equal(r.statusCode, 200, r.body);
  }
  await ctx.services.outbox.idle();
  return { ...ctx, ...staff, policy };
}

const ask = (ctx: TestApp, payload: object) => ctx.app.inject({ method: 'POST', url: '/api/v1/qa/questions', payload });
const act = (ctx: Ctx, headers: Record<string, string>, id: string, payload: object) => ctx.app.inject({ method: 'POST', url: `/api/v1/qa/manage/${id}/actions`, headers, payload });

test('a question on a policy goes to its issuing department, is answered, published under the policy, found by search, and the asker is notified', async (t) => {
  const ctx = await setup(t);
  const { app, services, policy, dept, editor, reviewer, office } = ctx;
  services.qa.setToday(() => '2026-03-02');
  const res = await ask(ctx, { documentId: policy.id, title: '贴息期限问题', question: '请问<script>alert(1)</script>创业担保贷款贴息最长几年？', name: '张三', phone: '13900001234', email: 'zhang@example.com' });
  assert.equal(res.statusCode, 201, res.body);
  const receipt = res.json();
  assert.equal(receipt.orgName, '宜昌市人力资源和社会保障局');
  assert.equal(receipt.dueOn, '2026-03-09', '5 working days after Monday 2 March');

  // Before moderation and publication nothing is public: not the API, not search, not the portal.
  assert.equal((await app.inject({ url: '/api/v1/qa' })).json().total, 0);
  assert.equal((await app.inject({ url: `/api/v1/qa/${receipt.id}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/qa/${receipt.id}` })).statusCode, 404);
  await services.outbox.idle();
  assert.equal((await app.inject({ url: `/api/v1/search?q=${encodeURIComponent('贴息最长')}` })).json().items.filter((i: { kind: string }) => i.kind === 'qa').length, 0);

  // Staff see it, sanitised, with the asker's contact; the department's editor is on the to-do list.
  const detail = (await app.inject({ url: `/api/v1/qa/manage/${receipt.id}`, headers: editor })).json();
  assert.equal(detail.state, 'pending');
  assert.equal(detail.question, '请问创业担保贷款贴息最长几年？');
  assert.equal(detail.asker.phone, '13900001234');
  assert.deepEqual(detail.documents.map((d: { id: string }) => d.id), [policy.id]);
  assert.deepEqual(detail.actions, [], 'an editor cannot moderate');
  services.qa.setToday(() => '2026-03-08');
  const todo = (await app.inject({ url: '/api/v1/todo', headers: office })).json();
  assert.ok(todo.items.some((i: { kind: string; id: string }) => i.kind === 'qa_deadline' && i.id === receipt.id));

  // Answering before moderation is refused with a reason.
  const early = await act(ctx, editor, receipt.id, { type: 'answer', answer: '最长 3 年。', publish: true });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /待审核/);

  assert.equal((await act(ctx, office, receipt.id, { type: 'accept' })).json().state, 'assigned');
  const answered = await act(ctx, editor, receipt.id, { type: 'answer', answer: '贴息期限最长 3 年，具体见办法第五条。', publish: true });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.equal(answered.json().state, 'in_review');
  await services.notifier.deliverDue();
  assert.match(ctx.gateway.lastTo('13900001234') ?? '', /贴息期限最长 3 年/);
  assert.match(ctx.gateway.lastTo('zhang@example.com') ?? '', /宜昌市人力资源和社会保障局答复/);
  assert.equal((await app.inject({ url: '/api/v1/qa' })).json().total, 0, 'not public before review');

  const published = await act(ctx, reviewer, receipt.id, { type: 'publish' });
  assert.equal(published.json().state, 'published', published.body);
  await services.outbox.idle();

  const list = await app.inject({ url: `/api/v1/qa?document=${policy.id}` });
  assert.equal(list.json().total, 1);
  const body = list.body;
  for (const secret of ['13900001234', 'zhang@example.com', '张三', 'script']) assert.ok(!body.includes(secret), `public API leaks ${secret}`);
  const page = await app.inject({ url: `/documents/${policy.slug}` });
  assert.match(page.body, /相关问答/);
  assert.match(page.body, /贴息期限问题/);
  const qaPage = await app.inject({ url: `/qa/${receipt.id}` });
  assert.equal(qaPage.statusCode, 200);
  assert.match(qaPage.body, /贴息期限最长 3 年/);
  assert.ok(!qaPage.body.includes('13900001234') && !qaPage.body.includes('张三'));

  const search = (await app.inject({ url: `/api/v1/search?q=${encodeURIComponent('贴息期限')}` })).json();
  assert.ok(search.items.some((i: { kind: string; url: string }) => i.kind === 'qa' && i.url === `/qa/${receipt.id}`));
  assert.ok(search.facets.kind.some((f: { value: string }) => f.value === 'qa'));
  const onlyQa = (await app.inject({ url: `/api/v1/search?q=${encodeURIComponent('贴息')}&kind=qa` })).json();
  assert.ok(onlyQa.items.length >= 1 && onlyQa.items.every((i: { kind: string }) => i.kind === 'qa'));
  const portalSearch = await app.inject({ url: `/search?q=${encodeURIComponent('贴息期限')}` });
  assert.match(portalSearch.body, /问答/);

  // Unpublished: gone from the API, the policy page and the search index.
  assert.equal((await act(ctx, reviewer, receipt.id, { type: 'unpublish' })).statusCode, 409, 'a reason is required');
  assert.equal((await act(ctx, reviewer, receipt.id, { type: 'unpublish', reason: '政策已修订' })).json().state, 'withdrawn');
  await services.outbox.idle();
  assert.equal((await app.inject({ url: `/api/v1/qa/${receipt.id}` })).statusCode, 404);
  assert.ok(!(await app.inject({ url: `/documents/${policy.slug}` })).body.includes('贴息期限问题'));
  assert.ok(!(await app.inject({ url: `/api/v1/search?q=${encodeURIComponent('贴息期限')}` })).json().items.some((i: { kind: string }) => i.kind === 'qa'));

  // Every step is audited, without the asker's contact.
  const audit = await services.database.db.selectFrom('aud_log').select(['action', 'after']).where('entity_id', '=', receipt.id).orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['qa.ask', 'qa.accept', 'qa.answer', 'qa.publish', 'qa.unpublish']);
  assert.ok(!JSON.stringify(audit).includes('13900001234'));
  void dept;
});

test('bad input: duplicates, oversized text, bad contacts and unknown targets get clear Chinese errors and save nothing', async (t) => {
  const ctx = await setup(t);
  const { app, services, policy } = ctx;
  const first = await ask(ctx, { documentId: policy.id, question: '申请贴息需要哪些材料？' });
  assert.equal(first.statusCode, 201);
  const dup = await ask(ctx, { documentId: policy.id, question: '申请贴息，需要哪些材料' });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.json().error.message, /请勿重复提交/);

  const long = await ask(ctx, { documentId: policy.id, question: '问'.repeat(2001) });
  assert.equal(long.statusCode, 400);
  assert.match(long.json().error.fields[0].message, /不能超过 2000 字/);
  const huge = await ask(ctx, { documentId: policy.id, question: '问'.repeat(20_000) });
  assert.equal(huge.statusCode, 400);
  const empty = await ask(ctx, { documentId: policy.id, question: '<b> </b>' });
  assert.match(empty.json().error.fields[0].message, /请填写您的问题/);
  const contact = await ask(ctx, { documentId: policy.id, question: '另一个问题', phone: '123', email: 'x@' });
  assert.deepEqual(contact.json().error.fields.map((f: { path: string }) => f.path).sort(), ['email', 'phone']);
  const nowhere = await ask(ctx, { question: '没有部门的问题' });
  assert.match(nowhere.json().error.fields[0].message, /请选择要咨询的部门/);
  const draftDoc = await ask(ctx, { documentId: '019300000000700080000000000000aa', question: '未公开文件' });
  assert.match(draftDoc.json().error.fields[0].message, /不存在或未公开/);
  const extra = await ask(ctx, { documentId: policy.id, question: '多余字段', state: 'published' });
  assert.equal(extra.statusCode, 400);
  const n = await services.database.db.selectFrom('qa_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 1, 'only the first question was saved');
  assert.equal((await app.inject({ url: '/api/v1/qa' })).json().total, 0);
});

test('public question forms are rate-limited', async (t) => {
  const ctx = await setup(t, { GONGKAI_FORM_RATE_LIMIT: '2' });
  const codes = [];
  for (let i = 0; i < 3; i += 1) codes.push((await ask(ctx, { documentId: ctx.policy.id, question: `第 ${i} 个不同的问题：贴息${'甲乙丙'[i]}` })).statusCode);
  assert.deepEqual(codes, [201, 201, 429]);
});

test('staff knowledge-base entries need review; other departments and anonymous callers see nothing of the queue', async (t) => {
  const ctx = await setup(t);
  const { app, policy, dept, editor, reviewer } = ctx;
  const created = await app.inject({ method: 'POST', url: '/api/v1/qa/manage', headers: editor, payload: { orgId: dept.id, title: '谁可以申请创业担保贷款？', question: '哪些人可以申请？', answer: '城镇登记失业人员等。', audience: 'citizen', documentIds: [policy.id] } });
  assert.equal(created.statusCode, 201, created.body);
  const entry = created.json();
  assert.equal(entry.state, 'draft');
  assert.equal((await act(ctx, editor, entry.id, { type: 'publish' })).statusCode, 409, 'an editor cannot publish');
  assert.equal((await act(ctx, editor, entry.id, { type: 'submit' })).json().state, 'in_review');
  const returned = await act(ctx, reviewer, entry.id, { type: 'return', reason: '请补充依据' });
  assert.equal(returned.json().state, 'draft');
  assert.equal(returned.json().internalNote, '请补充依据');
  const edited = await app.inject({ method: 'PATCH', url: `/api/v1/qa/manage/${entry.id}`, headers: editor, payload: { answer: '城镇登记失业人员、就业困难人员等（依据办法第三条）。' } });
  assert.equal(edited.statusCode, 200, edited.body);
  await act(ctx, editor, entry.id, { type: 'submit' });
  assert.equal((await act(ctx, reviewer, entry.id, { type: 'publish' })).json().state, 'published');
  const pub = (await app.inject({ url: '/api/v1/qa?audience=citizen' })).json();
  assert.equal(pub.total, 1);
  assert.ok(!('internalNote' in pub.items[0]), 'internal notes stay internal');
  assert.ok(!JSON.stringify(pub).includes('请补充依据'));

  const other = await orgByName(ctx.services, '宜昌市财政局');
  const stranger = await buildUser(ctx.services, other.id, [{ role: 'office_admin', orgId: other.id }]);
  const h = await ctx.login(stranger.username, stranger.password);
  assert.equal((await app.inject({ url: `/api/v1/qa/manage/${entry.id}`, headers: h })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/qa/manage', headers: h })).json().total, 0);
  assert.equal((await act(ctx, h, entry.id, { type: 'unpublish', reason: 'x' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/qa/manage' })).statusCode, 401);
});

test('the portal question form works without JavaScript: errors shown in Chinese, a receipt without the question being public', async (t) => {
  const ctx = await setup(t);
  const { app, policy } = ctx;
  const form = await app.inject({ url: `/qa/ask?document=${policy.id}` });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /宜昌市创业担保贷款贴息实施办法/);
  const post = (fields: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/qa/ask', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
  const bad = await post({ documentId: policy.id, question: '', phone: '12' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请填写您的问题/);
  assert.match(bad.body, /手机号码格式不正确/);
  const ok = await post({ documentId: policy.id, question: '<img src=x onerror=alert(1)>个体工商户能否申请？', phone: '13900005678' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.match(ok.body, /宜昌市人力资源和社会保障局/);
  assert.ok(!ok.body.includes('onerror'));
  const again = await post({ documentId: policy.id, question: '个体工商户能否申请' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /请勿重复提交/);
  assert.ok(!(await app.inject({ url: '/qa' })).body.includes('个体工商户'));

  // A signed-in member of staff gets the CSRF token in the form, so the form works for them too.
  const staffForm = await app.inject({ url: `/qa/ask?document=${policy.id}`, headers: { cookie: ctx.editor.cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(staffForm.body)?.[1];
  assert.equal(token, ctx.editor['x-csrf-token']);
  const staffPost = await app.inject({
    method: 'POST', url: '/qa/ask', headers: { cookie: ctx.editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token!, documentId: policy.id, question: '工作人员代为登记的问题' }).toString(),
  });
  assert.equal(staffPost.statusCode, 201);
});
