import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, canLogin, cli, counts, newInstance, noStack, seed, testPostgresUrl, type Instance } from './cli.testkit.ts';

/** A seeded instance with one extra user (so users, grants and audit rows all hold data). */
async function source(t: { after(fn: () => Promise<void>): void }, kind?: 'sqlite' | 'postgres'): Promise<Instance> {
  const instance = await newInstance(kind);
  t.after(() => instance.dispose());
  await seed(instance);
  const made = await cli(instance, [
    'user',
    'create',
    '--username',
    'editor1',
    '--name',
    '李四',
    '--org',
    '420503',
    '--role',
    'editor',
    '--password',
    'editor-password-1',
  ]);
  assert.equal(made.code, 0, made.err);
  return instance;
}

async function empty(t: { after(fn: () => Promise<void>): void }, kind?: 'sqlite' | 'postgres'): Promise<Instance> {
  const instance = await newInstance(kind);
  t.after(() => instance.dispose());
  return instance;
}

const nonZero = (c: Record<string, number>) => Object.entries(c).filter(([, n]) => n > 0);

for (const format of ['auto', 'json'] as const) {
  test(`backup (${format}) → restore into an empty instance gives the same rows`, async (t) => {
    const from = await source(t);
    const file = join(from.dir, `backup-${format}.bak`);
    const backup = await cli(from, ['backup', '--format', format, file]);
    assert.equal(backup.code, 0, backup.err);
    const before = await counts(from);
    assert.ok(before.iam_org! > 100 && before.iam_user === 2 && before.aud_log! > 0, JSON.stringify(before));
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    assert.match(
      backup.out,
      new RegExp(`${Object.keys(before).length} 张表，${total} 行，.*字节）→ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );

    const to = await empty(t);
    const restore = await cli(to, ['restore', file]);
    assert.equal(restore.code, 0, restore.err);
    assert.match(restore.out, new RegExp(`恢复完成：${Object.keys(before).length} 张表，${total} 行`));
    assert.deepEqual(await counts(to), before);
    assert.ok(await canLogin(to, 'editor1', 'editor-password-1'));
    assert.ok(await canLogin(to, 'admin', ADMIN_PASSWORD));
    const status = JSON.parse((await cli(to, ['migrate', 'status', '--json'])).out) as { executedAt: string | null }[];
    assert.ok(status.every((m) => m.executedAt));
  });
}

test('restore refuses a database that holds data unless --force', async (t) => {
  const from = await source(t);
  const file = join(from.dir, 'backup.json');
  assert.equal((await cli(from, ['backup', '--format', 'json', file])).code, 0);
  const expected = await counts(from);

  const to = await empty(t);
  await seed(to); // a freshly started server: its own admin and organisation tree
  const seeded = await counts(to);
  const refused = await cli(to, ['restore', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /目标数据库不是空的（.*：\d+ 个机构、1 个用户）/);
  assert.match(refused.err, /--force/);
  assert.ok(noStack(refused.err));
  assert.deepEqual(await counts(to), seeded, 'nothing changed');

  const forced = await cli(to, ['restore', '--force', file]);
  assert.equal(forced.code, 0, forced.err);
  assert.deepEqual(await counts(to), expected);
  assert.ok(await canLogin(to, 'editor1', 'editor-password-1'));
});

test('backup refuses to overwrite a file; restore rejects files it does not recognise', async (t) => {
  const from = await source(t);
  const file = join(from.dir, 'exists.bak');
  writeFileSync(file, 'not a backup');
  const over = await cli(from, ['backup', file]);
  assert.equal(over.code, 1);
  assert.match(over.err, /备份文件已存在/);
  assert.equal(readFileSync(file, 'utf8'), 'not a backup');
  assert.ok(!existsSync(`${file}.partial`));

  const to = await empty(t);
  const bad = await cli(to, ['restore', file]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /无法识别备份文件的格式/);
  writeFileSync(file, '{"hello": 1}');
  const notOurs = await cli(to, ['restore', file]);
  assert.equal(notOurs.code, 1);
  assert.match(notOurs.err, /不是 Gongkai 的 JSON 导出/);
  assert.match((await cli(to, ['restore', join(to.dir, 'missing.bak')])).err, /备份文件不存在/);
});

test('JSON export moves SQLite → PostgreSQL → SQLite with identical rows', async (t) => {
  if (!testPostgresUrl) {
    t.skip('GONGKAI_TEST_DATABASE_URL is not set');
    return;
  }
  const lite = await source(t, 'sqlite');
  const expected = await counts(lite);
  const exported = join(lite.dir, 'move.json');
  assert.equal((await cli(lite, ['backup', '--format', 'json', exported])).code, 0);

  const pgTarget = await empty(t, 'postgres');
  const restored = await cli(pgTarget, ['restore', exported]);
  assert.equal(restored.code, 0, restored.err);
  assert.deepEqual(await counts(pgTarget), expected);

  // The SQLite file itself also restores straight into PostgreSQL.
  const liteFile = join(lite.dir, 'move.sqlite');
  assert.equal((await cli(lite, ['backup', liteFile])).code, 0);
  const pgFromFile = await empty(t, 'postgres');
  assert.equal((await cli(pgFromFile, ['restore', liteFile])).code, 0);
  assert.deepEqual(await counts(pgFromFile), expected);

  const back = join(lite.dir, 'back.json');
  assert.equal((await cli(pgTarget, ['backup', '--format', 'json', back])).code, 0);
  const original = JSON.parse(readFileSync(exported, 'utf8')) as { tables: Record<string, unknown[]> };
  const roundTrip = JSON.parse(readFileSync(back, 'utf8')) as { tables: Record<string, unknown[]>; dialect: string };
  assert.equal(roundTrip.dialect, 'postgres');
  assert.deepEqual(roundTrip.tables, original.tables, 'values survive the trip unchanged');
  const liteAgain = await empty(t, 'sqlite');
  assert.equal((await cli(liteAgain, ['restore', back])).code, 0);
  assert.deepEqual(await counts(liteAgain), expected);
  assert.ok(await canLogin(pgTarget, 'editor1', 'editor-password-1'));
  assert.ok(await canLogin(liteAgain, 'editor1', 'editor-password-1'));
  assert.ok(nonZero(expected).length >= 4);
});
