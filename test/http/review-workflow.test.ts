import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

/** A synthetic 18-digit ID: real address code 420502 (宜昌市西陵区), real date, GB 11643 check digit computed. */
function plantedId(birth = '19900307', seq = '123'): string {
  const first17 = `420502${birth}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[s % 11]!;
}

type Finding = { id: string; category: string; status: string; overridable: boolean; action: string; text: string; masked: string; location: { field: string | null; filename: string | null; label: string }; start: number; end: number };
type Review = { findings: Finding[]; blockingOpen: number; text: { body: string }; steps: { name: string; signedBy: string | null }[]; interpretation: { required: boolean; linked: boolean; plan: { dueOn: string | null } | null } };

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const { services, login } = ctx;
  const dept = await orgByName(services, '宜昌市司法局');
  const mk = async (roles: string[]) => {
    const u = await buildUser(services, dept.id, roles.map((role) => ({ role, orgId: dept.id })));
    return login(u.username, u.password);
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  return { ...ctx, dept, admin, editor: await mk(['editor']), reviewer: await mk(['reviewer']), reviewer2: await mk(['reviewer']), office: await mk(['office_admin']) };
}

test('planted IDs in the body and an attachment are found with locations; publish is refused until masked or overridden', async (t) => {
  const { app, dept, editor, reviewer, office } = await setup(t);
  const id = plantedId();
  const created = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '关于低保对象的公示', bodyHtml: `<p>申请人张某，身份证号 ${id}，联系电话 13912345678。</p>`, note: '无' } });
  assert.equal(created.statusCode, 201, created.body);
  const doc = created.json() as { id: string; edition: { id: string } };
  const up = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments?filename=${encodeURIComponent('名单.txt')}`, headers: { ...editor, 'content-type': 'application/octet-stream' }, payload: Buffer.from(`姓名,身份证号\n李某,${plantedId('19851120', '246')}\n`) });
  assert.equal(up.statusCode, 201, up.body);

  const get = async () => (await app.inject({ url: `/api/v1/review/documents/${doc.id}`, headers: reviewer })).json() as Review;
  let review = await get();
  const bodyId = review.findings.find((f) => f.category === 'id_card' && f.location.field === 'body');
  const fileId = review.findings.find((f) => f.category === 'id_card' && f.location.filename === '名单.txt');
  assert.ok(bodyId, JSON.stringify(review.findings));
  assert.ok(fileId, 'the ID in the attachment is found and names the file');
  assert.equal(review.text.body.slice(bodyId.start, bodyId.end), id, 'offsets point into the body text shown for highlighting');
  assert.equal(bodyId.masked, `${id.slice(0, 6)}********${id.slice(-4)}`, 'IDs keep the first 6 and the last 4');
  assert.ok(review.findings.some((f) => f.category === 'mobile'));
  assert.ok(review.blockingOpen >= 3);

  const act = (h: Record<string, string>, action: string) => app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action } });
  assert.equal((await act(editor, 'submit')).statusCode, 200);
  const refused = await act(reviewer, 'approve');
  assert.equal(refused.statusCode, 409, 'approval is refused while blocking findings are open');
  assert.match(refused.json().error.message, /阻止性问题/);
  // Back to the editor: reject, reopen, mask.
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: reviewer, payload: { action: 'reject', reason: '含个人信息' } })).statusCode, 200);
  assert.equal((await act(editor, 'reopen')).statusCode, 200);

  const noReason = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/findings/${fileId.id}/override`, headers: reviewer, payload: { reason: '' } });
  assert.equal(noReason.statusCode, 400, 'an override needs a reason');
  const byEditor = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/findings/${fileId.id}/override`, headers: editor, payload: { reason: '无' } });
  assert.equal(byEditor.statusCode, 403, 'only a reviewer overrides');

  for (const f of review.findings.filter((x) => x.action === 'mask' && x.status === 'open')) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/findings/${f.id}/mask`, headers: editor });
    assert.equal(r.statusCode, 200, r.body);
  }
  const reupload = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/findings/${fileId.id}/mask`, headers: editor });
  assert.equal(reupload.json().reupload, true);
  assert.match(reupload.json().message, /重新上传/);

  const body = (await app.inject({ url: `/api/v1/documents/${doc.id}`, headers: editor })).json().edition.bodyHtml as string;
  assert.ok(!body.includes(id), 'the ID is gone from the body');
  assert.ok(body.includes(bodyId.masked));
  review = await get();
  assert.ok(!review.findings.some((f) => f.location.field === 'body' && f.category === 'id_card'), 'the re-scan after the save no longer finds it');
  assert.ok(review.blockingOpen >= 1, 'the attachment still blocks');

  const o = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/findings/${fileId.id}/override`, headers: reviewer, payload: { reason: '公示名单依法须公开（测试）' } });
  assert.equal(o.statusCode, 200, o.body);
  assert.equal(o.json().status, 'overridden');
  assert.equal((await get()).blockingOpen, 0);

  assert.equal((await act(editor, 'submit')).statusCode, 200);
  assert.equal((await act(reviewer, 'approve')).statusCode, 200);
  const published = await act(reviewer, 'publish');
  assert.equal(published.statusCode, 200, published.body);

  const list = (await app.inject({ url: '/api/v1/review/overrides', headers: office })).json();
  assert.equal(list.total, 1);
  assert.equal(list.items[0].reason, '公示名单依法须公开（测试）');
  assert.ok(!JSON.stringify(list).includes(plantedId('19851120', '246')), 'the override list shows the masked form only');
});

test('review steps: 初审 then 终审 by two different named reviewers; approve signs the last step', async (t) => {
  const { app, dept, editor, reviewer, reviewer2, office } = await setup(t);
  const set = await app.inject({ method: 'PUT', url: `/api/v1/review/steps/${dept.id}`, headers: office, payload: { steps: ['初审', '终审'] } });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual(set.json().steps, ['初审', '终审']);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '步骤测试', bodyHtml: '<p>正文</p>', note: '无' } })).json();
  const act = (h: Record<string, string>, action: string) => app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action } });
  await act(editor, 'submit');
  const early = await act(reviewer, 'approve');
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /初审/);
  const signed = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${doc.id}/steps/0/sign`, headers: reviewer, payload: { note: '同意' } });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.ok(signed.json().steps[0].signedBy);
  assert.equal((await act(reviewer, 'approve')).statusCode, 409, 'the 初审 signer cannot also sign 终审');
  const ok = await act(reviewer2, 'approve');
  assert.equal(ok.statusCode, 200, ok.body);
  const review = (await app.inject({ url: `/api/v1/review/documents/${doc.id}`, headers: reviewer })).json() as Review;
  assert.ok(review.steps.every((s) => s.signedBy), 'both steps carry a named signer');
});

