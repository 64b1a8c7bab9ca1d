import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';

test('organisation CRUD: create, update, move a subtree, deactivate, delete only when empty; every step audited', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');

  const created = await app.inject({
    method: 'POST', url: '/api/v1/organisations', headers,
    payload: { parentId: countyA.id, name: '测试社区居委会上级街道', kind: 'township', divisionCode: '420502999', uscc: '91000000000000000K', contact: { phone: '0717-1234567', address: '宜昌市西陵区' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const town = created.json();
  assert.equal(town.parentId, countyA.id);
  assert.equal(town.depth, 2);
  assert.equal(town.contact.phone, '0717-1234567');
  assert.equal(town.contact.fax, null);

  const village = (await app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { parentId: town.id, name: '测试社区', kind: 'village' } })).json();

  const updated = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${town.id}`, headers, payload: { shortName: '测试街道', contact: { fax: '0717-7654321' } } });
  assert.equal(updated.statusCode, 200);
  assert.equal(updated.json().shortName, '测试街道');
  assert.equal(updated.json().contact.phone, '0717-1234567', 'a partial contact update keeps other fields');
  assert.equal(updated.json().contact.fax, '0717-7654321');

  const moved = await app.inject({ method: 'POST', url: `/api/v1/organisations/${town.id}/move`, headers, payload: { parentId: countyB.id } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().parentId, countyB.id);
  // The village moved along: an office admin of county B now covers it, county A's does not.
  const officeB = await buildUser(services, countyB.id, [{ role: 'office_admin', orgId: countyB.id }]);
  const officeA = await buildUser(services, countyA.id, [{ role: 'office_admin', orgId: countyA.id }]);
  const hB = await login(officeB.username, officeB.password);
  const hA = await login(officeA.username, officeA.password);
  assert.equal((await app.inject({ url: `/api/v1/organisations/${village.id}`, headers: hB })).statusCode, 200);
  assert.equal((await app.inject({ url: `/api/v1/organisations/${village.id}`, headers: hA })).statusCode, 404);
  assert.equal((await app.inject({ url: `/api/v1/organisations/${village.id}`, headers })).json().depth, 3);

  const refused = await app.inject({ method: 'DELETE', url: `/api/v1/organisations/${town.id}`, headers });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'ORG_HAS_CONTENT');
  assert.match(refused.json().error.message, /下级机构/);

  const deactivated = await app.inject({ method: 'POST', url: `/api/v1/organisations/${town.id}/deactivate`, headers });
  assert.equal(deactivated.json().active, false);
  assert.ok(!(await services.organisations.publicDirectory()).some((o) => o.id === village.id), 'a deactivated subtree leaves the public directory');
  const reactivateChild = await app.inject({ method: 'POST', url: `/api/v1/organisations/${town.id}/activate`, headers });
  assert.equal(reactivateChild.json().active, true);

  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/organisations/${village.id}`, headers })).statusCode, 204);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/organisations/${town.id}`, headers })).statusCode, 204);
  assert.equal((await app.inject({ url: `/api/v1/organisations/${town.id}`, headers })).statusCode, 404);

  const actions = (await app.inject({ url: `/api/v1/audit?entityId=${town.id}&pageSize=100`, headers })).json().items.map((e: { action: string }) => e.action);
  assert.deepEqual(actions.sort(), ['organisation.activate', 'organisation.create', 'organisation.deactivate', 'organisation.delete', 'organisation.move', 'organisation.update'].sort());
});

test('an organisation whose users or documents remain cannot be deleted, only deactivated', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const countyA = await orgByName(services, '西陵区');
  const dept = (await app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { parentId: countyA.id, name: '西陵区测试局', kind: 'department' } })).json();
  await buildUser(services, dept.id, []);
  const res = await app.inject({ method: 'DELETE', url: `/api/v1/organisations/${dept.id}`, headers: { ...headers, 'accept-language': 'en' } });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /users/);
  assert.ok(await services.organisations.get(systemActor(), dept.id));
});

test('moves that would create a cycle, and moves of the root, are refused and change nothing', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const city = await orgByName(services, '宜昌市');
  const countyA = await orgByName(services, '西陵区');
  const townA = await orgByName(services, '西陵街道');
  const cycle = await app.inject({ method: 'POST', url: `/api/v1/organisations/${countyA.id}/move`, headers, payload: { parentId: townA.id } });
  assert.equal(cycle.statusCode, 409);
  assert.equal(cycle.json().error.code, 'ORG_CYCLE');
  const self = await app.inject({ method: 'POST', url: `/api/v1/organisations/${countyA.id}/move`, headers, payload: { parentId: countyA.id } });
  assert.equal(self.statusCode, 409);
  const root = await app.inject({ method: 'POST', url: `/api/v1/organisations/${city.id}/move`, headers, payload: { parentId: countyA.id } });
  assert.equal(root.statusCode, 409);
  assert.equal(root.json().error.code, 'ORG_ROOT');
  assert.equal((await services.organisations.get(systemActor(), countyA.id)).parentId, city.id);
  assert.equal((await services.organisations.get(systemActor(), townA.id)).depth, 2);
});
