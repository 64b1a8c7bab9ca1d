import { test } from 'node:test';
import assert from 'node:assert/strict';
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
