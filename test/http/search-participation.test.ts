// Consultations and meetings share the site search with documents and Q&As: found once public, with their own
// facet, gone when withdrawn, and never with a draft's text or a meeting's confidential item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, orgByName } from '../support/factories.ts';
import { consultationBody, publishedConsultation, setupConsultations } from './consultations.support.ts';

type Hit = { id: string; url: string; kind: string; title: string };
type Result = { total: number; items: Hit[]; facets: { kind: { value: string; count: number }[] } };

test('a consultation is searchable from publication to its adoption report, not as a draft, and leaves the index when withdrawn', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, services, editor } = ctx;
  const search = async (q: string, extra = ''): Promise<Result> => {
    await services.outbox.idle();
    return (await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`)).json();
  };

  const draft = await app.inject({
    method: 'POST',
    url: '/api/v1/consultations',
    headers: editor,
    payload: consultationBody(ctx.dept.id, {
      title: '关于《宜昌市古树名木保护办法（征求意见稿）》公开征求意见',
      draftText: '第一条　为了保护古树名木，制定本办法。',
    }),
  });
  assert.equal(draft.statusCode, 201, draft.body);
  assert.equal((await search('古树名木')).total, 0, 'a draft consultation is not indexed');

  const id = await publishedConsultation(ctx);
  const found = await search('绿地率');
  assert.equal(found.total, 1, 'the draft text of a published consultation is searchable');
  assert.equal(found.items[0]!.id, id);
  assert.equal(found.items[0]!.kind, 'consultation');
  assert.equal(found.items[0]!.url, `/consultations/${id}`);
  assert.deepEqual(found.facets.kind, [{ value: 'consultation', count: 1 }]);
  assert.equal((await search('绿化', '&kind=consultation')).total, 1, 'the kind filter keeps it');
  assert.equal((await search('绿化', '&kind=document')).total, 0);

  const portal = await app.inject(`/search?q=${encodeURIComponent('绿地率')}`);
  assert.equal(portal.statusCode, 200);
  assert.match(portal.body, /<dt>类别<\/dt><dd>意见征集<\/dd>/, 'the portal names the kind');
  assert.ok(portal.body.includes(`/consultations/${id}`));

  const withdrawn = await app.inject({
    method: 'POST',
    url: `/api/v1/consultations/${id}/withdraw`,
    headers: editor,
    payload: { reason: '上位法修订，暂停制定' },
  });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.equal((await search('绿地率')).total, 0, 'a withdrawn consultation leaves the index');

  // A late replay of an earlier event does not bring it back.
  await services.consultationIndexer.sync(id, 1);
  assert.equal((await search('绿地率')).total, 0);
});

test('the adoption report of a concluded consultation is searchable', async (t) => {
  const ctx = await setupConsultations(t);
  const id = await publishedConsultation(ctx);
  ctx.setToday('2026-04-01');
  const result = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/consultations/${id}/result`,
    headers: ctx.editor,
    payload: { summary: '共收到意见 0 条。经研究，对屋顶绿化折算比例作了补充规定。' },
  });
  assert.equal(result.statusCode, 200, result.body);
  await ctx.services.outbox.idle();
  const hits = (await ctx.app.inject(`/api/v1/search?q=${encodeURIComponent('屋顶绿化折算')}`)).json() as Result;
  assert.deepEqual(
    hits.items.map((h) => h.id),
    [id],
  );
});

test('a published meeting is searchable by its press release and public decided items, never by a confidential one; withdrawn, it is gone', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, services } = ctx;
  const gov = await orgByName(services, '宜昌市');
  const office = await buildUser(services, gov.id, [{ role: 'office_admin', orgId: gov.id }]);
  const h = await ctx.login(office.username, office.password);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/meetings/manage',
    headers: h,
    payload: {
      orgId: gov.id,
      kind: 'executive',
      sessionNo: 7,
      heldOn: '2026-03-05',
      pressRelease: '会议听取了全市春季森林防火工作情况汇报。',
      items: [
        { text: '原则通过《宜昌市智慧停车三年行动方案》。', confidential: false },
        { text: '研究某机密调度事项。', confidential: true },
      ],
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const search = async (q: string): Promise<Result> => {
    await services.outbox.idle();
    return (await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
  };
  assert.equal((await search('森林防火')).total, 0, 'a draft meeting is not indexed');

  const act = async (type: string) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/meetings/manage/${id}/actions`, headers: h, payload: { type } });
    assert.equal(r.statusCode, 200, r.body);
  };
  await act('publish');
  const byRelease = await search('森林防火');
  assert.deepEqual(
    byRelease.items.map((x) => [x.id, x.kind, x.url]),
    [[id, 'meeting', `/meetings/${id}`]],
  );
  assert.equal((await search('智慧停车')).total, 1, 'a public decided item is searchable');
  assert.equal((await search('机密调度')).total, 0, 'a confidential decided item is not');

  await act('withdraw');
  assert.equal((await search('森林防火')).total, 0, 'a withdrawn meeting leaves the index');
});
