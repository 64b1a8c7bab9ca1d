import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

async function setup(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, env);
  const dept = await orgByName(ctx.services, '宜昌市市场监督管理局').catch(() => orgByName(ctx.services, '宜昌市财政局'));
  const handler = await buildUser(ctx.services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  return { ...ctx, dept, h: await ctx.login(handler.username, handler.password) };
}

test('an enterprise reports a problem; the department replies within the period; monthly statistics show counts without personal data', async (t) => {
  const { app, services, dept, h, gateway } = await setup(t);
  services.feedback.setToday(() => '2026-03-02');
  const cats = (await app.inject({ url: '/api/v1/feedback/categories' })).json().categories;
  assert.ok(cats.includes('审批许可'));
  const res = await app.inject({
    method: 'POST', url: '/api/v1/feedback',
    payload: { category: '审批许可', orgId: dept.id, description: '食品经营许可证<script>x()</script>办理超过承诺时限。', company: '宜昌某某食品有限公司', name: '李四', phone: '13800001111' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const receipt = res.json();
  assert.match(receipt.trackingNo, /^FK-20260302-/);
  assert.equal(receipt.dueOn, '2026-03-16', '10 working days after Monday 2 March');

  const dup = await app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { category: '审批许可', orgId: dept.id, description: '食品经营许可证办理超过承诺时限' } });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.json().error.message, /请勿重复提交/);

  const list = (await app.inject({ url: `/api/v1/feedback/manage?q=${receipt.trackingNo}`, headers: h })).json();
  assert.equal(list.total, 1);
  const item = list.items[0];
  assert.equal(item.description, '食品经营许可证办理超过承诺时限。');
  assert.equal(item.contact.company, '宜昌某某食品有限公司');
  services.feedback.setToday(() => '2026-03-17');
  const todo = (await app.inject({ url: '/api/v1/todo', headers: h })).json();
  assert.ok(todo.items.some((i: { kind: string; urgent: boolean }) => i.kind === 'feedback_deadline' && i.urgent), 'overdue on the to-do list');
  services.feedback.setToday(() => '2026-03-10');

  const empty = await app.inject({ method: 'POST', url: `/api/v1/feedback/manage/${item.id}/reply`, headers: h, payload: { reply: ' ' } });
  assert.equal(empty.statusCode, 400);
  const replied = await app.inject({ method: 'POST', url: `/api/v1/feedback/manage/${item.id}/reply`, headers: h, payload: { reply: '已督促窗口办结，并约谈相关人员。' } });
  assert.equal(replied.json().state, 'replied', replied.body);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/feedback/manage/${item.id}/reply`, headers: h, payload: { reply: '再次答复' } })).statusCode, 409);
  await services.notifier.deliverDue();
  assert.match(gateway.lastTo('13800001111') ?? '', /已督促窗口办结/);

  const stats = await app.inject({ url: '/api/v1/feedback/stats?month=2026-03' });
  assert.equal(stats.statusCode, 200);
  const s = stats.json();
  assert.deepEqual(s.rows.map((r: { category: string; received: number; replied: number; onTime: number }) => [r.category, r.received, r.replied, r.onTime]), [['审批许可', 1, 1, 1]]);
  const page = await app.inject({ url: '/feedback/stats?month=2026-03' });
  assert.match(page.body, /审批许可/);
  for (const body of [stats.body, page.body]) for (const secret of ['宜昌某某食品', '李四', '13800001111', '食品经营许可证', '约谈']) assert.ok(!body.includes(secret), `statistics leak ${secret}`);
  const audit = await services.database.db.selectFrom('aud_log').select('action').where('entity_id', '=', item.id).orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['feedback.submit', 'feedback.reply']);
});

test('bad feedback input: clear Chinese errors, nothing saved; the portal form works without JavaScript', async (t) => {
  const { app, services, dept } = await setup(t);
  const bad = await app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { category: '不存在', orgId: 'nope', description: '字'.repeat(2001), phone: '1' } });
  assert.equal(bad.statusCode, 400);
  const fields = Object.fromEntries(bad.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
  assert.match(fields.category, /请选择问题类别/);
  assert.match(fields.orgId, /请选择涉及的部门/);
  assert.match(fields.description, /不能超过 2000 字/);
  assert.match(fields.phone, /手机号码/);
  const form = await app.inject({ url: '/feedback' });
  assert.match(form.body, /涉及部门/);
  const post = (f: Record<string, string>) => app.inject({ method: 'POST', url: '/feedback', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(f).toString() });
  const invalid = await post({ category: '', orgId: dept.id, description: '' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /请描述遇到的问题/);
  const n = await services.database.db.selectFrom('fbk_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0);
  const ok = await post({ category: '涉企收费', orgId: dept.id, description: '检测费收费标准不清楚' });
  assert.equal(ok.statusCode, 201);
  assert.match(ok.body, /FK-\d{8}-/);
  const other = await orgByName(services, '宜昌市财政局');
  const stranger = await buildUser(services, other.id, [{ role: 'office_admin', orgId: other.id }]);
  const sh = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: stranger.username, password: stranger.password } });
  const headers = { cookie: `gk_session=${sh.cookies.find((c) => c.name === 'gk_session')!.value}`, 'x-csrf-token': sh.json().csrfToken };
  if (other.id !== dept.id) assert.equal((await app.inject({ url: '/api/v1/feedback/manage', headers })).json().total, 0);
});

test('the feedback form is rate-limited', async (t) => {
  const { app, dept } = await setup(t, { GONGKAI_FORM_RATE_LIMIT: '1' });
  const a = await app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { category: '其他', orgId: dept.id, description: '第一条' } });
  const b = await app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { category: '其他', orgId: dept.id, description: '第二条' } });
  assert.deepEqual([a.statusCode, b.statusCode], [201, 429]);
});
