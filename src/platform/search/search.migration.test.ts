// Migration 2026-12-07T0300 (SQLite): the indexes are rebuilt from srch_doc both ways, so indexed documents
// stay findable after an upgrade and after a downgrade to the three-column indexes of 2026-12-07T0100.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createMigrator } from '../db/migrator.ts';
import { createSearchProvider } from './index.ts';
import { lawDoc, ORG } from './search.testkit.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(async () => tdb?.dispose());

const columns = async (table: string) =>
  (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(tdb.database.db)).rows.map((r) => r.name);
const matches = async (table: string, expression: string) =>
  Number(
    (
      await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.table(table)} match ${expression}`.execute(
        tdb.database.db,
      )
    ).rows[0]!.n,
  );

test('down and up again rebuild both indexes from srch_doc', async (t) => {
  if (tdb.database.dialect.name !== 'sqlite') return t.skip('SQLite FTS5 only');
  const search = createSearchProvider(tdb.database);
  await search.upsert(lawDoc('汕头经济特区消防条例(2022-12-30).md', ORG.city, { id: 'fire', year: 2022 }));
  assert.deepEqual(await columns('srch_fts'), ['words']);
  assert.equal(await matches('srch_fts', '"消防" AND "_y2022"'), 1);

  const migrator = createMigrator(tdb.database);
  const down = await migrator.migrateTo('2026-12-07T0100_search_filter-tokens');
  assert.equal(down.error, undefined);
  assert.deepEqual(await columns('srch_fts'), ['title_tokens', 'tokens', 'filters']);
  assert.equal(await matches('srch_fts', '{title_tokens tokens} : "消防" AND {filters} : "y2022"'), 1);
  assert.equal(await matches('srch_title_fts', '{title_tokens} : "消防"'), 1);

  const up = await migrator.migrateToLatest();
  assert.equal(up.error, undefined);
  assert.deepEqual(await columns('srch_title_fts'), ['words']);
  assert.equal(await matches('srch_title_fts', '"消防" AND "_y2022"'), 1);
  assert.deepEqual(
    (await search.search({ q: '消防条例', year: 2022, page: 1, size: 10 })).items.map((i) => i.id),
    ['fire'],
  );
});

test('2026-12-07T0500 down computes the body tokens SQLite did not store, so the trigger-written indexes hold them', async (t) => {
  if (tdb.database.dialect.name !== 'sqlite') return t.skip('SQLite FTS5 only');
  const search = createSearchProvider(tdb.database);
  await search.upsert(lawDoc('临沂市供热条例(2017-09-30).md', ORG.city, { id: 'heat', year: 2017 }));
  const tokens = async () =>
    (await tdb.database.db.selectFrom('srch_doc').select('tokens').where('id', '=', 'heat').executeTakeFirstOrThrow()).tokens;
  assert.equal(await tokens(), '');

  const migrator = createMigrator(tdb.database);
  assert.equal((await migrator.migrateTo('2026-12-07T0300_search_one-column-index')).error, undefined);
  assert.match(await tokens(), /供热/);
  assert.equal(await matches('srch_fts', '"供热" AND "_y2017"'), 1);

  assert.equal((await migrator.migrateToLatest()).error, undefined);
  assert.deepEqual(
    (await search.search({ q: '供热', year: 2017, page: 1, size: 10 })).items.map((i) => i.id),
    ['heat'],
  );
  const triggers = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'trigger' and name like 'srch_doc_fts_%'`.execute(tdb.database.db);
  assert.deepEqual(triggers.rows.map((r) => r.name).sort(), ['srch_doc_fts_delete', 'srch_doc_fts_update']);
});
