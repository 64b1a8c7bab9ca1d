import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReachable, openDatabase } from './database.ts';
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

test('a SQLite file is read through a memory map, as large as SQLite allows by default, and not at all with 0', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-mmap-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const mapped = (options: { sqliteMmapMb?: number }) => {
    const database = openDatabase({ sqliteFile: join(dir, 'db.sqlite'), ...options });
    try {
      database.sqlite!.exec('create table if not exists t (x)');
      return Number(database.sqlite!.pragma('mmap_size', { simple: true }));
    } finally {
      database.sqlite!.close();
    }
  };
  // better-sqlite3's build caps the map at SQLITE_MAX_MMAP_SIZE (0x7fff0000 bytes): the 2048 MB default asks for it.
  assert.equal(mapped({}), 0x7fff0000);
  assert.equal(mapped({ sqliteMmapMb: 16 }), 16 * 1_048_576);
  assert.equal(mapped({ sqliteMmapMb: 0 }), 0);
});
