import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, signedInStaff } from '../support/factories.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';
import { usccCheckChar } from '../../src/platform/text/identifiers.ts';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  return { ...ctx, ...(await signedInStaff(ctx, '宜昌市司法局')) };
}

test('draft → submit → approve → publish, with the four-eyes rule, 索引号, history and audit', async (t) => {
  const { app, services, dept, editor, reviewer } = await setup(t);
  const uscc = `11420500MB${'1234567'}`;
  const fullUscc = uscc + usccCheckChar(uscc);
  await services.organisations.update(systemActor(), dept.id, { uscc: fullUscc });
  const created = await app.inject({
    method: 'POST', url: '/api/v1/documents', headers: editor,
    payload: { organisationId: dept.id, title: '宜昌市司法局关于印发某办法的通知', bodyHtml: '<p onclick="x()">正文<script>alert(1)</script></p>', docNo: '宜司发[2024]005号', writtenOn: '2024-03-01', topic: '0201', genre: '通知' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const doc = created.json();
  assert.equal(doc.edition.state, 'draft');
  assert.equal(doc.edition.version, '1.0');
  assert.equal(doc.edition.docNo, '宜司发〔2024〕5号', '发文字号 is normalised');
  assert.ok(!/script|onclick/.test(doc.edition.bodyHtml), 'the body is sanitised');
  assert.match(doc.edition.bodyHtml, /正文/);

  const act = (headers: Record<string, string>, action: string, extra: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers, payload: { action, ...extra } });

  assert.equal((await act(editor, 'submit')).json().edition.state, 'submitted');
  const ownApproval = await act(editor, 'approve');
  assert.equal(ownApproval.statusCode, 403, 'an editor may not approve');
  assert.equal(ownApproval.json().error.code, 'TRANSITION_REFUSED');
  assert.match(ownApproval.json().error.message, /无法执行此操作/);
  const rejectWithoutReason = await act(reviewer, 'reject');
  assert.equal(rejectWithoutReason.statusCode, 400);
  assert.equal((await act(reviewer, 'approve')).json().edition.state, 'approved');
  const published = await act(reviewer, 'publish');
  assert.equal(published.statusCode, 200, published.body);
  const p = published.json();
  assert.equal(p.publicState, 'published');
  assert.equal(p.edition.state, 'published');
  assert.equal(p.indexNo, `${fullUscc}/${new Date().getUTCFullYear()}-00001`, 'default pattern {USCC}/{YYYY}-{seq:05}');

  const edit = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: editor, payload: { title: '改' } });
  assert.equal(edit.statusCode, 409, 'a published edition is not edited in place');

  const audit = await app.inject({ url: `/api/v1/audit?entityId=${doc.id}&pageSize=50`, headers: reviewer });
  assert.equal(audit.statusCode, 404, 'reviewers do not read the audit log');
});

test('a submitter who is also a reviewer still cannot approve or publish their own edition', async (t) => {
  const { app, services, login, dept } = await setup(t);
  const both = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }, { role: 'reviewer', orgId: dept.id }]);
  const h = await login(both.username, both.password);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: h, payload: { organisationId: dept.id, title: '自审文件' } })).json();
  await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action: 'submit' } });
  const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h, payload: { action: 'approve' } });
  assert.equal(res.statusCode, 403);
  assert.match(res.json().error.message, /提交人|本人|自己/);
});

test('optimistic locking: a stale lockVersion gets a clear conflict and changes nothing', async (t) => {
  const { app, dept, editor } = await setup(t);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '原标题' } })).json();
  const first = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: editor, payload: { title: '甲改', lockVersion: 0 } });
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().edition.lockVersion, 1);
  const stale = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: editor, payload: { title: '乙改', lockVersion: 0 } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'EDIT_CONFLICT');
  assert.equal((await app.inject({ url: `/api/v1/documents/${doc.id}`, headers: editor })).json().edition.title, '甲改');
});

test('duplicate 发文字号 in one organisation and impossible dates are refused', async (t) => {
  const { app, dept, editor } = await setup(t);
  const make = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '文件', ...payload } });
  assert.equal((await make({ docNo: '宜司发〔2024〕7号' })).statusCode, 201);
  const dup = await make({ docNo: '宜司发[2024]07号' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'DOC_NO_TAKEN');
  const bad = await make({ writtenOn: '2024-02-30' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'writtenOn');
});

