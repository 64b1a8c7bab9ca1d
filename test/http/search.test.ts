import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { SEARCH_KINDS } from '../../src/modules/search/index.ts';
import { kindNames } from '../../src/portal/format.ts';

test('published documents are searchable right after publishing; drafts never; withdrawal removes them; 发文字号 goes straight to the document', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const dept = await orgByName(services, '宜昌市司法局');
  const other = await orgByName(services, '宜昌市财政局');
  const editor = await login(...(await creds(services, dept.id, 'editor')));
  const reviewer = await login(...(await creds(services, dept.id, 'reviewer')));
  const create = async (payload: object) =>
    (
      await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, ...payload } })
    ).json();
  const act = async (id: string, h: Record<string, string>, action: string, extra: object = {}) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: h, payload: { action, ...extra } });
    assert.equal(r.statusCode, 200, r.body);
  };
  const publish = async (id: string) => {
    await act(id, editor, 'submit');
    await act(id, reviewer, 'approve');
    await act(id, reviewer, 'publish');
    await services.outbox.idle();
  };
  const search = async (qs: string) => (await app.inject(`/api/v1/search?${qs}`)).json();

  const policy = await create({
    title: '宜昌市支持律师事务所发展的若干措施',
    bodyHtml: '<p>为促进法律服务业高质量发展，制定本措施。</p>',
    docNo: '宜司规〔2024〕3号',
  });
  const draft = await create({ title: '律师事务所内部草稿', bodyHtml: '<p>法律服务业 草稿</p>' });
  await publish(policy.id);

  const hits = await search(`q=${encodeURIComponent('法律服务业')}`);
  assert.equal(hits.total, 1);
  assert.equal(hits.totalIsEstimate, false, 'the API says whether the total was counted out');
  assert.equal(hits.items[0].id, policy.id);
  assert.match(hits.items[0].snippet, /<mark>/);
  assert.ok(!JSON.stringify(hits).includes(draft.id), 'drafts are never in the index');
  assert.equal((await search(`q=${encodeURIComponent('律师事务所')}`)).items[0].id, policy.id, 'title words find it');

  const exact = await search(`q=${encodeURIComponent('宜司规[2024]03号')}`);
  assert.equal(exact.exact?.id, policy.id, 'a 发文字号 in any spelling goes straight to the document');

  assert.equal((await search(`q=${encodeURIComponent('律师')}&org=${other.id}`)).total, 0, 'filtered by organisation');
  assert.equal((await search(`q=${encodeURIComponent('律师')}&org=${dept.id}`)).total, 1);

  await act(policy.id, reviewer, 'withdraw', { reason: '已过时' });
  await services.outbox.idle();
  assert.equal((await search(`q=${encodeURIComponent('法律服务业')}`)).total, 0, 'withdrawn content leaves the index');

  // A late replay of the publish event must not resurrect it.
  await services.indexer.sync(policy.id, 1);
  assert.equal((await search(`q=${encodeURIComponent('法律服务业')}`)).total, 0);
});

async function creds(services: Parameters<typeof buildUser>[0], orgId: string, role: string): Promise<[string, string]> {
  const u = await buildUser(services, orgId, [{ role, orgId }]);
  return [u.username, u.password];
}

test('a repeal by a later document updates the validity facet of the earlier one in the index', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const dept = await orgByName(services, '宜昌市司法局');
  const editor = await login(...(await creds(services, dept.id, 'editor')));
  const reviewer = await login(...(await creds(services, dept.id, 'reviewer')));
  const create = async (payload: object) =>
    (
      await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, ...payload } })
    ).json();
  const publish = async (id: string) => {
    for (const [h, action] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
      [reviewer, 'publish'],
    ] as const) {
      await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: h, payload: { action } });
    }
    await services.outbox.idle();
  };
  // A typed 有效期至: without one the default 5-year rule would have expired it already.
  const old = await create({
    title: '行政执法证件管理办法',
    normativeKind: 'normative',
    effectiveFrom: '2020-01-01',
    expiresOn: '2099-12-31',
  });
  await publish(old.id);
  const validity = async () =>
    (await app.inject(`/api/v1/search?q=${encodeURIComponent('执法证件')}`)).json().items.find((i: { id: string }) => i.id === old.id)
      ?.validity;
  assert.equal(await validity(), 'in_force');
  const repeal = await create({ title: '关于废止行政执法证件管理办法的决定' });
  await app.inject({
    method: 'POST',
    url: `/api/v1/documents/${repeal.id}/effects`,
    headers: editor,
    payload: { affectedDocumentId: old.id, type: 'repeals', inForceOn: '2024-01-01' },
  });
  await publish(repeal.id);
  assert.equal(await validity(), 'repealed');
});

test('the search API refuses an unknown kind or organisation (naming the field) instead of answering an empty list; every known kind is accepted', async (t) => {
  const { app } = await buildTestApp(t);
  const bad = await app.inject('/api/v1/search?q=%E6%B3%95%E5%BE%8B&kind=bogus');
  assert.equal(bad.statusCode, 400, bad.body);
  assert.match(bad.body, /kind/);
  for (const kind of SEARCH_KINDS) {
    const ok = await app.inject(`/api/v1/search?q=%E6%B3%95%E5%BE%8B&kind=${kind}`);
    assert.equal(ok.statusCode, 200, `${kind}: ${ok.body}`);
  }
  // An organisation that does not exist is refused the same way.
  const unknownOrg = await app.inject('/api/v1/search?q=%E6%B3%95%E5%BE%8B&org=no-such-org');
  assert.equal(unknownOrg.statusCode, 400, unknownOrg.body);
  assert.deepEqual(
    unknownOrg.json().error.fields.map((f: { path: string }) => f.path),
    ['org'],
  );
  assert.match(unknownOrg.json().error.fields[0].message, /机构不存在/);
  // The portal names every kind the API accepts (its facet labels and filter links).
  assert.deepEqual(Object.keys(kindNames).sort(), [...SEARCH_KINDS].sort());
});