test('三同步: a marked kind cannot be published without a linked interpretation or a plan; the plan puts a to-do on the issuer', async (t) => {
  const { app, dept, editor, reviewer, admin } = await setup(t);
  const rule = await app.inject({ method: 'POST', url: '/api/v1/review/interpretation-rules', headers: admin, payload: { match: 'genre', value: '意见' } });
  assert.equal(rule.statusCode, 201, rule.body);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/review/interpretation-rules', headers: reviewer, payload: { match: 'genre', value: '决定' } })).statusCode, 403);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '关于促进就业的若干意见', genre: '意见', bodyHtml: '<p>正文</p>', note: '无' } })).json();
  const act = (h: Record<string, string>, action: string) => app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action } });
  await act(editor, 'submit');
  assert.equal((await act(reviewer, 'approve')).statusCode, 200);
  const refused = await act(reviewer, 'publish');
  assert.equal(refused.statusCode, 409);
  assert.match(refused.json().error.message, /三同步/);
  const plan = await app.inject({ method: 'PUT', url: `/api/v1/review/documents/${doc.id}/interpretation-plan`, headers: editor, payload: { plan: '由起草科室编写图文解读' } });
  assert.equal(plan.statusCode, 200, plan.body);
  assert.equal((await act(reviewer, 'publish')).statusCode, 200);
  const review = (await app.inject({ url: `/api/v1/review/documents/${doc.id}`, headers: editor })).json() as Review;
  assert.ok(review.interpretation.required);
  assert.ok(review.interpretation.plan?.dueOn, 'publishing starts the working-day clock');
  const todo = (await app.inject({ url: '/api/v1/todo', headers: editor })).json() as { items: { kind: string; id: string }[] };
  assert.ok(todo.items.some((i) => i.kind === 'missing_interpretation' && i.id === doc.id), JSON.stringify(todo));
});

