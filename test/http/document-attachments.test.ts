import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { minimalDocx, minimalPdf } from '../../src/platform/files/test-fixtures.ts';

// 1×1 PNG (a real, complete image).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Files written under the data directory's blob store. */
function blobsIn(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

async function setup(t: TestContext, env: Record<string, string> = {}) {
  // Own data directory (also on PostgreSQL, where the test app would otherwise share /tmp), to count blobs.
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-attach-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const ctx = await buildTestApp(t, { GONGKAI_DATA_DIR: dataDir, ...env });
  const { services, login, app } = ctx;
  const county = await orgByName(services, '西陵区');
  const otherCounty = await orgByName(services, '伍家岗区');
  const user = async (orgId: string, role: string) => {
    const u = await buildUser(services, orgId, [{ role, orgId }]);
    return login(u.username, u.password);
  };
  const editor = await user(county.id, 'editor');
  const reviewer = await user(county.id, 'reviewer');
  const stranger = await user(otherCounty.id, 'editor');
  const createDraft = async (title: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: county.id, title, bodyHtml: '<p>正文见附件。</p>' } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; slug: string; edition: { id: string } };
  };
  const upload = (docId: string, editionId: string, filename: string, data: Buffer, headers = editor) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/documents/${docId}/editions/${editionId}/attachments?filename=${encodeURIComponent(filename)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: data,
    });
  const act = async (id: string, headers: Record<string, string>, action: string) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers, payload: { action } });
    assert.equal(r.statusCode, 200, r.body);
  };
  const publish = async (id: string) => {
    // Images are not read by the review scanner (no OCR): the reviewer records the manual check as an override.
    const review = (await app.inject({ url: `/api/v1/review/documents/${id}`, headers: reviewer })).json() as { findings: { id: string; status: string; overridable: boolean }[] };
    for (const f of review.findings.filter((x) => x.status === 'open' && x.overridable)) {
      const o = await app.inject({ method: 'POST', url: `/api/v1/review/documents/${id}/findings/${f.id}/override`, headers: reviewer, payload: { reason: '已人工审查附件内容' } });
      assert.equal(o.statusCode, 200, o.body);
    }
    await act(id, editor, 'submit');
    await act(id, reviewer, 'approve');
    await act(id, reviewer, 'publish');
    await services.outbox.idle();
  };
  return { ...ctx, dataDir, county, editor, reviewer, stranger, createDraft, upload, publish };
}

