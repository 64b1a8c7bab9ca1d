// Moving an organisation must carry every copy of its path along: cases, review records and the search index are
// filtered by those copies, so a stale one files the rows under the old parent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listTables } from '../../src/platform/db/introspect.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { applicantFields, letterTemplate, multipart, proofPdf, setupRequests } from './requests.support.ts';

/** The audit log keeps the path an entry had when it was written: it records history and is never rewritten. */
const HISTORICAL = new Set(['aud_log']);
/** Filled by triggers from srch_doc. */
const DERIVED = new Set(['srch_facet']);

test('every table with an org_path column is rewritten when an organisation moves', async (t) => {
  const { services } = await setupRequests(t);
  const withPath = (await listTables(services.database)).filter((tb) => tb.columns.includes('org_path')).map((tb) => tb.name);
  const expected = withPath.filter((n) => !HISTORICAL.has(n) && !DERIVED.has(n)).sort();
  assert.ok(expected.includes('req_case') && expected.includes('srch_doc'), `found: ${withPath.join(', ')}`);
  assert.deepEqual([...services.organisations.pathCopyTables].sort(), expected);
});

test('a case of a moved township is handled by its new county and no longer seen by the old one', async (t) => {
  const s = await setupRequests(t);
  const { app, services, admin, login } = s;
  const countyA = await orgByName(services, '西陵区');
  const countyB = await orgByName(services, '伍家岗区');
  const town = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin,
      payload: { parentId: countyA.id, name: '测试街道办事处', kind: 'township', divisionCode: '420502998' },
    })
  ).json() as { id: string };
  const form = await multipart(applicantFields(town.id), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/requests', ...form })).statusCode, 201);

  const handlerOf = async (orgId: string) => {
    const u = await buildUser(services, orgId, [{ role: 'case_handler', orgId }]);
    return login(u.username, u.password);
  };
  const [hA, hB] = [await handlerOf(countyA.id), await handlerOf(countyB.id)];
  const total = async (h: Record<string, string>) =>
    ((await app.inject({ url: '/api/v1/requests', headers: h })).json() as { total: number }).total;
  assert.deepEqual([await total(hA), await total(hB)], [1, 0]);

  const moved = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${town.id}/move`,
    headers: admin,
    payload: { parentId: countyB.id },
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual([await total(hA), await total(hB)], [0, 1], 'the case moved with its organisation');
  const row = await services.database.db.selectFrom('req_case').select('org_path').executeTakeFirstOrThrow();
  const townPath = await services.database.db.selectFrom('iam_org').select('path').where('id', '=', town.id).executeTakeFirstOrThrow();
  assert.equal(row.org_path, townPath.path);
  assert.ok(townPath.path.includes(`/${countyB.id}/`));
});

test('an organisation holding information requests or its own answer-letter template cannot be deleted', async (t) => {
  const { app, services, admin } = await setupRequests(t);
  const county = await orgByName(services, '西陵区');
  const create = async (name: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: admin,
        payload: { parentId: county.id, name, kind: 'department' },
      })
    ).json() as { id: string };
  const remove = (id: string) => app.inject({ method: 'DELETE', url: `/api/v1/organisations/${id}`, headers: admin });

  const withCase = await create('西陵区测试甲局');
  const form = await multipart(applicantFields(withCase.id), { identityProof: { name: '身份证.pdf', bytes: proofPdf() } });
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/requests', ...form })).statusCode, 201);
  const refused = await remove(withCase.id);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'ORG_HAS_CONTENT');
  assert.match(refused.json().error.message, /依申请公开申请/);
  assert.equal(
    await services.database.db
      .selectFrom('req_case')
      .select('id')
      .where('org_id', '=', withCase.id)
      .execute()
      .then((r) => r.length),
    1,
  );

  const withTemplate = await create('西陵区测试乙局');
  const url = `/api/v1/requests/letter-template?organisationId=${withTemplate.id}`;
  assert.equal(
    (await app.inject({ method: 'PUT', url, headers: admin, payload: letterTemplate({ reconsiderationBody: '宜昌市西陵区人民政府' }) }))
      .statusCode,
    200,
  );
  const kept = await remove(withTemplate.id);
  assert.equal(kept.statusCode, 409);
  assert.match(kept.json().error.message, /自定义答复书模板/);
  assert.equal((await app.inject({ method: 'DELETE', url, headers: admin })).statusCode, 200, 'back to the inherited template');
  assert.equal((await remove(withTemplate.id)).statusCode, 204);
});
