// The index entries that follow srch_doc without a trigger writing them (SQLite: the app writes the main index and
// keeps the body tokens only of cut bodies; PostgreSQL: a row from SQLite may come without them). Both databases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createSearchProvider, prepareDoc, type SearchDoc, type SearchProvider } from './index.ts';
import { MAX_BODY_CHARS } from './store.ts';
import { lawDoc, ORG } from './search.testkit.ts';

describe('index entries written by the app', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;
  const sqlite = () => tdb.database.dialect.name === 'sqlite';
  const law = lawDoc('汕头经济特区消防条例(2022-12-30).md', ORG.a, {
    id: 'fire',
    indexNo: '11440500MB2C9 1234X/2022-00012',
    docNo: '汕府〔2022〕12号',
  });
  // Longer than the stored body: a word past the cut is found only through the tokens kept with the row.
  const long: SearchDoc = { ...law, id: 'long', body: `${law.body}\n${law.body}\n${'条'.repeat(MAX_BODY_CHARS)}\n磷酸铁锂电池储能电站` };
  const found = async (q: string, root?: string) =>
    (await search.search({ q, orgRoots: root ? [root] : undefined, page: 1, size: 10 })).items.map((i) => i.id).sort();
  const stored = async (id: string) =>
    (await tdb.database.db.selectFrom('srch_doc').select('tokens').where('id', '=', id).executeTakeFirstOrThrow()).tokens;
  const integrityCheck = async () => {
    for (const table of ['srch_fts', 'srch_title_fts'])
      await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values ('integrity-check', 0)`.execute(tdb.database.db);
  };

  before(async () => {
    tdb = await createTestDatabase();
    search = createSearchProvider(tdb.database);
    await search.upsert(law);
    await search.upsert(long);
  });
  after(async () => tdb?.dispose());

  test('SQLite keeps the body tokens only of a body cut at MAX_BODY_CHARS; PostgreSQL keeps them all', async () => {
    assert.equal(await stored('fire'), sqlite() ? '' : prepareDoc(law).tokens);
    assert.equal(await stored('long'), prepareDoc(long).tokens);
    assert.deepEqual(await found('磷酸铁锂'), ['long']);
    assert.deepEqual(await found('消防救援'), ['fire', 'long']);
  });

  test('a move indexes the rows again: the same words, the new subtree, body tokens computed again or kept', async () => {
    const to = `${ORG.b.path}moved/`;
    assert.equal(await search.moveOrgPaths(ORG.a.path, to), 2);
    assert.deepEqual(await found('消防救援', to), ['fire', 'long']);
    assert.deepEqual(await found('消防救援', ORG.b.path), ['fire', 'long']);
    assert.deepEqual(await found('消防救援', ORG.a.path), []);
    assert.deepEqual(await found('磷酸铁锂', to), ['long']);
    // A token of the 索引号 (normalised before it is segmented, so the tokens can be computed from the stored value).
    assert.deepEqual(await found('11440500mb2c91234x', to), ['fire', 'long']);
    if (sqlite()) await integrityCheck();
    assert.equal(await search.moveOrgPaths(to, ORG.a.path), 2);
    assert.deepEqual(await found('消防救援', ORG.a.path), ['fire', 'long']);
  });

  test('a row loaded without its body tokens (from an SQLite backup) is found once the stored rows are indexed again', async () => {
    const row = { ...prepareDoc({ ...law, id: 'restored' }), tokens: '' };
    await tdb.database.db.insertInto('srch_doc').values(row).execute();
    await search.reindexStoredRows();
    assert.deepEqual(await found('消防救援'), ['fire', 'long', 'restored']);
    assert.deepEqual(await found('磷酸铁锂'), ['long']);
    if (sqlite()) await integrityCheck();
  });
});