test('re-scan of published content: a planted ID and a new dictionary word land in the queue; withdraw, mask-and-republish, dismiss', async (t) => {
  const { app, services, dept, editor, reviewer, reviewer2, admin } = await setup(t);
  const db = services.database.db;
  const publishClean = async (title: string) => {
    const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title, bodyHtml: '<p>正文内容</p>', note: '无' } })).json();
    for (const [h, a] of [[editor, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
      const r = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action: a } });
      assert.equal(r.statusCode, 200, r.body);
    }
    return doc as { id: string; edition: { id: string } };
  };
  const a = await publishClean('已发布文件甲');
  const b = await publishClean('已发布文件乙');
  const c = await publishClean('已发布文件丙');
  // Content published before the review existed: write the leak straight into the published editions.
  const id = plantedId('19770415', '311');
  for (const d of [a, b]) await db.updateTable('doc_edition').set({ body_html: `<p>经办人身份证 ${id}</p>`, body_text: `经办人身份证 ${id}` }).where('id', '=', d.edition.id).execute();
  assert.ok((await services.rescan.runAll()) >= 3);
  let queue = (await app.inject({ url: '/api/v1/review/queue', headers: reviewer })).json();
  assert.equal(queue.total, 2, JSON.stringify(queue));

  const itemA = queue.items.find((i: { documentId: string }) => i.documentId === a.id);
  assert.equal(itemA.findings[0].category, 'id_card');
  const w = await app.inject({ method: 'POST', url: `/api/v1/review/queue/${itemA.id}/withdraw`, headers: reviewer, payload: { reason: '含身份证号' } });
  assert.equal(w.statusCode, 204, w.body);
  assert.equal((await app.inject({ url: `/api/v1/documents/${a.id}`, headers: editor })).json().publicState, 'withdrawn');

  const itemB = queue.items.find((i: { documentId: string }) => i.documentId === b.id);
  const r = await app.inject({ method: 'POST', url: `/api/v1/review/queue/${itemB.id}/republish`, headers: reviewer, payload: { note: '身份证号脱敏' } });
  assert.equal(r.statusCode, 204, r.body);
  const bNow = (await app.inject({ url: `/api/v1/documents/${b.id}` })).json();
  assert.equal(bNow.edition.version, '1.1', 'a minor edition');
  assert.ok(!bNow.edition.bodyHtml.includes(id) && bNow.edition.bodyHtml.includes(`${id.slice(0, 6)}`), 'the public page shows the masked body');
  const retro = await app.inject({ method: 'POST', url: `/api/v1/documents/${b.id}/actions`, headers: reviewer2, payload: { action: 'approve_retrospectively' } });
  assert.equal(retro.statusCode, 200, 'a second reviewer approves the urgent correction afterwards');

  // A dictionary change re-scans at once (new version) and queues the document using the word.
  const word = await app.inject({ method: 'POST', url: '/api/v1/review/dictionary', headers: admin, payload: { word: '正文内容', kind: 'sensitive' } });
  assert.equal(word.statusCode, 201, word.body);
  await services.rescan.runAll();
  queue = (await app.inject({ url: '/api/v1/review/queue', headers: reviewer })).json();
  const itemC = queue.items.find((i: { documentId: string }) => i.documentId === c.id);
  assert.ok(itemC, JSON.stringify(queue));
  const d = await app.inject({ method: 'POST', url: `/api/v1/review/queue/${itemC.id}/dismiss`, headers: reviewer, payload: { reason: '误报' } });
  assert.equal(d.statusCode, 204);
  await services.rescan.runAll();
  queue = (await app.inject({ url: '/api/v1/review/queue', headers: reviewer })).json();
  assert.ok(!queue.items.some((i: { documentId: string }) => i.documentId === c.id), 'a dismissed finding does not come back');
  const audit = (await app.inject({ url: `/api/v1/audit?entityId=${c.id}&pageSize=50`, headers: admin })).json();
  assert.ok(audit.items.some((e: { action: string }) => e.action === 'review.queue_dismissed'));
});

