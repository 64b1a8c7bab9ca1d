import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildTestApp } from '../support/app.ts';
import { signedInStaff } from '../support/factories.ts';
import { contentHash, GENESIS_HASH, verifyChain, type LedgerEntry } from '../../src/modules/ledger/index.ts';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const ctx = await buildTestApp(t);
  const { dept, ...h } = await signedInStaff(ctx, '宜昌市司法局');
  const publish = async (title: string) => {
    const doc = (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: h.editor,
        payload: { organisationId: dept.id, title, bodyHtml: `<p>${title}正文</p>` },
      })
    ).json();
    const act = (headers: Record<string, string>, action: string, extra: object = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers, payload: { action, ...extra } });
    await act(h.editor, 'submit');
    await act(h.reviewer, 'approve');
    const res = await act(h.reviewer, 'publish');
    assert.equal(res.statusCode, 200, res.body);
    return { doc: res.json(), act };
  };
  return { ...ctx, dept, h, publish };
}

test('publication, withdrawal and unpublication append a hash chain anyone can re-check', async (t) => {
  const { app, h, publish } = await setup(t);
  const a = await publish('存证测试文件甲');
  const b = await publish('存证测试文件乙');
  assert.equal((await b.act(h.reviewer, 'withdraw', { reason: '内容有误' })).statusCode, 200);

  const res = await app.inject({ url: '/api/v1/ledger' });
  assert.equal(res.statusCode, 200, 'the ledger is public');
  const { head, items } = res.json() as { head: { entries: number; entryHash: string }; items: LedgerEntry[] };
  assert.deepEqual(
    items.map((e) => [e.seq, e.action, e.documentId]),
    [
      [1, 'publish', a.doc.id],
      [2, 'publish', b.doc.id],
      [3, 'withdraw', b.doc.id],
    ],
  );
  assert.equal(items[0]!.prevHash, GENESIS_HASH);
  assert.equal(head.entries, 3);
  assert.equal(head.entryHash, items[2]!.entryHash);
  assert.deepEqual(verifyChain(items), [], 'the published rule re-computes every entry hash');
  // The content hash is the documented one over the published fields.
  const e = a.doc.edition;
  assert.equal(
    items[0]!.contentHash,
    contentHash({
      title: e.title,
      docNo: e.docNo,
      indexNo: a.doc.indexNo,
      writtenOn: e.writtenOn,
      effectiveFrom: e.effectiveFrom ?? null,
      expiresOn: e.expiresOn ?? null,
      bodyHtml: e.bodyHtml,
      attachments: [],
    }),
  );
  assert.ok(!JSON.stringify(items).includes('存证测试'), 'entries carry hashes and ids, never text');

  const byDoc = (await app.inject({ url: `/api/v1/ledger?documentId=${b.doc.id}` })).json();
  assert.deepEqual(
    byDoc.items.map((x: LedgerEntry) => x.seq),
    [2, 3],
  );
  const paged = (await app.inject({ url: '/api/v1/ledger?after=1&limit=1' })).json();
  assert.deepEqual(
    paged.items.map((x: LedgerEntry) => x.seq),
    [2],
  );
});

test('verification finds a published text changed behind the application, and a rewritten entry', async (t) => {
  const { app, services, h, publish } = await setup(t);
  const a = await publish('存证校验文件');
  await publish('另一份文件');
  assert.equal((await app.inject({ url: '/api/v1/ledger/verify' })).statusCode, 404, 'the public cannot run the full check');
  const clean = await app.inject({ url: '/api/v1/ledger/verify', headers: h.office });
  assert.equal(clean.statusCode, 200, clean.body);
  assert.deepEqual([clean.json().ok, clean.json().entries], [true, 2]);

  const db = services.database.db;
  await db.updateTable('doc_edition').set({ body_html: '<p>被悄悄改过的正文</p>' }).where('id', '=', a.doc.edition.id).execute();
  const altered = (await app.inject({ url: '/api/v1/ledger/verify', headers: h.office })).json();
  assert.equal(altered.ok, false);
  assert.deepEqual(altered.alteredEditions, [{ documentId: a.doc.id, editionId: a.doc.edition.id, seq: 1 }]);
  assert.deepEqual(altered.chainProblems, []);

  await db.updateTable('pub_ledger').set({ at: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 2).execute();
  const rewritten = (await app.inject({ url: '/api/v1/ledger/verify', headers: h.office })).json();
  assert.deepEqual(
    rewritten.chainProblems.map((p: { seq: number; problem: string }) => [p.seq, p.problem]),
    [[2, 'altered_entry']],
  );
});

test('a failed publication leaves no ledger entry (it commits with the publication or not at all)', async (t) => {
  const { app, services, dept, h } = await setup(t);
  const doc = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: h.editor,
      payload: { organisationId: dept.id, title: '失败的发布' },
    })
  ).json();
  await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h.editor, payload: { action: 'submit' } });
  // Not approved yet: publishing is refused, so nothing may be appended.
  const refused = await app.inject({
    method: 'POST',
    url: `/api/v1/documents/${doc.id}/actions`,
    headers: h.reviewer,
    payload: { action: 'publish' },
  });
  assert.equal(refused.statusCode, 409);
  const { count } = await sql<{ count: number }>`select count(*) as count from pub_ledger`
    .execute(services.database.db)
    .then((r) => r.rows[0]!);
  assert.equal(Number(count), 0);
});

test('the document page shows its ledger entry and /ledger explains how to check it', async (t) => {
  const { app, publish } = await setup(t);
  const a = await publish('页面存证文件');
  const page = await app.inject({ url: `/documents/${a.doc.id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-ledger-seq="1"/);
  const entry = (await app.inject({ url: `/api/v1/ledger?documentId=${a.doc.id}` })).json().items[0];
  assert.ok(page.body.includes(entry.contentHash.slice(0, 16)));
  const ledgerPage = await app.inject({ url: '/ledger' });
  assert.equal(ledgerPage.statusCode, 200);
  assert.match(ledgerPage.body, /共 1 条记录/);
  assert.ok(ledgerPage.body.includes(entry.entryHash), 'the head hash is shown for anyone to keep');
});
