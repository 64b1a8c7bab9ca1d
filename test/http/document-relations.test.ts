import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const dept = await orgByName(ctx.services, '宜昌市司法局');
  const editor = await buildUser(ctx.services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const reviewer = await buildUser(ctx.services, dept.id, [{ role: 'reviewer', orgId: dept.id }]);
  const e = await ctx.login(editor.username, editor.password);
  const r = await ctx.login(reviewer.username, reviewer.password);
  const { app } = ctx;
  const create = async (payload: object) => (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: e, payload: { organisationId: dept.id, ...payload } })).json();
  const publish = async (id: string) => {
    for (const [h, action] of [[e, 'submit'], [r, 'approve'], [r, 'publish']] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: h, payload: { action } });
      assert.equal(res.statusCode, 200, res.body);
    }
  };
  return { ...ctx, e, r, create, publish };
}

test('a policy and its interpretation link both ways; links to unpublished documents stay hidden from the public', async (t) => {
  const { app, services, e, create, publish } = await setup(t);
  const policy = await create({ title: '关于支持小微企业发展的若干措施', normativeKind: 'normative', effectiveFrom: '2024-01-01' });
  const reading = await create({ title: '《关于支持小微企业发展的若干措施》政策解读', kind: 'interpretation' });
  const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${reading.id}/links`, headers: e, payload: { toDocumentId: policy.id, type: 'interprets' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().items.map((l: { label: string; direction: string }) => [l.label, l.direction]), [['解读', 'out']]);
  const fromPolicy = (await app.inject({ url: `/api/v1/documents/${policy.id}/links`, headers: e })).json().items;
  assert.deepEqual(fromPolicy.map((l: { label: string; document: { id: string } }) => [l.label, l.document.id]), [['相关解读', reading.id]]);

  await publish(policy.id);
  assert.deepEqual(await services.relations.links(null, policy.id), [], 'the unpublished interpretation is not shown publicly');
  await publish(reading.id);
  const publicLinks = await services.relations.links(null, policy.id);
  assert.equal(publicLinks.length, 1);
  assert.equal(publicLinks[0]!.document.title, '《关于支持小微企业发展的若干措施》政策解读');

  const cycle = await app.inject({ method: 'POST', url: `/api/v1/documents/${policy.id}/links`, headers: e, payload: { toDocumentId: reading.id, type: 'amends' } });
  assert.equal(cycle.statusCode, 409);
  assert.equal(cycle.json().error.code, 'LINK_CYCLE');
  const self = await app.inject({ method: 'POST', url: `/api/v1/documents/${policy.id}/links`, headers: e, payload: { toDocumentId: policy.id, type: 'related' } });
  assert.equal(self.statusCode, 400);
});

test('a later document repeals an earlier one: pending until published, then 已废止 from its date, with a notice; history stays queryable', async (t) => {
  const { app, e, create, publish } = await setup(t);
  const old = await create({ title: '宜昌市某管理办法', normativeKind: 'normative', docNo: '宜司规〔2020〕1号', effectiveFrom: '2020-03-01', expiresOn: '2030-02-28' });
  await publish(old.id);
  const later = await create({ title: '宜昌市司法局关于废止某管理办法的决定', docNo: '宜司发〔2024〕9号' });
  const eff = await app.inject({ method: 'POST', url: `/api/v1/documents/${later.id}/effects`, headers: e, payload: { affectedDocumentId: old.id, type: 'repeals', inForceOn: '2024-06-01' } });
  assert.equal(eff.statusCode, 204, eff.body);

  const validity = async (asOf: string) => (await app.inject({ url: `/api/v1/documents/${old.id}/validity?asOf=${asOf}`, headers: e })).json();
  const before = await validity('2024-07-01');
  assert.equal(before.status, 'in_force', 'an unapplied effect does not count');
  assert.ok(before.pendingNotice);

  await publish(later.id);
  const after = await validity('2024-07-01');
  assert.equal(after.status, 'repealed');
  assert.equal(after.statusName, '已废止');
  assert.equal(after.since, '2024-06-01');
  assert.match(after.notice, /废止/);
  assert.equal((await validity('2024-05-31')).status, 'in_force', 'point-in-time: the day before the repeal it was in force');
  assert.equal((await validity('2019-12-31')).status, 'not_yet_in_force');
});

test('the public validity of a document never reveals effects recorded by unpublished drafts', async (t) => {
  const { app, e, create, publish } = await setup(t);
  const old = await create({ title: '宜昌市另一管理办法', normativeKind: 'normative', effectiveFrom: '2020-03-01' });
  await publish(old.id);
  const secret = await create({ title: '尚未公开的废止决定' });
  await app.inject({ method: 'POST', url: `/api/v1/documents/${secret.id}/effects`, headers: e, payload: { affectedDocumentId: old.id, type: 'repeals', inForceOn: '2024-06-01' } });
  const staff = (await app.inject({ url: `/api/v1/documents/${old.id}/validity`, headers: e })).json();
  assert.equal(staff.effects.length, 1, 'staff see the pending effect');
  const pub = await app.inject(`/api/v1/documents/${old.id}/validity`);
  assert.equal(pub.statusCode, 200);
  assert.deepEqual(pub.json().effects, []);
  assert.equal(pub.json().pendingNotice, null);
  assert.ok(!pub.body.includes(secret.id));
});
