// The search filters as index tokens (SQLite): the tokens the migration's SQL writes for a row and the ones
// filterMatch asks for must agree, or a filtered search would silently miss documents. Also runs on
// PostgreSQL, where only the exact filters apply, to check both give the same answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { filterTokens } from '../db/migrations/2026-12-07T0300_search_one-column-index.ts';
import { filterMatch, orgTokens, rowFilterTokens } from './filter-tokens.ts';
import { createSearchProvider, type SearchDoc, type SearchProvider } from './index.ts';

const doc = (id: string, orgPath: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  id,
  version: 1,
  orgId: orgPath.split('/').filter(Boolean).pop() ?? 'x',
  orgPath,
  title: '城镇燃气安全管理规定',
  body: '燃气经营者应当定期检查燃气管道。',
  docNo: null,
  indexNo: null,
  topic: '城乡建设、环境保护',
  genre: '规定',
  year: 2023,
  validity: '有效',
  publishedAt: '2023-05-01T00:00:00.000Z',
  url: `/d/${id}`,
  kind: 'document',
  ...extra,
});

test('orgTokens: the segments below the top one, prefixed with _o, lower-cased, - and _ removed, split on other ASCII punctuation', () => {
  assert.deepEqual(orgTokens('/root/Ab-C_d/'), ['_oabcd']);
  assert.deepEqual(orgTokens('/root/'), ['_oroot']);
  assert.deepEqual(orgTokens('/yz/ty/nyj/'), ['_oty', '_onyj']);
  assert.deepEqual(orgTokens('/a.b/'), ['_oa', 'b']);
  assert.deepEqual(orgTokens('/宜昌/'), ['_o宜昌']);
  assert.deepEqual(orgTokens('/Äb/'), ['_oÄb']);
  assert.deepEqual(orgTokens('/'), []);
});

test('filterMatch: null without filters; ANDs the filters; ORs several organisation roots', () => {
  assert.equal(filterMatch({}), null);
  assert.equal(filterMatch({ year: 2023 }), '("_y2023")');
  assert.equal(filterMatch({ orgRoots: ['/a/', '/a/b/c/'], kind: 'qa' }), '((("_oa") OR ("_ob" AND "_oc")) AND "_k7161")');
});

