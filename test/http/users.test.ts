import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

test('a county office administrator manages users and roles in the county only', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');
  const townA = await orgByName(services, '西陵街道');
  const office = await buildUser(services, countyA.id, [{ role: 'office_admin', orgId: countyA.id }]);
  const userB = await buildUser(services, countyB.id, []);
  const headers = await login(office.username, office.password);

  const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'xl_editor', displayName: '西陵编辑', password: 'editor-password-1', organisationId: townA.id } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  assert.equal(created.json().mustChangePassword, true);
  const granted = await app.inject({ method: 'POST', url: `/api/v1/users/${id}/roles`, headers, payload: { role: 'editor', organisationId: townA.id } });
  assert.equal(granted.statusCode, 201);
  assert.deepEqual(granted.json().roles.map((r: { role: string; organisationName: string }) => [r.role, r.organisationName]), [['editor', '西陵街道']]);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/users/${id}/roles`, headers, payload: { role: 'editor', organisationId: townA.id } })).statusCode, 409);

  const outside = await app.inject({ method: 'POST', url: `/api/v1/users/${id}/roles`, headers, payload: { role: 'editor', organisationId: countyB.id } });
  assert.equal(outside.statusCode, 400, 'a role outside the subtree is refused like an unknown organisation');
  const escalate = await app.inject({ method: 'POST', url: `/api/v1/users/${id}/roles`, headers, payload: { role: 'sysadmin', organisationId: countyA.id } });
  assert.equal(escalate.statusCode, 403, 'only a platform administrator grants sysadmin');

  assert.equal((await app.inject({ url: `/api/v1/users/${userB.id}`, headers })).statusCode, 404);
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/users/${userB.id}/reset-password`, headers, payload: { password: 'taken-over-12345' } })).statusCode, 404);
  const listed = (await app.inject({ url: '/api/v1/users?pageSize=100', headers })).json();
  assert.ok(listed.items.every((u: { organisationId: string }) => [countyA.id, townA.id].includes(u.organisationId)));
  assert.ok(listed.items.some((u: { id: string }) => u.id === id));

  const grantId = granted.json().roles[0].id;
  const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/users/${id}/roles/${grantId}`, headers });
  assert.deepEqual(revoked.json().roles, []);
});

test('users list pages and searches; the admin sees everyone', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const countyA = await orgByName(services, '西陵区');
  for (let i = 0; i < 3; i++) await buildUser(services, countyA.id, []);
  const headers = await login('admin', ADMIN_PASSWORD);
  const page1 = (await app.inject({ url: '/api/v1/users?pageSize=2&page=1', headers })).json();
  const page2 = (await app.inject({ url: '/api/v1/users?pageSize=2&page=2', headers })).json();
  assert.equal(page1.total, 4);
  assert.equal(page1.items.length, 2);
  assert.equal(page2.items.length, 2);
  assert.notDeepEqual(page1.items[0].id, page2.items[0].id);
  const q = (await app.inject({ url: '/api/v1/users?q=ADMIN', headers })).json();
  assert.deepEqual(q.items.map((u: { username: string }) => u.username), ['admin']);
  const byOrg = (await app.inject({ url: `/api/v1/users?organisationId=${countyA.id}`, headers })).json();
  assert.equal(byOrg.total, 3);
});

test('audit log filters by organisation subtree, user, entity and time, and offers no way to change it', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');
  await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${countyA.id}`, headers, payload: { shortName: '西陵' } });
  await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${countyB.id}`, headers, payload: { shortName: '伍家岗' } });
  const adminId = (await services.users.findByUsername('admin'))!.id;

  const a = (await app.inject({ url: `/api/v1/audit?organisationId=${countyA.id}&action=organisation.update`, headers })).json();
  assert.equal(a.total, 1);
  assert.equal(a.items[0].organisationName, '西陵区');
  assert.equal(a.items[0].before.shortName, null);
  assert.equal(a.items[0].after.shortName, '西陵');
  assert.equal(a.items[0].actorName, '系统管理员');
  const byUser = (await app.inject({ url: `/api/v1/audit?actorId=${adminId}&entityType=organisation`, headers })).json();
  assert.equal(byUser.total, 2);
  const future = (await app.inject({ url: '/api/v1/audit?from=2999-01-01', headers })).json();
  assert.equal(future.total, 0);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  assert.ok((await app.inject({ url: `/api/v1/audit?from=${today}&to=${today}`, headers })).json().total >= 2);

  // A county office administrator sees only the county's entries.
  const office = await buildUser(services, countyA.id, [{ role: 'office_admin', orgId: countyA.id }]);
  const officeHeaders = await login(office.username, office.password);
  const seen = (await app.inject({ url: '/api/v1/audit?pageSize=100', headers: officeHeaders })).json().items;
  assert.ok(seen.length > 0);
  assert.ok(seen.every((e: { organisationId: string | null }) => e.organisationId !== countyB.id && e.organisationId !== null));

  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    const res = await app.inject({ method, url: `/api/v1/audit/${a.items[0].id}`, headers, payload: {} });
    assert.equal(res.statusCode, 404);
  }
});