test('scheduled publishing happens when due, also after a restart (state is in the database)', async (t) => {
  const { app, services, dept, editor, reviewer } = await setup(t);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '定时发布的通知' } })).json();
  const act = (headers: Record<string, string>, action: string, extra: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers, payload: { action, ...extra } });
  await act(editor, 'submit');
  await act(reviewer, 'approve');
  const past = await act(reviewer, 'schedule', { publishAt: '2020-01-01T00:00:00Z' });
  assert.equal(past.statusCode, 400, 'a time in the past is refused');
  const at = new Date(Date.now() + 3600_000).toISOString();
  const scheduled = await act(reviewer, 'schedule', { publishAt: at });
  assert.equal(scheduled.json().edition.state, 'scheduled');
  assert.equal(await services.workflow.publishDue(), 0, 'not yet due');
  assert.equal(await services.workflow.publishDue(new Date(Date.now() + 2 * 3600_000).toISOString()), 1);
  const after = (await app.inject({ url: `/api/v1/documents/${doc.id}`, headers: editor })).json();
  assert.equal(after.publicState, 'published');
  assert.equal(after.edition.state, 'published');
});

test('new editions: a major change needs a change note; publishing supersedes the old edition; withdraw needs a reason', async (t) => {
  const { app, dept, editor, reviewer } = await setup(t);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '第一版' } })).json();
  const act = (headers: Record<string, string>, action: string, extra: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers, payload: { action, ...extra } });
  await act(editor, 'submit');
  await act(reviewer, 'approve');
  const first = (await act(reviewer, 'publish')).json();

  const major = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions`, headers: editor, payload: { changeType: 'major' } });
  assert.equal(major.statusCode, 201);
  assert.equal(major.json().edition.version, '2.0');
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions`, headers: editor, payload: { changeType: 'minor' } })).statusCode, 409, 'one open edition at a time');
  const noNote = await act(editor, 'submit');
  assert.equal(noNote.statusCode, 400, 'a major change needs a change note');
  await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: editor, payload: { title: '第二版', changeNote: '调整适用范围' } });
  await act(editor, 'submit');
  await act(reviewer, 'approve');
  const second = (await act(reviewer, 'publish')).json();
  assert.equal(second.edition.version, '2.0');
  assert.equal(second.indexNo, first.indexNo, 'the 索引号 stays with the document');
  assert.notEqual(second.publishedEditionId, first.publishedEditionId);

  assert.equal((await act(reviewer, 'withdraw')).statusCode, 400);
  const withdrawn = await act(reviewer, 'withdraw', { reason: '内容已过时' });
  assert.equal(withdrawn.json().publicState, 'withdrawn');
});

test('the public reads only published editions, without review data; unpublished answers 410', async (t) => {
  const { app, dept, editor, reviewer, office } = await setup(t);
  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '公开的文件', bodyHtml: '<p>第一版正文</p>' } })).json();
  const act = (headers: Record<string, string>, action: string, extra: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers, payload: { action, ...extra } });
  assert.equal((await app.inject(`/api/v1/documents/${doc.id}`)).statusCode, 404, 'a draft is invisible to the public');
  await act(editor, 'submit');
  await act(reviewer, 'reject', { reason: '内部意见：措辞需调整' });
  await act(editor, 'reopen');
  await act(editor, 'submit');
  await act(reviewer, 'approve');
  await act(reviewer, 'publish');
  await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions`, headers: editor, payload: { changeType: 'minor' } });
  await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: editor, payload: { bodyHtml: '<p>尚未发布的修订稿</p>' } });

  const pub = await app.inject(`/api/v1/documents/${doc.id}`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.json().edition.bodyHtml, /第一版正文/);
  assert.ok(!pub.body.includes('尚未发布的修订稿'), 'the open edition never reaches the public');
  assert.ok(!pub.body.includes('内部意见'), 'review notes never reach the public');
  assert.equal(pub.json().edition.submittedBy, null);

  const gone = await act(office, 'unpublish', { reason: '依法撤销' });
  assert.equal(gone.statusCode, 200, gone.body);
  const res = await app.inject(`/api/v1/documents/${doc.id}`);
  assert.equal(res.statusCode, 410);
  assert.equal(res.json().error.code, 'GONE');
});

test('metadata rules are enforced by the server: date order and a reason for 不予公开', async (t) => {
  const { app, dept, editor } = await setup(t);
  const bad = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '日期倒置', writtenOn: '2024-05-01', effectiveFrom: '2024-04-01' } });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.ok(bad.json().error.fields.some((f: { path: string; message: string }) => f.path === 'effectiveFrom' && /[\u4e00-\u9fff]/.test(f.message)));
  const withheld = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '不予公开', disclosure: 'withheld' } });
  assert.equal(withheld.statusCode, 400);
  const ok = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: '不予公开', disclosure: 'withheld', disclosureReason: '涉及第三方商业秘密' } });
  assert.equal(ok.statusCode, 201);
});
