import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { buildApp } from '../../src/app.ts';
import { applicantFields, multipart, proofPdf, setupRequests } from './requests.support.ts';

test('sessions live in the database: a second app instance accepts the cookie; logout ends it everywhere', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const second = await buildApp(services, { logger: false });
  t.after(() => second.close());
  const me = await second.inject({ url: '/api/v1/auth/me', headers });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.username, 'admin');
  assert.ok(me.json().user.roles.some((r: { role: string }) => r.role === 'sysadmin'));
  const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
  assert.equal(out.statusCode, 200);
  assert.equal((await second.inject({ url: '/api/v1/auth/me', headers })).statusCode, 401);
});

test('the session cookie is HttpOnly and SameSite, and the password hash never leaves the server', async (t) => {
  const { app } = await buildTestApp(t);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.ok(!/password_hash|argon2/.test(res.body));
  const audit = await app.inject({ url: '/api/v1/audit?pageSize=100', headers: { cookie: `gk_session=${cookie.value}` } });
  assert.ok(!/argon2|password_hash/.test(audit.body), 'audit snapshots hold no secrets');
});

test('cookie-authenticated writes need the CSRF token; API tokens do not', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const { cookie, 'x-csrf-token': csrf } = await login('admin', ADMIN_PASSWORD);
  const countyA = await orgByName(services, '西陵区');
  const payload = { parentId: countyA.id, name: '无令牌机构', kind: 'department' };
  const without = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload });
  assert.equal(without.statusCode, 403);
  assert.equal(without.json().error.code, 'CSRF_INVALID');
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie, 'x-csrf-token': 'forged' }, payload });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie, 'x-csrf-token': csrf }, payload })).statusCode, 201);

  const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: '集成', scopes: ['organisations:read'] } });
  assert.equal(created.statusCode, 201, created.body);
  const secret = created.json().token as string;
  assert.match(secret, /^gk_/);
  const bearer = { authorization: `Bearer ${secret}` };
  assert.equal((await app.inject({ url: `/api/v1/organisations/${countyA.id}`, headers: bearer })).statusCode, 200);
  // Scope organisations:read does not allow writes, even for an administrator's token.
  const write = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${countyA.id}`, headers: bearer, payload: { name: '改名' } });
  assert.equal(write.statusCode, 403);
  assert.equal((await app.inject({ url: '/api/v1/audit', headers: bearer })).statusCode, 404);
  const list = (await app.inject({ url: '/api/v1/tokens', headers: { cookie } })).json().items;
  assert.ok(list[0].lastUsedAt, 'use is recorded');
  assert.ok(!JSON.stringify(list).includes(secret), 'the secret is shown once only');

  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${list[0].id}`, headers: { cookie, 'x-csrf-token': csrf } })).statusCode, 204);
  const revoked = await app.inject({ url: `/api/v1/organisations/${countyA.id}`, headers: bearer });
  assert.equal(revoked.statusCode, 401);
  assert.equal(revoked.json().error.code, 'TOKEN_INVALID');
});

test('a token cannot carry scopes its user does not have', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  const editor = await buildUser(services, countyA.id, [{ role: 'editor', orgId: countyA.id }]);
  const headers = await login(editor.username, editor.password);
  const scopes = (await app.inject({ url: '/api/v1/tokens/scopes', headers })).json().items.map((s: { code: string }) => s.code);
  assert.ok(scopes.includes('documents:write'));
  assert.ok(!scopes.includes('users:write'));
  const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'x', scopes: ['users:write'] } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.fields[0].path, 'scopes/0');
});

test('repeated failed sign-ins lock the account; an administrator unlocks it', async (t) => {
  const { app, services, login } = await buildTestApp(t, { GONGKAI_LOGIN_MAX_FAILURES: '3', GONGKAI_LOGIN_RATE_LIMIT: '100' });
  const countyA = await orgByName(services, '西陵区');
  const user = await buildUser(services, countyA.id, []);
  const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password } });
  assert.equal((await attempt('wrong-1')).statusCode, 401);
  assert.equal((await attempt('wrong-2')).statusCode, 401);
  const locked = await attempt('wrong-3');
  assert.equal(locked.statusCode, 423);
  assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
  assert.equal((await attempt(user.password)).statusCode, 423, 'even the right password is refused while locked');
  const admin = await login('admin', ADMIN_PASSWORD);
  const unlocked = await app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, headers: admin });
  assert.equal(unlocked.json().lockedUntil, null);
  assert.equal((await attempt(user.password)).statusCode, 200);
  const actions = (await app.inject({ url: `/api/v1/audit?entityId=${user.id}&pageSize=50`, headers: admin })).json().items.map((e: { action: string }) => e.action);
  for (const a of ['auth.login_failed', 'auth.locked', 'user.unlock', 'auth.login']) assert.ok(actions.includes(a), a);
});

