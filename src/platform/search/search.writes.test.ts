// The search port's contract, continued (see search.contract.test.ts): versioned writes, tombstones,
// number lookups, rows restored straight into the table, counting and clearing. Both databases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Selectable } from 'kysely';
import type { TestDatabase } from '../../../test/support/db.ts';
import type { SearchProvider } from './index.ts';
import type { SearchDocTable } from './search.tables.ts';
import { docs, hostile, ids, indexedFixtures, q } from './search.fixtures.ts';
import { ORG } from './search.testkit.ts';

describe('search provider contract: writing', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;

  before(async () => {
    ({ tdb, search } = await indexedFixtures());
  });
  after(async () => tdb?.dispose());

  test('versions: a late upsert cannot resurrect removed content; a newer one can', async () => {
    const doc = { ...docs[3]!, id: 'versioned', orgPath: '/org-v/', title: '城市居民最低生活保障条例（修订草案）' };
    const found = async () => ids(await search.search(q('最低生活保障', { orgRoots: ['/org-v/'] })));
    await search.upsert({ ...doc, version: 1 });
    await search.upsert({ ...doc, version: 2, title: '城市居民最低生活保障条例（修订）' });
    await search.upsert({ ...doc, version: 1, title: '旧标题' });
    assert.match((await search.search(q('修订', { orgRoots: ['/org-v/'] }))).items[0]!.title, /（修订）/);
    await search.remove('versioned', 2);
    assert.deepEqual(await found(), []);
    await search.upsert({ ...doc, version: 1 });
    await search.upsert({ ...doc, version: 2 });
    assert.deepEqual(await found(), []);
    await search.upsert({ ...doc, version: 3 });
    assert.deepEqual(await found(), ['versioned']);
    // A removal that arrives before the upsert it follows still wins.
    await search.remove('early', 5);
    await search.upsert({ ...doc, id: 'early', version: 4 });
    assert.deepEqual(await found(), ['versioned']);
    await search.remove('versioned', 2); // older than the stored version 3: ignored
    assert.deepEqual(await found(), ['versioned']);
  });

  test('findByNumber: normalised 发文字号 or 索引号, live documents only', async () => {
    assert.deepEqual(await search.findByNumber('宜府办发[2023]05号'), { id: 'yichang', url: '/documents/yichang' });
    assert.deepEqual(await search.findByNumber(' 发文字号：宜府辦發（2023）第5号 '), { id: 'yichang', url: '/documents/yichang' });
    assert.equal((await search.findByNumber('国务院令第 374 号'))?.id, 'zhongyiyao');
    assert.equal((await search.findByNumber('11420500mb1234567x/2023-00005'))?.id, 'yichang');
    assert.equal(await search.findByNumber('宜府办发〔2023〕6号'), null);
    assert.equal(await search.findByNumber('  '), null);
    await search.upsert({ ...hostile, id: 'no-number', docNo: '无', indexNo: '2023' });
    assert.equal(await search.findByNumber('无'), null);
    assert.equal(await search.findByNumber('2023'), null);
    await search.upsert({ ...hostile, id: 'withdrawn', docNo: '宜府办函〔2022〕9号' });
    assert.equal((await search.findByNumber('宜府办函〔2022〕9号'))?.id, 'withdrawn');
    await search.remove('withdrawn', 2);
    assert.equal(await search.findByNumber('宜府办函〔2022〕9号'), null);
  });

  test('rows loaded straight into srch_doc (as a restore does) are searchable once indexed again, deleted ones are not', async () => {
    const db = tdb.database.db;
    const lawsBefore = (await search.search(q('条例'))).total;
    // Without PostgreSQL's generated tsv column, which backups leave out and the database recomputes.
    const { tsv: _tsv, ...row } = (await db
      .selectFrom('srch_doc')
      .selectAll()
      .where('id', '=', 'jiaozuo')
      .executeTakeFirstOrThrow()) as Selectable<SearchDocTable> & { tsv?: unknown };
    await db.deleteFrom('srch_doc').where('id', '=', 'jiaozuo').execute();
    assert.deepEqual(ids(await search.search(q('公园', { orgRoots: [ORG.b.path] }))), []);
    await db.insertInto('srch_doc').values(row).execute();
    assert.equal(await search.reindexStoredRows(), await search.count());
    assert.deepEqual(ids(await search.search(q('公园', { orgRoots: [ORG.b.path] }))), ['jiaozuo']);
    assert.equal((await search.search(q('条例'))).total, lawsBefore, 'every row indexed, once');
  });

  test('count counts searchable documents; clear empties the index', async () => {
    const before = await search.count();
    await search.upsert({ ...hostile, id: 'counted', version: 1 });
    assert.equal(await search.count(), before + 1);
    await search.remove('counted', 1);
    assert.equal(await search.count(), before);
    await search.clear();
    assert.equal(await search.count(), 0);
    assert.equal((await search.search(q('条例'))).total, 0);
    await search.upsert(docs[0]!);
    assert.deepEqual(ids(await search.search(q('燃气'))), ['jinan']);
  });
});
