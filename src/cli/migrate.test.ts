import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrations } from '../platform/db/migrations/index.ts';
import { cli, newInstance } from './cli.testkit.ts';

const names = Object.keys(migrations).sort();

test('migrate status lists every migration as pending, then executed after migrate up', async (t) => {
  const instance = await newInstance();
  t.after(() => instance.dispose());

  if (instance.kind === 'postgres') {
    const before = await cli(instance, ['migrate', 'status', '--json']);
    assert.equal(before.code, 0, before.err);
    assert.deepEqual(
      JSON.parse(before.out),
      names.map((name) => ({ name, executedAt: null })),
    );
  } else {
    const missing = await cli(instance, ['migrate', 'status']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /数据库不存在/);
  }

  const up = await cli(instance, ['migrate']);
  assert.equal(up.code, 0, up.err);
  assert.match(up.out, new RegExp(`执行了 ${names.length} 个迁移`));
  for (const name of names) assert.ok(up.err.includes(name), `${name} reported`);

  const json = await cli(instance, ['migrate', 'status', '--json']);
  const list = JSON.parse(json.out) as { name: string; executedAt: string | null }[];
  assert.deepEqual(
    list.map((m) => m.name),
    names,
  );
  for (const m of list) assert.ok(m.executedAt && !Number.isNaN(Date.parse(m.executedAt)), `${m.name} has an execution time`);

  const table = await cli(instance, ['migrate', 'status']);
  assert.equal(table.code, 0);
  assert.match(table.out, /^迁移\s+执行时间/);
  assert.ok(!table.out.includes('待执行'));
  assert.match(table.out, /全部已执行/);

  const again = await cli(instance, ['migrate', 'up']);
  assert.match(again.out, /已是最新/);
});
