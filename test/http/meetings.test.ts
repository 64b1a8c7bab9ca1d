import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const gov = await orgByName(ctx.services, '宜昌市');
  const office = await buildUser(ctx.services, gov.id, [{ role: 'office_admin', orgId: gov.id }]);
  const h = await ctx.login(office.username, office.password);
  return { ...ctx, gov, h };
}

const meeting = {
  kind: 'executive',
  sessionNo: 12,
  heldOn: '2026-03-05',
  pressRelease: '会议研究了优化营商环境等事项。',
  items: [
    { text: '原则通过《宜昌市优化营商环境若干措施》。', confidential: false },
    { text: '研究某涉密安保事项。', confidential: true },
  ],
  participation: { grassroots: 2, enterprise: 3, media: 1, expert: 2 },
};

test('a meeting is recorded, published with its open-participation figures, listed per year; confidential items never reach the public', async (t) => {
  const { app, gov, h, services } = await setup(t);
  const created = await app.inject({ method: 'POST', url: '/api/v1/meetings/manage', headers: h, payload: { orgId: gov.id, ...meeting } });
  assert.equal(created.statusCode, 201, created.body);
  const m = created.json();
  assert.equal(m.title, '宜昌市人民政府第12次常务会议');
  assert.equal(m.items.length, 2, 'staff see the confidential item');
  assert.equal((await app.inject({ url: `/api/v1/meetings/${m.id}` })).statusCode, 404, 'drafts are not public');
  assert.equal((await app.inject({ url: `/meetings/${m.id}` })).statusCode, 404);

  const pub = await app.inject({ method: 'POST', url: `/api/v1/meetings/manage/${m.id}/actions`, headers: h, payload: { type: 'publish' } });
  assert.equal(pub.json().state, 'published', pub.body);

  const api = await app.inject({ url: `/api/v1/meetings/${m.id}` });
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json().decidedItems, ['原则通过《宜昌市优化营商环境若干措施》。']);
  assert.equal(api.json().participantsTotal, 8);
  assert.ok(!api.body.includes('涉密安保'));
  const list = (await app.inject({ url: `/api/v1/meetings?org=${gov.id}&year=2026` })).json();
  assert.equal(list.total, 1);
  assert.deepEqual(list.years, [2026]);
  assert.ok(!JSON.stringify(list).includes('涉密安保'));
  assert.equal((await app.inject({ url: '/api/v1/meetings?year=2025' })).json().total, 0);

  const page = await app.inject({ url: `/meetings/${m.id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /开放情况/);
  assert.match(page.body, /企业代表<\/th><td class="num">3</);
  assert.match(page.body, /邀请列席代表 <!-- -->8<!-- --> 人/);
  assert.ok(!page.body.includes('涉密安保'));
  const yearPage = await app.inject({ url: `/meetings?org=${gov.id}&year=2026` });
  assert.match(yearPage.body, /宜昌市人民政府第12次常务会议/);
  const xxgk = await app.inject({ url: `/organisations/${gov.id}/xxgk` });
  assert.match(xxgk.body, new RegExp(`/meetings\\?org=${gov.id}`));

  // A published meeting must be withdrawn before it is edited; edits and withdrawals are audited.
  const edit = await app.inject({ method: 'PATCH', url: `/api/v1/meetings/manage/${m.id}`, headers: h, payload: { pressRelease: '新通稿' } });
  assert.equal(edit.statusCode, 409);
  assert.match(edit.json().error.message, /先撤下/);
  await app.inject({ method: 'POST', url: `/api/v1/meetings/manage/${m.id}/actions`, headers: h, payload: { type: 'withdraw' } });
  assert.equal((await app.inject({ url: `/api/v1/meetings/${m.id}` })).statusCode, 404);
  const audit = await services.database.db.selectFrom('aud_log').select('action').where('entity_id', '=', m.id).orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['meeting.create', 'meeting.publish', 'meeting.withdraw']);
});

test('bad meeting input is refused with Chinese field errors; other organisations and editors cannot manage', async (t) => {
  const { app, gov, h, services } = await setup(t);
  const bad = await app.inject({ method: 'POST', url: '/api/v1/meetings/manage', headers: h, payload: { orgId: gov.id, kind: 'executive', sessionNo: 1, heldOn: '2026-02-30', items: [{ text: ' ', confidential: false }] } });
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
  assert.ok(paths.includes('heldOn') && paths.includes('items.0.text'), bad.body);
  const negative = await app.inject({ method: 'POST', url: '/api/v1/meetings/manage', headers: h, payload: { orgId: gov.id, ...meeting, participation: { media: -1 } } });
  assert.equal(negative.statusCode, 400);
  assert.match(negative.json().error.message, /不能小于 0/);
  const dept = await orgByName(services, '宜昌市财政局');
  const editor = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const eh = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: editor.username, password: editor.password } });
  const headers = { cookie: `gk_session=${eh.cookies.find((c) => c.name === 'gk_session')!.value}`, 'x-csrf-token': eh.json().csrfToken };
  const denied = await app.inject({ method: 'POST', url: '/api/v1/meetings/manage', headers, payload: { orgId: gov.id, ...meeting } });
  assert.equal(denied.statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/meetings/manage', headers })).json().total, 0);
  assert.equal((await app.inject({ url: '/api/v1/meetings/manage' })).statusCode, 401);
  const n = await services.database.db.selectFrom('mtg_meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0);
});
