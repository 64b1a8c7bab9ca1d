// What keeps search fast on large indexes, on both databases: the narrow srch_facet table that triggers keep
// in step with srch_doc, capped totals (totalIsEstimate) and facets past the cap, the ranking cap, and bulk
// writes (prepareDoc + upsertMany). The caps are set small so a few documents reach them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { listTables } from '../db/introspect.ts';
import { createSearchProvider, prepareDoc, type SearchDoc, type SearchProvider } from './index.ts';
import { ids, q } from './search.fixtures.ts';
import { ORG } from './search.testkit.ts';

const doc = (n: number, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  id: `gas-${String(n).padStart(2, '0')}`,
  version: 1,
  orgId: ORG.a.id,
  orgPath: ORG.a.path,
  title: `燃气安全检查通知（第${n}号）`,
  body: `各单位要开展燃气管道安全检查，第${n}批次。`,
  docNo: null,
  indexNo: null,
  topic: n % 2 ? '城乡建设' : '安全生产',
  genre: '通知',
  year: 2020 + (n % 3),
  validity: '有效',
  publishedAt: `2023-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
  url: `/documents/gas-${n}`,
  kind: 'document',
  ...extra,
});

describe('search at scale: narrow facet rows, caps, bulk writes', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;
  let capped: SearchProvider;

  before(async () => {
    tdb = await createTestDatabase();
    search = createSearchProvider(tdb.database);
    capped = createSearchProvider(tdb.database, { countCap: 5, rankCap: 3 });
    await search.upsertMany(Array.from({ length: 12 }, (_, i) => prepareDoc(doc(i + 1))));
  });
  after(async () => tdb?.dispose());

  /** srch_facet as it is, compared with what the live rows of srch_doc say it should be. */
  async function facetRows(): Promise<{ actual: string[]; expected: string[] }> {
    const db = tdb.database.db;
    const key = tdb.database.dialect.name === 'sqlite' ? sql`d.rowid = f.doc_rowid` : sql`d.id = f.id`;
    const line = (r: Record<string, unknown>) => [r.id, r.org_path, r.kind, r.topic, r.genre, r.year, r.validity, r.published_at].join('|');
    const actual = await sql<Record<string, unknown>>`select d.id, f.org_path, f.kind, f.topic, f.genre, f.year, f.validity, f.published_at
      from srch_facet f left join srch_doc d on ${key} order by d.id`.execute(db);
    const expected = await sql<Record<string, unknown>>`select id, org_path, kind, topic, genre, year, validity, published_at
      from srch_doc where removed = 0 order by id`.execute(db);
    return { actual: actual.rows.map(line), expected: expected.rows.map(line) };
  }

  test('upsertMany writes every row in one call, with upsert version rules', async () => {
    assert.equal(await search.count(), 12);
    const r = await search.search(q('燃气', { size: 100 }));
    assert.equal(r.total, 12);
    assert.equal(r.totalIsEstimate, false);
    // An older version is ignored, a newer one replaces; the same id twice in one call is accepted.
    await search.upsertMany([
      prepareDoc(doc(1, { version: 0, title: '旧标题' })),
      prepareDoc(doc(2, { version: 2, title: '燃气管道改造通知' })),
      prepareDoc(doc(2, { version: 3, title: '燃气管道改造通知（更正）' })),
    ]);
    assert.deepEqual(ids(await search.search(q('旧标题'))), []);
    assert.deepEqual(ids(await search.search(q('更正'))), ['gas-02']);
  });

  test('srch_facet follows srch_doc through insert, update, tombstone, delete and clear', async () => {
    const check = async (label: string) => {
      const { actual, expected } = await facetRows();
      assert.deepEqual(actual, expected, label);
    };
    await check('after the bulk insert');
    await search.upsert(doc(3, { version: 5, topic: '财政金融', year: 2019 }));
    await check('after an update');
    const r = await search.search(q('燃气', { topic: '财政金融' }));
    assert.deepEqual(ids(r), ['gas-03']);
    assert.deepEqual(r.facets.year, [{ value: '2019', count: 1 }]);
    await search.remove('gas-04', 9);
    await check('after a tombstone');
    assert.ok(!ids(await search.search(q('燃气', { size: 100 }))).includes('gas-04'));
    assert.equal((await search.search(q('燃气', { size: 100 }))).total, 11);
    await search.upsert(doc(4, { version: 10 }));
    await check('after a tombstone was replaced');
    await tdb.database.db.deleteFrom('srch_doc').where('id', '=', 'gas-05').execute();
    await check('after a direct delete');
    assert.equal((await search.search(q('燃气', { size: 100 }))).total, 11);
    await search.upsert(doc(5, { version: 1 }));
    await check('after re-indexing');
    // Derived data: a backup leaves it out, restoring srch_doc rebuilds it (the restore test in search.writes).
    const tables = (await listTables(tdb.database)).map((t) => t.name);
    assert.ok(tables.includes('srch_doc') && !tables.includes('srch_facet'), tables.join());
  });

  test('past the count cap the total is the cap, marked as an estimate; facets count a sample of the matches', async () => {
    const r = await capped.search(q('燃气', { size: 2 }));
    assert.equal(r.total, 5);
    assert.equal(r.totalIsEstimate, true);
    assert.equal(r.items.length, 2);
    // Facets are counted over the first countCap + 1 matches: fewer than all 12.
    const topics = r.facets.topic.reduce((a, f) => a + f.count, 0);
    assert.equal(topics, 6);
    // A filter that leaves fewer matches than the cap gives the exact total again.
    const narrow = await capped.search(q('燃气', { year: 2021 }));
    assert.equal(narrow.totalIsEstimate, false);
    assert.equal(narrow.total, 4);
    assert.deepEqual(narrow.facets.year, [{ value: '2021', count: 4 }]);
    // Under the cap nothing changes.
    const exact = await capped.search(q('第7号'));
    assert.deepEqual([exact.total, exact.totalIsEstimate, ids(exact)], [1, false, ['gas-07']]);
  });

  test('past the ranking cap, pages deeper than the cap still fill, without repeats', async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(ids(await capped.search(q('燃气', { page, size: 3 }))));
    const all = pages.flat();
    assert.deepEqual(
      pages.map((p) => p.length),
      [3, 3, 3, 3],
    );
    assert.equal(new Set(all).size, 12, all.join());
    // The title match of a rare word wins whatever the caps.
    assert.deepEqual(ids(await capped.search(q('更正'))), ['gas-02']);
  });
});