describe('filter tokens in the index', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;
  const sqlite = () => tdb.database.dialect.name === 'sqlite';

  before(async () => {
    tdb = await createTestDatabase();
    search = createSearchProvider(tdb.database);
  });
  after(async () => tdb?.dispose());

  /** SQLite: whether the row matches the filter tokens alone (without the exact filters). */
  async function matchesTokens(id: string, query: Parameters<typeof filterMatch>[0]): Promise<boolean> {
    const match = filterMatch(query);
    assert.ok(match);
    const { rows } = await sql<{ id: string }>`select d.id from srch_fts join srch_doc d on d.rowid = srch_fts.rowid
      where srch_fts match ${match} and d.id = ${id}`.execute(tdb.database.db);
    return rows.length === 1;
  }

  test('property: a row matches the filter tokens of its own values and of every ancestor of its organisation', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.\-~ÄÖé宜]{1,12}$/).filter((s) => s !== '.' && s !== '..');
    const text = fc.constantFrom('规定', '城乡建设、环境保护', 'Notice-1', '有效', 'qa', 'a"b');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        text,
        text,
        fc.integer({ min: 1949, max: 2100 }),
        async (segs, topic, genre, year) => {
          const id = `p${n++}`;
          const path = `/${segs.join('/')}/`;
          await search.upsert(doc(id, path, { topic, genre, validity: topic, kind: genre, year }));
          const r = await search.search({
            q: '燃气',
            orgRoots: [path],
            topic,
            genre,
            validity: topic,
            kind: genre,
            year,
            page: 1,
            size: 100,
          });
          assert.ok(
            r.items.some((i) => i.id === id),
            `${id} ${path}`,
          );
          if (sqlite())
            for (let i = 1; i <= segs.length; i++) {
              const root = `/${segs.slice(0, i).join('/')}/`;
              assert.ok(
                await matchesTokens(id, { orgRoots: [root], topic, genre, validity: topic, kind: genre, year }),
                `${path} under ${root}`,
              );
            }
          await search.remove(id, 2);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('after many upserts, removals and rewrites both FTS5 indexes pass their integrity check', async (t) => {
    if (!sqlite()) return t.skip('SQLite FTS5 only');
    await search.upsert(doc('twice', '/c/d/'));
    await search.upsert({ ...doc('twice', '/c/e/'), version: 2 });
    await search.remove('twice', 3);
    await search.remove('never-indexed', 1);
    for (const table of ['srch_fts', 'srch_title_fts'])
      await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values ('integrity-check', 0)`.execute(tdb.database.db);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from srch_fts where srch_fts match '"燃气"'`.execute(tdb.database.db);
    assert.equal(Number(rows[0]!.n), await search.count());
  });

  test('a filter token never matches a word: the year, the organisation and the kind are not searchable text', async () => {
    await search.upsert(doc('quiet', '/zwgk/y2023/', { year: 2023, kind: 'qa' }));
    for (const q of ['2023', 'y2023', '_y2023', 'zwgk', 'ozwgk', '_ozwgk', 'k7161'])
      assert.deepEqual(
        (await search.search({ q, page: 1, size: 10 })).items.map((i) => i.id),
        [],
        q,
      );
    assert.deepEqual(
      (await search.search({ q: '燃气', orgRoots: ['/zwgk/y2023/'], year: 2023, page: 1, size: 10 })).items.map((i) => i.id),
      ['quiet'],
    );
    await search.remove('quiet', 2);
  });

  test('tokens that collide (case, - and _) only narrow: the exact filter still separates the organisations', async () => {
    await search.upsert(doc('upper', '/Org-A/'));
    await search.upsert(doc('lower', '/orga/'));
    const r = await search.search({ q: '燃气', orgRoots: ['/orga/'], page: 1, size: 10 });
    assert.deepEqual(
      r.items.map((i) => i.id),
      ['lower'],
    );
    if (sqlite()) assert.ok(await matchesTokens('upper', { orgRoots: ['/orga/'] }), 'the collision exists in the index');
  });

  test('property: the main index gets the filter text the title index trigger writes in SQL', async (t) => {
    if (!sqlite()) return t.skip('SQLite FTS5 only');
    const value = fc.option(fc.constantFrom('规定', '城乡建设、环境保护', 'Notice-1', '有效', 'a"b', ''), { nil: null });
    const path = fc
      .array(fc.stringMatching(/^[A-Za-z0-9_.\-~ÄÖé宜]{1,12}$/), { minLength: 0, maxLength: 4 })
      .map((s) => `/${s.join('/')}${s.length ? '/' : ''}`);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.constantFrom('document', 'qa', ''),
        fc.option(fc.integer({ min: 1949, max: 2100 }), { nil: null }),
        value,
        value,
        value,
        async (orgPath, kind, year, topic, genre, validity) => {
          const id = `sql${n++}`;
          await search.upsert(doc(id, orgPath, { kind: kind || 'document', year, topic, genre, validity }));
          const row = await tdb.database.db.selectFrom('srch_doc').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          const { rows } = await sql<{ text: string }>`select ${filterTokens('d')} as text from srch_doc d where d.id = ${id}`.execute(
            tdb.database.db,
          );
          assert.equal(rowFilterTokens(row), rows[0]!.text, JSON.stringify(row));
          await search.remove(id, 2);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('moving an organisation moves its documents to the new subtree', async () => {
    await search.upsert(doc('moved', '/city/dept-old/unit/'));
    assert.equal(await search.moveOrgPaths('/city/dept-old/', '/city/dept-new/'), 1);
    const under = async (root: string) => (await search.search({ q: '燃气', orgRoots: [root], page: 1, size: 10 })).items.map((i) => i.id);
    assert.ok((await under('/city/dept-new/')).includes('moved'));
    assert.ok(!(await under('/city/dept-old/')).includes('moved'));
    assert.ok((await under('/city/dept-new/unit/')).includes('moved'));
  });
});
