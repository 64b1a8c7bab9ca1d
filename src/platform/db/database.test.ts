import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { SQLITE_PAGE_SIZE, assertReachable, openDatabase } from './database.ts';
import { ConfigError } from '../config/load.ts';

test('an unreachable PostgreSQL stops start-up with a message naming DATABASE_URL, password hidden', async () => {
  const options = { databaseUrl: 'postgres://gk:topsecret@127.0.0.1:1/gongkai', sqliteFile: '' };
  const database = openDatabase(options);
  try {
    await assert.rejects(assertReachable(database, options), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /DATABASE_URL=postgres:\/\/gk:\*\*\*@127\.0\.0\.1:1\/gongkai/);
      assert.ok(!err.message.includes('topsecret'));
      assert.match(err.message, /createdb gongkai/);
      return true;
    });
  } finally {
    await database.close();
  }
});

test('SQLite opens with WAL, foreign keys and a busy timeout', async () => {
  const database = openDatabase({ sqliteFile: ':memory:' });
  try {
    await assertReachable(database, { sqliteFile: ':memory:' });
    assert.equal(database.sqlite!.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(database.sqlite!.pragma('busy_timeout', { simple: true }), 5000);
    assert.match(String(database.sqlite!.pragma('journal_mode', { simple: true })), /wal|memory/);
  } finally {
    await database.close();
  }
});

test('a new SQLite file gets 16 KiB pages; an existing file keeps its page size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-pages-'));
  try {
    const fresh = join(dir, 'new.sqlite');
    const database = openDatabase({ sqliteFile: fresh });
    await sql`create table t (x integer)`.execute(database.db);
    assert.equal(database.sqlite!.pragma('page_size', { simple: true }), SQLITE_PAGE_SIZE);
    assert.equal(SQLITE_PAGE_SIZE, 16384);
    await database.close();

    const old = join(dir, 'old.sqlite');
    const handle = new Sqlite(old);
    handle.pragma('page_size = 4096');
    handle.exec('create table t (x integer); insert into t values (1)');
    handle.close();
    const reopened = openDatabase({ sqliteFile: old });
    const { rows } = await sql<{ x: number }>`select x from t`.execute(reopened.db);
    assert.deepEqual(rows, [{ x: 1 }]);
    assert.equal(reopened.sqlite!.pragma('page_size', { simple: true }), 4096);
    assert.equal(reopened.sqlite!.pragma('journal_mode', { simple: true }), 'wal');
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
