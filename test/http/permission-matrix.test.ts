import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';
import { buildDraft, buildUser, orgByName } from '../support/factories.ts';

// A county editor may read and change drafts of their county and its townships only; a sibling county's and the
// city's drafts answer exactly like drafts that do not exist.
test('permission matrix: drafts across city, sibling counties and townships', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const city = await orgByName(services, '宜昌市');
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');
  const townA = await orgByName(services, '西陵街道');
  const townB = (await services.organisations.tree(systemActor()))
    .find((o) => o.parentId === countyB.id)!;

  const editorA = await buildUser(services, countyA.id, [{ role: 'editor', orgId: countyA.id }]);
  const cityEditor = await buildUser(services, city.id, [{ role: 'editor', orgId: city.id }]);
  const townEditorA = await buildUser(services, townA.id, [{ role: 'editor', orgId: townA.id }]);
  const caseHandlerA = await buildUser(services, countyA.id, [{ role: 'case_handler', orgId: countyA.id }]);
  const reviewerA = await buildUser(services, countyA.id, [{ role: 'reviewer', orgId: countyA.id }]);

  const drafts = {
    city: await buildDraft(services, city.id, cityEditor.id, '市级草稿'),
    countyA: await buildDraft(services, countyA.id, editorA.id, '西陵区草稿'),
    townA: await buildDraft(services, townA.id, townEditorA.id, '西陵街道草稿'),
    countyB: await buildDraft(services, countyB.id, cityEditor.id, '伍家岗区草稿'),
    townB: await buildDraft(services, townB.id, cityEditor.id, '伍家岗街道草稿'),
  };
  type Key = keyof typeof drafts;
  const all = Object.keys(drafts) as Key[];

  // actor → [drafts readable, drafts editable]
  const matrix: { name: string; user: { username: string; password: string }; read: Key[]; edit: Key[] }[] = [
    { name: 'county editor A', user: editorA, read: ['countyA', 'townA'], edit: ['countyA', 'townA'] },
    { name: 'township editor A', user: townEditorA, read: ['townA'], edit: ['townA'] },
    { name: 'city editor', user: cityEditor, read: all, edit: all },
    { name: 'county reviewer A', user: reviewerA, read: ['countyA', 'townA'], edit: [] },
    { name: 'county case handler A', user: caseHandlerA, read: [], edit: [] },
  ];

  const missing = await (async () => {
    const headers = await login(editorA.username, editorA.password);
    const id = '01900000-0000-7000-8000-000000000000';
    const get = await app.inject({ url: `/api/v1/documents/${id}`, headers });
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${id}`, headers, payload: { title: 'x' } });
    return { get: { status: get.statusCode, body: get.body }, patch: { status: patch.statusCode, body: patch.body } };
  })();
  assert.equal(missing.get.status, 404);

  for (const row of matrix) {
    const headers = await login(row.user.username, row.user.password);
    for (const key of all) {
      const id = drafts[key].id;
      const get = await app.inject({ url: `/api/v1/documents/${id}`, headers });
      if (row.read.includes(key)) {
        assert.equal(get.statusCode, 200, `${row.name} reads ${key}`);
        assert.equal(get.json().edition.title, drafts[key].edition.title);
      } else {
        assert.deepEqual({ status: get.statusCode, body: get.body }, missing.get, `${row.name} must not see ${key}, answered like missing`);
      }
      const patch = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${id}`, headers, payload: { title: `${drafts[key].edition.title}（改）` } });
      if (row.edit.includes(key)) {
        assert.equal(patch.statusCode, 200, `${row.name} edits ${key}`);
        await app.inject({ method: 'PATCH', url: `/api/v1/documents/${id}`, headers, payload: { title: drafts[key].edition.title } });
      } else {
        assert.deepEqual({ status: patch.statusCode, body: patch.body }, missing.patch, `${row.name} must not change ${key}, answered like missing`);
      }
    }
    const list = (await app.inject({ url: '/api/v1/documents?pageSize=100', headers })).json();
    assert.deepEqual(
      (list.items as { id: string }[]).map((d) => d.id).sort(),
      row.read.map((k) => drafts[k].id).sort(),
      `${row.name} lists exactly the readable drafts`,
    );
  }

  // Nothing that was refused changed anything.
  for (const key of all) assert.equal((await services.documents.get(systemActor(), drafts[key].id)).edition.title, drafts[key].edition.title);
});

test('a county editor cannot create drafts for a sibling county or the city, and organisations outside the subtree are hidden', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const city = await orgByName(services, '宜昌市');
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');
  const editorA = await buildUser(services, countyA.id, [{ role: 'editor', orgId: countyA.id }]);
  const headers = await login(editorA.username, editorA.password);

  for (const org of [city, countyB]) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/documents', headers, payload: { organisationId: org.id, title: '越权' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.fields[0].path, 'organisationId');
  }
  const own = await app.inject({ method: 'POST', url: '/api/v1/documents', headers, payload: { organisationId: countyA.id, title: '本区草稿', bodyHtml: '<p>正文</p>' } });
  assert.equal(own.statusCode, 201);

  const sibling = await app.inject({ url: `/api/v1/organisations/${countyB.id}`, headers });
  const nowhere = await app.inject({ url: '/api/v1/organisations/01900000-0000-7000-8000-000000000000', headers });
  assert.equal(sibling.statusCode, 404);
  assert.deepEqual(sibling.json(), nowhere.json());

  const tree = (await app.inject({ url: '/api/v1/organisations/tree', headers })).json().items as { id: string; name: string }[];
  assert.ok(tree.some((o) => o.id === countyA.id));
  assert.ok(!tree.some((o) => o.id === countyB.id || o.id === city.id), 'only the own subtree is listed');

  const edit = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${countyA.id}`, headers, payload: { name: '改名' } });
  assert.equal(edit.statusCode, 403, 'an editor may read but not manage the own organisation');
  assert.equal((await services.organisations.get(systemActor(), countyA.id)).name, '西陵区');

  const audit = await app.inject({ url: '/api/v1/audit', headers });
  assert.equal(audit.statusCode, 404);
});
