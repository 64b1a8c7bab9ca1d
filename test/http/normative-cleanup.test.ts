import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const { app, services } = ctx;
  const dept = await orgByName(services, '宜昌市民政局');
  const other = await orgByName(services, '宜昌市商务局');
  const editor = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const reviewer = await buildUser(services, dept.id, [{ role: 'reviewer', orgId: dept.id }]);
  const outsider = await buildUser(services, other.id, [{ role: 'office_admin', orgId: other.id }]);
  const [e, r, x] = await Promise.all([editor, reviewer, outsider].map((u) => ctx.login(u.username, u.password)));
  const publish = async (title: string, normativeKind: 'normative' | null = 'normative', orgId = dept.id, headers = [e!, r!]) => {
    const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: headers[0], payload: { organisationId: orgId, title, normativeKind, effectiveFrom: '2019-01-01', expiresOn: '2099-12-31' } })).json();
    for (const [h, action] of [[headers[0], 'submit'], [headers[1], 'approve'], [headers[1], 'publish']] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h!, payload: { action } });
      assert.equal(res.statusCode, 200, res.body);
    }
    return doc.id as string;
  };
  const status = async (id: string) => (await app.inject(`/api/v1/documents/${id}/validity`)).json().status as string;
  return { ...ctx, dept, e: e!, r: r!, x: x!, publish, status };
}

