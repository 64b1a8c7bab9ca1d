import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const { app, services } = ctx;
  const dept = await orgByName(services, '宜昌市教育局');
  const bureau = await orgByName(services, '宜昌市司法局');
  const city = await orgByName(services, '宜昌市');
  const editor = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const reviewer = await buildUser(services, dept.id, [{ role: 'reviewer', orgId: dept.id }]);
  const judge = await buildUser(services, bureau.id, [{ role: 'judicial_reviewer', orgId: bureau.id }]);
  const office = await buildUser(services, city.id, [{ role: 'office_admin', orgId: city.id }]);
  const [e, r, j, o] = await Promise.all([editor, reviewer, judge, office].map((u) => ctx.login(u.username, u.password)));
  const publishNormative = async (title: string) => {
    const doc = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: e!,
        payload: { organisationId: dept.id, title, normativeKind: 'normative', effectiveFrom: '2024-01-01' },
      })
    ).json();
    for (const [h, action] of [
      [e, 'submit'],
      [r, 'approve'],
      [r, 'publish'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h!, payload: { action } });
      assert.equal(res.statusCode, 200, res.body);
    }
    await services.outbox.idle();
    return doc as { id: string };
  };
  const filingOf = async (documentId: string, headers = o!) => {
    const list = (await app.inject({ url: '/api/v1/normative/filings?pageSize=100', headers })).json();
    return list.items.find((f: { documentId: string }) => f.documentId === documentId);
  };
  return { ...ctx, dept, bureau, city, e: e!, r: r!, j: j!, o: o!, publishNormative, filingOf };
}

test('publishing a normative document opens a filing with the city 司法局, due 30 days later; file → review 通过', async (t) => {
  const { app, services, e, j, o, bureau, publishNormative, filingOf } = await setup(t);
  const doc = await publishNormative('宜昌市教育局关于规范校外培训的若干规定');
  const filing = await filingOf(doc.id);
  assert.ok(filing, 'a filing was opened on publication');
  assert.equal(filing.authority.id, bureau.id, 'a city department files with the city government, reviewed by the 司法局');
  assert.equal(filing.state, 'due');
  assert.equal(filing.dueOn, addDays(filing.publishedOn, 30));

  // An imported historical document opens none (it would be overdue on arrival).
  const imported = await publishNormative('宜昌市教育局历史文件');
  await services.database.db.deleteFrom('doc_filing').where('document_id', '=', imported.id).execute();
  await services.database.db.updateTable('doc_document').set({ source_key: 'import:1' }).where('id', '=', imported.id).execute();
  await services.filings.openFor(imported.id);
  assert.equal(await filingOf(imported.id), undefined);
  // A non-normative document opens none.
  const plain = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: e,
      payload: { organisationId: filing.issuer.id, title: '工作动态' },
    })
  ).json();
  assert.equal(await filingOf(plain.id), undefined);

  const early = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: j,
    payload: { result: 'passed' },
  });
  assert.equal(early.statusCode, 409, 'cannot review before filing');
  const byJudge = await app.inject({ method: 'POST', url: `/api/v1/normative/filings/${filing.id}/file`, headers: j, payload: {} });
  assert.equal(byJudge.statusCode, 403, 'the reviewer does not file for the issuer');

  const filed = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/file`,
    headers: e,
    payload: { note: '附起草说明、合法性审核意见' },
  });
  assert.equal(filed.statusCode, 200, filed.body);
  assert.equal(filed.json().state, 'filed');
  assert.equal(filed.json().filedOn, today());

  const reviewerList = (await app.inject({ url: '/api/v1/normative/filings?state=filed', headers: j })).json();
  assert.deepEqual(
    reviewerList.items.map((f: { id: string }) => f.id),
    [filing.id],
    'the bureau sees filings addressed to it',
  );
  const noOpinion = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: j,
    payload: { result: 'correction' },
  });
  assert.equal(noOpinion.statusCode, 400);
  const passed = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: j,
    payload: { result: 'passed' },
  });
  assert.equal(passed.statusCode, 200, passed.body);
  assert.deepEqual([passed.json().state, passed.json().resultName], ['reviewed', '通过']);

  const audit = (await app.inject({ url: '/api/v1/audit?pageSize=100', headers: o })).json();
  const actions = audit.items.map((a: { action: string }) => a.action);
  for (const a of ['normative.filing.open', 'normative.filing.file', 'normative.filing.review'])
    assert.ok(actions.includes(a), `${a} is audited`);
});

test('撤销 records a repeal from the given date through a published decision; 纠正 lets the issuer file again', async (t) => {
  const { app, e, j, publishNormative, filingOf } = await setup(t);
  const doc = await publishNormative('宜昌市教育局关于收费管理的通知');
  const filing = await filingOf(doc.id);
  await app.inject({ method: 'POST', url: `/api/v1/normative/filings/${filing.id}/file`, headers: e, payload: {} });
  const corr = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: j,
    payload: { result: 'correction', opinion: '第五条设定收费项目，超越权限' },
  });
  assert.equal(corr.json().canFile, false, 'the reviewer cannot file');
  assert.equal((await filingOf(doc.id, e)).canFile, true, 'after 纠正 the issuer files the corrected document again');
  const again = await app.inject({ method: 'POST', url: `/api/v1/normative/filings/${filing.id}/file`, headers: e, payload: {} });
  assert.equal(again.statusCode, 200, again.body);

  const revokedFrom = today();
  const revoked = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: j,
    payload: { result: 'revoked', opinion: '未予纠正', revokedFrom },
  });
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.ok(revoked.json().decisionDocumentId);
  const validity = (await app.inject(`/api/v1/documents/${doc.id}/validity?asOf=${revokedFrom}`)).json();
  assert.equal(validity.status, 'repealed');
  assert.equal(validity.since, revokedFrom);
  assert.match(validity.notice, /关于撤销《宜昌市教育局关于收费管理的通知》的决定/);
  assert.equal((await app.inject(`/api/v1/documents/${doc.id}/validity?asOf=${addDays(revokedFrom, -1)}`)).json().status, 'in_force');
  const decision = await app.inject(`/api/v1/documents/${revoked.json().decisionDocumentId}`);
  assert.equal(decision.statusCode, 200, 'the revocation decision is public');
});

test('overdue list for the openness office; a reviewer of another bureau and outsiders get 404', async (t) => {
  const { app, services, e, j, o, publishNormative, filingOf } = await setup(t);
  const doc = await publishNormative('宜昌市教育局关于学籍管理的规定');
  const filing = await filingOf(doc.id);
  const overdue = async (asOf: string) =>
    (await app.inject({ url: `/api/v1/normative/filings?overdue=true&asOf=${asOf}`, headers: o }))
      .json()
      .items.map((f: { id: string; overdue: string }) => [f.id, f.overdue]);
  assert.deepEqual(await overdue(filing.dueOn), [], 'not overdue on the due date');
  assert.deepEqual(await overdue(addDays(filing.dueOn, 1)), [[filing.id, 'not_filed']]);
  await app.inject({ method: 'POST', url: `/api/v1/normative/filings/${filing.id}/file`, headers: e, payload: {} });
  const reviewDue = (await filingOf(doc.id)).reviewDueOn;
  assert.equal(reviewDue, addDays(today(), 30));
  assert.deepEqual(await overdue(addDays(reviewDue, 1)), [[filing.id, 'not_reviewed']]);

  // A county 司法局's reviewer: not addressed, so the filing does not exist for them.
  const county = await orgByName(services, '夷陵区');
  const countyBureau = await services.organisations.create(systemActor(), {
    name: '夷陵区司法局',
    kind: 'department',
    parentId: county.id,
  } as never);
  const other = await buildUser(services, countyBureau.id, [{ role: 'judicial_reviewer', orgId: countyBureau.id }]);
  const oh = await (async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: other.username, password: other.password },
    });
    return {
      cookie: `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
  })();
  assert.equal((await app.inject({ url: `/api/v1/normative/filings/${filing.id}`, headers: oh })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/normative/filings', headers: oh })).json().total, 0);
  const review = await app.inject({
    method: 'POST',
    url: `/api/v1/normative/filings/${filing.id}/review`,
    headers: oh,
    payload: { result: 'passed' },
  });
  assert.equal(review.statusCode, 404, 'same answer as not found');
  assert.equal((await app.inject({ url: `/api/v1/normative/filings/${filing.id}`, headers: j })).statusCode, 200);
  assert.equal((await app.inject({ url: `/api/v1/normative/filings/${filing.id}` })).statusCode, 401);

  // A county government's documents are filed with the city 司法局; its departments' with the county 司法局.
  const countyAuthority = (await app.inject({ url: `/api/v1/normative/filing-authorities/${county.id}`, headers: o })).json();
  assert.equal(countyAuthority.authority.name, '宜昌市司法局');
  const countyDept = await services.organisations.create(systemActor(), {
    name: '夷陵区教育局',
    kind: 'department',
    parentId: county.id,
  } as never);
  assert.equal(
    (await app.inject({ url: `/api/v1/normative/filing-authorities/${countyDept.id}`, headers: o })).json().authority.name,
    '夷陵区司法局',
  );
  // The office may set it explicitly; not-yet-filed filings follow.
  const set = await app.inject({
    method: 'PUT',
    url: `/api/v1/normative/filing-authorities/${countyDept.id}`,
    headers: o,
    payload: { authorityOrgId: countyBureau.id },
  });
  assert.deepEqual([set.statusCode, set.json().configured], [200, true]);
  const byEditor = await app.inject({
    method: 'PUT',
    url: `/api/v1/normative/filing-authorities/${countyDept.id}`,
    headers: e,
    payload: { authorityOrgId: countyBureau.id },
  });
  assert.equal(byEditor.statusCode, 404);
});