test('dictionary: CRUD and bulk import are for administrators; imports update existing words', async (t) => {
  const { app, admin, reviewer } = await setup(t);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/review/dictionary', headers: reviewer, payload: { word: '甲', kind: 'sensitive' } })).statusCode, 403);
  const wrongNoCorrect = await app.inject({ method: 'POST', url: '/api/v1/review/dictionary', headers: admin, payload: { word: '国家工商总局', kind: 'wrong' } });
  assert.equal(wrongNoCorrect.statusCode, 400);
  const imp = await app.inject({ method: 'POST', url: '/api/v1/review/dictionary/import', headers: admin, payload: { kind: 'wrong', content: '词语,正确表述\n国家工商总局,国家市场监督管理总局\n国家质检总局,国家市场监督管理总局,high\n坏行\n' } });
  assert.equal(imp.statusCode, 200, imp.body);
  assert.deepEqual({ added: imp.json().added, skipped: imp.json().skipped }, { added: 2, skipped: 1 });
  const again = await app.inject({ method: 'POST', url: '/api/v1/review/dictionary/import', headers: admin, payload: { kind: 'wrong', content: '国家工商总局,国家市场监督管理总局,low' } });
  assert.deepEqual({ added: again.json().added, updated: again.json().updated }, { added: 0, updated: 1 });
  const list = (await app.inject({ url: '/api/v1/review/dictionary?kind=wrong', headers: reviewer })).json();
  assert.equal(list.total, 2);
  assert.equal(list.items.find((e: { word: string }) => e.word === '国家工商总局').severity, 'low');
  assert.ok(list.version >= 2, 'every change moves the version other instances reload from');
});

test('a scheduled edition whose review now blocks does not go live: it goes back to approved with the reason', async (t) => {
  const { app, services, dept, editor, reviewer, admin } = await setup(t);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '定时发布测试', bodyHtml: '<p>含有某敏感词组的正文</p>', note: '无' } })).json();
  const act = (h: Record<string, string>, action: string, extra: object = {}) => app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action, ...extra } });
  await act(editor, 'submit');
  assert.equal((await act(reviewer, 'approve')).statusCode, 200);
  const at = new Date(Date.now() + 3_600_000).toISOString();
  assert.equal((await act(reviewer, 'schedule', { publishAt: at })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/review/dictionary', headers: admin, payload: { word: '某敏感词组', kind: 'sensitive', severity: 'high' } })).statusCode, 201);
  assert.equal(await services.workflow.publishDue(new Date(Date.now() + 7_200_000).toISOString()), 0);
  const after = (await app.inject({ url: `/api/v1/documents/${doc.id}`, headers: editor })).json();
  assert.equal(after.edition.state, 'approved');
  assert.equal(after.publicState, 'none');
  const audit = (await app.inject({ url: `/api/v1/audit?entityId=${doc.id}&pageSize=50`, headers: admin })).json();
  const held = audit.items.find((e: { action: string }) => e.action === 'document.scheduled_publish_held');
  assert.ok(held, 'the hold is audited');
  assert.match(JSON.stringify(held), /阻止性问题/);
});