async function buildCampaign(ctx: Awaited<ReturnType<typeof setup>>) {
  const { app, dept, e, publish } = ctx;
  const docs = { keep: await publish('宜昌市最低生活保障审批办法'), amend: await publish('宜昌市临时救助实施细则'), repeal: await publish('宜昌市殡葬管理暂行规定'), expire: await publish('宜昌市2019年冬春救助工作方案') };
  const created = await app.inject({ method: 'POST', url: '/api/v1/normative/cleanups', headers: e, payload: { organisationId: dept.id, title: '宜昌市民政局关于公布规范性文件清理结果的通知', scopeBefore: '2099-12-31' } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const candidates = (await app.inject({ url: `/api/v1/normative/cleanups/${id}/candidates?q=${encodeURIComponent('宜昌市')}`, headers: e })).json();
  assert.equal(candidates.total, 4, 'the four published normative documents are candidates');
  const added = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/items`, headers: e, payload: { documentIds: Object.values(docs) } });
  assert.equal(added.statusCode, 200, added.body);
  const items = added.json().items as { id: string; documentId: string }[];
  const item = (k: keyof typeof docs) => items.find((i) => i.documentId === docs[k])!.id;
  return { id, docs, item };
}

test('a clean-up campaign: add documents, decide in bulk, publish → statuses change in one go, public result page and feed', async (t) => {
  const ctx = await setup(t);
  const { app, e, r, status } = ctx;
  const { id, docs, item } = await buildCampaign(ctx);

  const early = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/publish`, headers: r, payload: {} });
  assert.equal(early.statusCode, 409, 'undecided documents block publishing');
  const noReason = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/decisions`, headers: e, payload: { itemIds: [item('repeal')], decision: 'repeal' } });
  assert.equal(noReason.statusCode, 400, '废止 needs a reason');
  for (const [k, decision, reason] of [['keep', 'keep', null], ['amend', 'amend', '与新修订的《社会救助暂行办法》不一致'], ['repeal', 'repeal', '上位法已废止'], ['expire', 'expire', '适用期已过']] as const) {
    const res = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/decisions`, headers: e, payload: { itemIds: [item(k)], decision, reason } });
    assert.equal(res.statusCode, 200, res.body);
  }
  const byEditor = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/publish`, headers: e, payload: {} });
  assert.equal(byEditor.statusCode, 403, 'publishing needs document.publish');
  const published = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/publish`, headers: r, payload: {} });
  assert.equal(published.statusCode, 200, published.body);
  assert.deepEqual([published.json().state, published.json().publishedOn], ['published', today()]);

  assert.equal(await status(docs.keep), 'in_force');
  assert.equal(await status(docs.amend), 'in_force', '修改 is only flagged; the status changes when the amending document comes');
  assert.equal(await status(docs.repeal), 'repealed');
  assert.equal(await status(docs.expire), 'expired');
  const notice = (await app.inject(`/api/v1/documents/${docs.repeal}/validity`)).json().notice;
  assert.match(notice, /宜昌市民政局关于公布规范性文件清理结果的通知/);

  const again = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/decisions`, headers: e, payload: { itemIds: [item('keep')], decision: 'repeal', reason: 'x' } });
  assert.equal(again.statusCode, 409, 'a published result cannot change');

  await ctx.services.outbox.idle();
  const outbox = await ctx.services.database.db.selectFrom('sys_outbox').select(['topic', 'payload']).where('topic', '=', 'document.validity_changed').execute();
  const changed = outbox.map((o) => JSON.parse(o.payload).documentId).sort();
  assert.deepEqual(changed, [docs.repeal, docs.expire].sort(), 'validity_changed for each affected document');

  const page = await app.inject(`/normative/cleanups/${id}`);
  assert.equal(page.statusCode, 200);
  for (const text of ['规范性文件清理结果', '宜昌市殡葬管理暂行规定', '废止', '上位法已废止', '继续有效', '失效', '适用期已过']) assert.ok(page.body.includes(text), text);
  const feed = await app.inject('/normative/cleanups/feed.atom');
  assert.equal(feed.statusCode, 200);
  assert.match(feed.body, /宜昌市民政局关于公布规范性文件清理结果的通知/);
  const library = await app.inject(`/normative?org=${ctx.dept.id}`);
  assert.match(library.body, new RegExp(`href="/normative/cleanups/${id}"`), 'linked from the organisation’s normative library');
});

test('publishing is all or nothing: a failure inside leaves the campaign, the statuses and the documents unchanged', async (t) => {
  const ctx = await setup(t);
  const { app, e, r, services, status } = ctx;
  const { id, docs, item } = await buildCampaign(ctx);
  await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/decisions`, headers: e, payload: { itemIds: [item('keep'), item('amend'), item('repeal'), item('expire')], decision: 'repeal', reason: '已被新规定取代' } });
  const documentsBefore = (await services.database.db.selectFrom('doc_document').select('id').execute()).length;
  const original = services.workflow.publishImported.bind(services.workflow);
  services.workflow.publishImported = async (...args) => {
    await original(...args);
    throw new Error('simulated failure after the effects applied');
  };
  t.after(() => {
    services.workflow.publishImported = original;
  });
  const res = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/publish`, headers: r, payload: {} });
  assert.equal(res.statusCode, 500);
  services.workflow.publishImported = original;
  assert.equal((await app.inject({ url: `/api/v1/normative/cleanups/${id}`, headers: e })).json().state, 'draft');
  for (const d of Object.values(docs)) assert.equal(await status(d), 'in_force');
  assert.equal((await services.database.db.selectFrom('doc_document').select('id').execute()).length, documentsBefore, 'no result document left behind');
  assert.equal((await services.database.db.selectFrom('doc_effect').select('id').execute()).length, 0);
  assert.equal((await app.inject(`/normative/cleanups/${id}`)).statusCode, 404, 'a draft campaign is not public');

  const ok = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${id}/publish`, headers: r, payload: {} });
  assert.equal(ok.statusCode, 200, 'after the failure the campaign can still be published');
  for (const d of Object.values(docs)) assert.equal(await status(d), 'repealed');
});

test('campaign scope and access: other organisations see nothing; only own published normative documents can be added', async (t) => {
  const ctx = await setup(t);
  const { app, e, x, dept, publish } = ctx;
  const created = (await app.inject({ method: 'POST', url: '/api/v1/normative/cleanups', headers: e, payload: { organisationId: dept.id, title: '专项清理' } })).json();
  const plain = await publish('工作简报', null);
  const bad = await app.inject({ method: 'POST', url: `/api/v1/normative/cleanups/${created.id}/items`, headers: e, payload: { documentIds: [plain] } });
  assert.equal(bad.statusCode, 400, 'a non-normative document cannot be added');
  assert.equal((await app.inject({ url: `/api/v1/normative/cleanups/${created.id}`, headers: x })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/normative/cleanups', headers: x })).json().items.length, 0);
  const foreign = await app.inject({ method: 'POST', url: '/api/v1/normative/cleanups', headers: x, payload: { organisationId: dept.id, title: '越权' } });
  assert.equal(foreign.statusCode, 400);
  const del = await app.inject({ method: 'DELETE', url: `/api/v1/normative/cleanups/${created.id}`, headers: x });
  assert.equal(del.statusCode, 404);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/normative/cleanups/${created.id}`, headers: e })).statusCode, 204);
});
