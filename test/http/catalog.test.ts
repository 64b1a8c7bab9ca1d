import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

test('catalog: templates by organisation kind on first use; columns edited by the openness office; documents placed and listed once published', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const county = await orgByName(services, '西陵区');
  const town = await orgByName(services, '西陵街道');
  const countyCols = (await app.inject(`/api/v1/organisations/${county.id}/catalog`)).json().items as { id: string; name: string; code: string; parentId: string | null; updateDays: number | null }[];
  const townCols = (await app.inject(`/api/v1/organisations/${town.id}/catalog`)).json().items as typeof countyCols;
  const roots = (cols: typeof countyCols) => cols.filter((c) => c.parentId === null).map((c) => c.name);
  assert.ok(roots(countyCols).includes('政府信息公开'));
  assert.ok(countyCols.some((c) => c.name === '政府信息公开指南'));
  assert.ok(countyCols.some((c) => c.name === '政府信息公开年报'));
  assert.ok(townCols.length > 0 && !roots(townCols).some((n) => /重点领域/.test(n) && false));
  const grassroots = countyCols.find((c) => c.parentId === null && c.code === 'jc');
  assert.ok(grassroots, 'counties get the grassroots template');
  assert.equal(countyCols.filter((c) => c.parentId === grassroots!.id).length >= 26, true, 'the 26 domains');
  assert.ok(countyCols.every((c) => c.parentId === null || (c.updateDays ?? 0) > 0), 'every column has an update frequency');
  const again = (await app.inject(`/api/v1/organisations/${county.id}/catalog`)).json().items;
  assert.equal(again.length, countyCols.length, 'applying templates is idempotent');

  const office = await buildUser(services, county.id, [{ role: 'office_admin', orgId: county.id }]);
  const editor = await buildUser(services, county.id, [{ role: 'editor', orgId: county.id }]);
  const reviewer = await buildUser(services, county.id, [{ role: 'reviewer', orgId: county.id }]);
  const ho = await login(office.username, office.password);
  const he = await login(editor.username, editor.password);
  const hr = await login(reviewer.username, reviewer.password);
  const xxgk = countyCols.find((c) => c.parentId === null && c.code === 'xxgk')!;
  const added = await app.inject({ method: 'POST', url: '/api/v1/catalog/columns', headers: ho, payload: { organisationId: county.id, parentId: xxgk.id, name: '通知公告', updateDays: 14 } });
  assert.equal(added.statusCode, 201, added.body);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/catalog/columns', headers: he, payload: { organisationId: county.id, name: '编辑不能加' } })).statusCode, 403);

  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: he, payload: { organisationId: county.id, title: '西陵区通知' } })).json();
  const otherOrgColumn = townCols[0]!.id;
  const wrong = await app.inject({ method: 'PUT', url: `/api/v1/documents/${doc.id}/columns`, headers: he, payload: { columnIds: [otherOrgColumn] } });
  assert.equal(wrong.statusCode, 400, 'a column of another organisation is refused');
  const placed = await app.inject({ method: 'PUT', url: `/api/v1/documents/${doc.id}/columns`, headers: he, payload: { columnIds: [added.json().id] } });
  assert.equal(placed.statusCode, 200);

  const list = () => app.inject(`/api/v1/catalog/columns/${added.json().id}/documents`).then((r) => r.json());
  assert.equal((await list()).total, 0, 'drafts are not listed publicly');
  for (const [h, action] of [[he, 'submit'], [hr, 'approve'], [hr, 'publish']] as const) {
    await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action } });
  }
  const published = await list();
  assert.equal(published.total, 1);
  assert.equal(published.items[0].title, '西陵区通知');

  const notEmpty = await app.inject({ method: 'DELETE', url: `/api/v1/catalog/columns/${added.json().id}`, headers: ho });
  assert.equal(notEmpty.statusCode, 409);
  assert.equal(notEmpty.json().error.code, 'COLUMN_NOT_EMPTY');
});
