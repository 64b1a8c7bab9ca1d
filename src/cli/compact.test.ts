import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { loadConfig } from '../platform/config/load.ts';
import { openDatabase } from '../platform/db/database.ts';
import { cli, counts, newInstance, noStack, seed } from './cli.testkit.ts';

const pageSize = (file: string) => {
  const handle = new Sqlite(file, { readonly: true });
  try {
    return handle.pragma('page_size', { simple: true }) as number;
  } finally {
    handle.close();
  }
};

test('compact gives back the space of deleted rows and keeps the page size; --page-size converts, keeping every row', async (t) => {
  const instance = await newInstance('sqlite');
  t.after(() => instance.dispose());
  await seed(instance);
  const file = loadConfig(instance.env, instance.dir).sqliteFile;
  // Rows written and deleted again (a search reindex, a cleared import) leave free pages behind.
  const handle = new Sqlite(file);
  handle.exec(
    'create table scratch (x text); with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000) insert into scratch select hex(randomblob(2000)) from n',
  );
  handle.exec('drop table scratch');
  handle.pragma('wal_checkpoint(TRUNCATE)');
  assert.ok((handle.pragma('freelist_count', { simple: true }) as number) > 1000);
  handle.close();
  const before = await counts(instance);
  const bigger = statSync(file).size;

  const plain = await cli(instance, ['compact']);
  assert.equal(plain.code, 0, plain.err);
  assert.match(plain.out, /整理完成：.+ → .+，页面 4096 → 4096 字节/);
  assert.ok(statSync(file).size < bigger - 10_000_000, `${statSync(file).size} vs ${bigger}`);
  assert.equal(pageSize(file), 4096);

  const converted = await cli(instance, ['compact', '--page-size', '16384']);
  assert.equal(converted.code, 0, converted.err);
  assert.match(converted.out, /页面 4096 → 16384 字节/);
  assert.equal(pageSize(file), 16384);
  assert.deepEqual(await counts(instance), before);
  const reopened = openDatabase({ sqliteFile: file });
  try {
    assert.equal(reopened.sqlite!.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(reopened.sqlite!.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    await reopened.close();
  }
});

test('compact refuses while the database is open elsewhere, a bad page size, and PostgreSQL', async (t) => {
  const instance = await newInstance('sqlite');
  t.after(() => instance.dispose());
  await seed(instance);
  const file = loadConfig(instance.env, instance.dir).sqliteFile;

  const bad = await cli(instance, ['compact', '--page-size', '1000']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--page-size 只能是 4096、8192、16384、32768、65536 之一，收到 1000/);

  const server = openDatabase({ sqliteFile: file });
  try {
    await server.sqlite!.prepare('select count(*) from iam_org').get();
    const busy = await cli(instance, ['compact']);
    assert.equal(busy.code, 1);
    assert.match(busy.err, /正被其他进程使用.*请先停止服务再整理/);
    assert.ok(noStack(busy.err));
  } finally {
    await server.close();
  }

  const pg = await cli(instance, ['compact'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(pg.code, 1);
  assert.match(pg.err, /compact 只用于 SQLite/);
});