test('upload → text extracted → publish → a phrase found only in the attached PDF finds the document', async (t) => {
  const { app, createDraft, upload, publish, dataDir, editor } = await setup(t);
  const doc = await createDraft('西陵区老旧小区改造实施方案');
  const pdf = minimalPdf([['Annex one', '燃气管道更新改造专项资金'], ['第二页']]);
  const res = await upload(doc.id, doc.edition.id, '附件1：资金安排.pdf', pdf);
  assert.equal(res.statusCode, 201, res.body);
  const att = res.json();
  assert.equal(att.name, '附件1：资金安排.pdf');
  assert.equal(att.mime, 'application/pdf');
  assert.equal(att.kind, 'pdf');
  assert.equal(att.size, pdf.length);
  assert.ok(att.textChars > 10, 'the PDF text was extracted');
  assert.equal(blobsIn(dataDir).length, 1);

  const docx = await upload(doc.id, doc.edition.id, '附件2.docx', minimalDocx([['', '起草说明：居民意见征集情况']]));
  assert.equal(docx.statusCode, 201, docx.body);
  const png = await upload(doc.id, doc.edition.id, '示意图.png', PNG);
  assert.equal(png.statusCode, 201, png.body);
  assert.equal(png.json().textChars, 0, 'images yield no text');

  const list = await app.inject({ url: `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`, headers: editor });
  assert.deepEqual(list.json().items.map((a: { name: string }) => a.name), ['附件1：资金安排.pdf', '附件2.docx', '示意图.png']);
  assert.equal((await app.inject(`/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`)).statusCode, 401, 'the staff list needs a signed-in user');
  assert.equal((await app.inject(att.url)).statusCode, 404, 'a draft attachment is not public');

  await publish(doc.id);
  const search = async (q: string) => (await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
  const hits = await search('燃气管道更新改造');
  assert.equal(hits.total, 1, JSON.stringify(hits));
  assert.equal(hits.items[0].id, doc.id);
  assert.equal((await search('居民意见征集')).items[0]?.id, doc.id, 'DOCX text is indexed too');
  // The title still outranks: a word from the title finds it as well.
  assert.equal((await search('老旧小区')).items[0]?.id, doc.id);

  const pub = (await app.inject(`/api/v1/documents/${doc.id}`)).json();
  assert.deepEqual(pub.attachments.map((a: { name: string }) => a.name), ['附件1：资金安排.pdf', '附件2.docx', '示意图.png']);
  const download = await app.inject(pub.attachments[0].url);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.equal(download.headers['content-disposition'], `inline; filename="__1_____.pdf"; filename*=UTF-8''${encodeURIComponent('附件1：资金安排.pdf')}`);
  assert.deepEqual(download.rawPayload, pdf);
  const word = await app.inject(pub.attachments[1].url);
  assert.match(String(word.headers['content-disposition']), /^attachment; /, 'office files are downloaded, not opened');
});

test('a name that disagrees with the content, an unsupported type, an empty or damaged file: clear errors, nothing stored', async (t) => {
  const { app, createDraft, upload, dataDir, editor } = await setup(t);
  const doc = await createDraft('类型检查');
  const cases: [string, Buffer, number, string, RegExp][] = [
    ['通知.pdf', minimalDocx([['', '正文']]), 400, 'ATTACHMENT_MISMATCH', /附件内容与扩展名不符：文件名为 \.pdf，实际内容是 Word 文档/],
    ['图片.jpg', PNG, 400, 'ATTACHMENT_MISMATCH', /实际内容是 PNG 图片/],
    ['通知.pdf', Buffer.from('<!doctype html><script>alert(1)</script>'), 400, 'ATTACHMENT_MISMATCH', /不符/],
    ['setup.exe', Buffer.from('MZ\x90\x00\x03'), 415, 'ATTACHMENT_UNSUPPORTED', /不支持的附件类型“\.exe”/],
    ['空.pdf', Buffer.alloc(0), 400, 'ATTACHMENT_EMPTY', /空文件/],
    ['坏.pdf', Buffer.from('%PDF-1.4\ngarbage that is not a pdf'), 400, 'ATTACHMENT_DAMAGED', /已损坏/],
  ];
  for (const [name, data, status, code, message] of cases) {
    const res = await upload(doc.id, doc.edition.id, name, data);
    assert.equal(res.statusCode, status, `${name}: ${res.body}`);
    assert.equal(res.json().error.code, code, name);
    assert.match(res.json().error.message, message, name);
  }
  const noName = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`, headers: { ...editor, 'content-type': 'application/octet-stream' }, payload: PNG });
  assert.equal(noName.statusCode, 400);
  assert.equal(blobsIn(dataDir).length, 0, 'no blob was written');
  const after = (await app.inject({ url: `/api/v1/documents/${doc.id}` , headers: editor })).json();
  assert.deepEqual(after.attachments ?? [], []);
});

test('an oversized upload is refused with the limit in MB and nothing is written', async (t) => {
  const { createDraft, upload, dataDir } = await setup(t, { GONGKAI_ATTACHMENT_MAX_MB: '1' });
  const doc = await createDraft('大文件');
  const big = Buffer.concat([minimalPdf([['x']]), Buffer.alloc(1_048_576)]);
  const res = await upload(doc.id, doc.edition.id, '大.pdf', big);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().error.code, 'ATTACHMENT_TOO_LARGE');
  assert.match(res.json().error.message, /不能超过 1 MB/);
  assert.deepEqual(blobsIn(dataDir), []);
});

test("another county's editor gets the same answer as for a missing document; anonymous writes need sign-in", async (t) => {
  const { app, createDraft, upload, stranger, editor } = await setup(t);
  const doc = await createDraft('权限');
  const att = (await upload(doc.id, doc.edition.id, '附件.png', PNG)).json();
  const base = `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`;
  const missing = `/api/v1/documents/${doc.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/editions/${doc.edition.id}/attachments`;
  const attempts = [
    (b: string) => upload(b.split('/')[4]!, doc.edition.id, 'x.png', PNG, stranger),
    (b: string) => app.inject({ url: b, headers: stranger }),
    (b: string) => app.inject({ url: `${b}/${att.id}`, headers: stranger }),
    (b: string) => app.inject({ method: 'PATCH', url: `${b}/${att.id}`, headers: stranger, payload: { accessible: true } }),
    (b: string) => app.inject({ method: 'PUT', url: `${b}/order`, headers: stranger, payload: { ids: [att.id] } }),
    (b: string) => app.inject({ method: 'DELETE', url: `${b}/${att.id}`, headers: stranger }),
  ];
  for (const attempt of attempts) {
    const [forbidden, absent] = [await attempt(base), await attempt(missing)];
    assert.equal(forbidden.statusCode, 404, forbidden.body);
    assert.deepEqual(forbidden.json(), absent.json(), 'indistinguishable from a missing document');
  }
  const anonymous = await app.inject({ method: 'POST', url: `${base}?filename=x.png`, headers: { 'content-type': 'application/octet-stream' }, payload: PNG });
  assert.equal(anonymous.statusCode, 401);
  // Nothing changed.
  const list = (await app.inject({ url: base, headers: editor })).json().items;
  assert.deepEqual(list.map((a: { id: string; accessible: boolean }) => [a.id, a.accessible]), [[att.id, false]]);
});

test('metadata, order, HTML version, deletion; only editable editions change; every change is audited', async (t) => {
  const { app, services, createDraft, upload, editor, reviewer, dataDir } = await setup(t);
  const doc = await createDraft('无障碍版本');
  const base = `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`;
  const pdf = (await upload(doc.id, doc.edition.id, '方案.pdf', minimalPdf([['plan']]))).json();
  const html = (await upload(doc.id, doc.edition.id, '方案.html', Buffer.from('<html><head><title>方案</title></head><body><h1>方案</h1><p>网页版正文</p><script>alert(1)</script></body></html>'))).json();
  const png = (await upload(doc.id, doc.edition.id, '图.png', PNG)).json();

  const wrongWay = await app.inject({ method: 'PATCH', url: `${base}/${pdf.id}`, headers: editor, payload: { htmlVersionOf: html.id } });
  assert.equal(wrongWay.statusCode, 400);
  assert.equal(wrongWay.json().error.code, 'ATTACHMENT_VERSION_INVALID');
  const linked = await app.inject({ method: 'PATCH', url: `${base}/${html.id}`, headers: editor, payload: { htmlVersionOf: pdf.id, name: '方案（网页版）' } });
  assert.equal(linked.statusCode, 200, linked.body);
  const items = linked.json().items as { id: string; name: string; preferred: boolean; original: boolean; accessible: boolean }[];
  assert.deepEqual(items.map((a) => [a.name, a.preferred, a.original, a.accessible]), [
    ['方案（网页版）.html', true, false, true],
    ['方案.pdf', false, true, false],
    ['图.png', false, false, false],
  ], 'the HTML version comes first and is marked accessible; a rename keeps the extension');

  const badOrder = await app.inject({ method: 'PUT', url: `${base}/order`, headers: editor, payload: { ids: [png.id] } });
  assert.equal(badOrder.json().error.code, 'ATTACHMENT_ORDER_INVALID');
  const reordered = await app.inject({ method: 'PUT', url: `${base}/order`, headers: editor, payload: { ids: [png.id, pdf.id, html.id] } });
  assert.deepEqual(reordered.json().items.map((a: { id: string }) => a.id), [png.id, html.id, pdf.id], 'the HTML version stays just before its PDF');

  // The served HTML is sanitised and sandboxed.
  const page = await app.inject({ url: `${base}/${html.id}`, headers: editor });
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(String(page.headers['content-security-policy']), /sandbox/);
  assert.match(page.body, /网页版正文/);
  assert.ok(!page.body.includes('<script'), page.body);
  const raw = await app.inject({ url: `${base}/${html.id}?download=1`, headers: editor });
  assert.match(String(raw.headers['content-disposition']), /^attachment; /);
  assert.notEqual(raw.headers['content-type'], 'text/html; charset=utf-8', 'the original HTML is only ever a download');

  const del = await app.inject({ method: 'DELETE', url: `${base}/${pdf.id}`, headers: editor });
  assert.equal(del.statusCode, 204);
  const left = (await app.inject({ url: base, headers: editor })).json().items;
  assert.deepEqual(left.map((a: { id: string; htmlVersionOf: string | null }) => [a.id, a.htmlVersionOf]), [[png.id, null], [html.id, null]], 'the HTML version stands alone again');
  assert.equal(blobsIn(dataDir).length, 2, 'the PDF blob is gone');

  await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: editor, payload: { action: 'submit' } });
  const locked = [
    await upload(doc.id, doc.edition.id, 'late.png', Buffer.concat([PNG])),
    await app.inject({ method: 'PATCH', url: `${base}/${png.id}`, headers: editor, payload: { accessible: true } }),
    await app.inject({ method: 'DELETE', url: `${base}/${png.id}`, headers: editor }),
  ];
  for (const res of locked) {
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'DOC_NOT_EDITABLE');
    assert.match(res.json().error.message, /待审核/);
  }
  assert.equal((await app.inject({ url: `${base}/${png.id}`, headers: reviewer })).statusCode, 200, 'reviewers read draft attachments');

  const actions = await auditActions(services, doc.id);
  for (const a of ['document.attachment_add', 'document.attachment_update', 'document.attachment_reorder', 'document.attachment_delete']) assert.ok(actions.includes(a), `${a} in ${actions.join()}`);
});

async function auditActions(services: Awaited<ReturnType<typeof buildTestApp>>['services'], entityId: string): Promise<string[]> {
  const rows = await services.database.db.selectFrom('aud_log').select('action').where('entity_id', '=', entityId).execute();
  return rows.map((r) => r.action);
}

test('a new edition copies the attachments by reference; the published edition keeps its own; drafts never download publicly', async (t) => {
  const { app, createDraft, upload, publish, editor, dataDir } = await setup(t);
  const doc = await createDraft('修订');
  const first = (await upload(doc.id, doc.edition.id, '原附件.pdf', minimalPdf([['first edition annex']]))).json();
  await publish(doc.id);
  const next = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/editions`, headers: editor, payload: { changeType: 'minor', changeNote: '更换附件' } });
  assert.equal(next.statusCode, 201, next.body);
  const edition2 = next.json().edition.id as string;
  const copied = next.json().attachments as { id: string; name: string; url: string }[];
  assert.deepEqual(copied.map((a) => a.name), ['原附件.pdf']);
  assert.notEqual(copied[0]!.id, first.id, 'the new edition has its own attachment rows');
  assert.equal(blobsIn(dataDir).length, 1, '…sharing the same blob');

  const added = (await upload(doc.id, edition2, '新增附件.png', PNG)).json();
  const del = await app.inject({ method: 'DELETE', url: `/api/v1/documents/${doc.id}/editions/${edition2}/attachments/${copied[0]!.id}`, headers: editor });
  assert.equal(del.statusCode, 204);
  assert.equal(blobsIn(dataDir).length, 2, 'the published edition still uses the PDF blob, so it stays');

  // The public still sees the published edition's attachment; the draft's is not downloadable publicly.
  const pub = (await app.inject(`/api/v1/documents/${doc.id}`)).json();
  assert.deepEqual(pub.attachments.map((a: { name: string }) => a.name), ['原附件.pdf']);
  assert.equal((await app.inject(pub.attachments[0].url)).statusCode, 200);
  assert.equal((await app.inject(added.url)).statusCode, 404);
  assert.equal((await app.inject({ url: added.url, headers: editor })).statusCode, 200, 'staff can read the draft attachment');
  const deletedOne = await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments/${first.id}`, headers: editor, payload: { accessible: true } });
  assert.equal(deletedOne.statusCode, 409, 'the published edition cannot be changed');
});

test('the portal page lists the HTML version first as the one to read and offers the PDF as 原件下载', async (t) => {
  const { app, createDraft, upload, publish, editor } = await setup(t);
  const doc = await createDraft('网页版优先');
  const base = `/api/v1/documents/${doc.id}/editions/${doc.edition.id}/attachments`;
  const pdf = (await upload(doc.id, doc.edition.id, '实施细则.pdf', minimalPdf([['rules']]))).json();
  const png = (await upload(doc.id, doc.edition.id, '流程图.png', PNG)).json();
  const html = (await upload(doc.id, doc.edition.id, '实施细则.html', Buffer.from('<html><body><p>细则网页版</p></body></html>'))).json();
  await app.inject({ method: 'PATCH', url: `${base}/${html.id}`, headers: editor, payload: { htmlVersionOf: pdf.id } });
  await publish(doc.id);

  const page = await app.inject({ url: `/documents/${doc.slug}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  const section = /<section class="doc-attachments"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  const order = [...section.matchAll(/data-attachment="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order, [html.id, pdf.id, png.id]);
  assert.match(section, /实施细则\.html<\/a>.*网页版，推荐阅读.*无障碍/s);
  assert.match(section, new RegExp(`原件下载：<a href="${pdf.url}\\?download=1"`));
  assert.match(section, /流程图\.png<\/a><span class="attachment-meta">（图片，\d+ B）/);
  // The public download of the HTML version is sanitised and sandboxed.
  const served = await app.inject(html.url);
  assert.equal(served.statusCode, 200);
  assert.match(String(served.headers['content-security-policy']), /sandbox/);
  assert.equal(served.headers['cache-control'], 'public, max-age=300');
});