test('filings appear on 工作待办: the issuer sees what to file, the judicial bureau what to review', async (t) => {
  const { app, e, j, publishNormative, filingOf } = await setup(t);
  const doc = await publishNormative('宜昌市教育局关于学生资助工作的规定');
  const filing = await filingOf(doc.id);
  const todo = async (headers: Record<string, string>) =>
    (await app.inject({ url: '/api/v1/todo', headers })).json() as {
      items: { kind: string; id: string; urgent: boolean; detail: string; dueOn: string }[];
    };

  const issuerList = (await todo(e)).items.filter((i) => i.kind === 'normative_filing');
  assert.deepEqual(
    issuerList.map((i) => [i.id, i.dueOn, i.urgent]),
    [[filing.id, filing.dueOn, false]],
  );
  assert.match(issuerList[0]!.detail, /报送宜昌市司法局备案/);
  assert.deepEqual(
    (await todo(j)).items.filter((i) => i.kind === 'normative_filing'),
    [],
    'nothing to review before it is filed',
  );

  assert.equal(
    (await app.inject({ method: 'POST', url: `/api/v1/normative/filings/${filing.id}/file`, headers: e, payload: {} })).statusCode,
    200,
  );
  assert.deepEqual(
    (await todo(e)).items.filter((i) => i.kind === 'normative_filing'),
    [],
    'filed: off the issuer’s list',
  );
  const review = (await todo(j)).items.filter((i) => i.kind === 'normative_filing');
  assert.deepEqual(
    review.map((i) => i.id),
    [filing.id],
  );
  assert.match(review[0]!.detail, /请审查并记录结果/);
});