test('unknown user names and wrong passwords answer alike', async (t) => {
  const { app } = await buildTestApp(t);
  const a = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'whatever-123' } });
  const b = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'whatever-123' } });
  assert.equal(a.statusCode, 401);
  assert.deepEqual(a.json(), b.json());
});

test('password change: wrong current password refused; new one works; other sessions end', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  const user = await buildUser(services, countyA.id, []);
  const first = await login(user.username, user.password);
  const second = await login(user.username, user.password);
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first, payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'WRONG_PASSWORD');
  const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first, payload: { currentPassword: user.password, newPassword: 'short' } });
  assert.equal(weak.json().error.code, 'WEAK_PASSWORD');
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first, payload: { currentPassword: user.password, newPassword: 'a-brand-new-password' } });
  assert.equal(ok.statusCode, 200);
  assert.equal((await app.inject({ url: '/api/v1/auth/me', headers: first })).statusCode, 200, 'this session stays');
  assert.equal((await app.inject({ url: '/api/v1/auth/me', headers: second })).statusCode, 401, 'other sessions end');
  await login(user.username, 'a-brand-new-password');
});

test('deactivating a user ends their sessions; the last administrator cannot be deactivated', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  const user = await buildUser(services, countyA.id, [{ role: 'editor', orgId: countyA.id }]);
  const session = await login(user.username, user.password);
  const admin = await login('admin', ADMIN_PASSWORD);
  const res = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin, payload: { active: false } });
  assert.equal(res.json().active, false);
  assert.equal((await app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode, 401);
  const adminId = (await services.users.findByUsername('admin'))!.id;
  const self = await app.inject({ method: 'PATCH', url: `/api/v1/users/${adminId}`, headers: admin, payload: { active: false } });
  assert.equal(self.statusCode, 409);
});

test('login is rate limited per client', async (t) => {
  const { app } = await buildTestApp(t, { GONGKAI_LOGIN_RATE_LIMIT: '3' });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    statuses.push((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode);
  }
  assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  const last = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
  assert.equal(last.json().error.code, 'RATE_LIMITED');
  assert.match(last.json().error.message, /请求过于频繁/);
});

test('the session tells the admin app what the user may do', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  const editor = await buildUser(services, countyA.id, [{ role: 'editor', orgId: countyA.id }]);
  const me = (await app.inject({ url: '/api/v1/auth/me', headers: await login(editor.username, editor.password) })).json();
  assert.deepEqual(me.permissions.sort(), ['consultation.manage', 'consultation.read', 'decision.manage', 'decision.read', 'document.edit', 'document.read', 'feedback.handle', 'feedback.read', 'org.read', 'qa.answer', 'qa.read']);
  assert.equal(me.platformAdmin, false);
  const admin = (await app.inject({ url: '/api/v1/auth/me', headers: await login('admin', ADMIN_PASSWORD) })).json();
  assert.equal(admin.platformAdmin, true);
  assert.ok(admin.permissions.includes('audit.read'));
});

test('a case handler’s token with requests:read lists cases but cannot act on them; requests:write can; documents:read sees no case', async (t) => {
  const { app, dept, handler } = await setupRequests(t);
  const form = await multipart(applicantFields(dept.id), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/requests', ...form })).statusCode, 201);
  const scopes = (await app.inject({ url: '/api/v1/tokens/scopes', headers: handler })).json().items.map((s: { code: string }) => s.code);
  assert.deepEqual(scopes.filter((s: string) => s.startsWith('requests:')), ['requests:read', 'requests:write']);
  assert.ok(!scopes.includes('consultations:write'), 'only scopes the user holds are offered');
  const bearer = async (scope: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: handler, payload: { name: scope, scopes: [scope] } });
    assert.equal(res.statusCode, 201, res.body);
    return { authorization: `Bearer ${res.json().token as string}` };
  };
  const reader = await bearer('requests:read');
  const list = await app.inject({ url: '/api/v1/requests', headers: reader });
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.json().total, 1);
  const id = list.json().items[0].id as string;
  const correction = { type: 'correction_requested', occurredOn: '2026-11-25', what: '请写明所需信息的年份', dueOn: '2026-12-10' };
  const refused = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: reader, payload: correction });
  assert.ok([403, 404, 409].includes(refused.statusCode), refused.body);
  const state = async () => (await app.inject({ url: `/api/v1/requests/${id}`, headers: reader })).json().state as string;
  assert.equal(await state(), 'registered', 'nothing changed');
  const writer = await bearer('requests:write');
  const done = await app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: writer, payload: correction });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(await state(), 'correction_requested');
  const admin = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: handler, payload: { name: 'x', scopes: ['documents:read'] } });
  assert.equal(admin.statusCode, 400, 'a case handler holds no document.read');
});
