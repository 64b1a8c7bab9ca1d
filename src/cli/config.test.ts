import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cli, newInstance, noStack } from './cli.testkit.ts';

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

test('config lists every setting with secrets masked', async (t) => {
  const instance = await newInstance('sqlite');
  t.after(() => instance.dispose());
  const run = await cli(instance, ['config', '--json'], { DATABASE_URL: 'postgres://gk:s3cret@db.example:5432/gongkai', PORT: '8080' });
  assert.equal(run.code, 0, run.err);
  const views = JSON.parse(run.out) as { name: string; value: string; source: string; default: string }[];
  const by = Object.fromEntries(views.map((v) => [v.name, v]));
  assert.equal(by.PORT?.value, '8080');
  assert.equal(by.PORT?.source, 'env');
  assert.equal(by.PORT?.default, '3000');
  assert.equal(by.DATABASE_URL?.value, 'postgres://gk:***@db.example:5432/gongkai');
  assert.match(by.GONGKAI_ADMIN_PASSWORD!.value, /^\*+/);
  assert.equal(by.GONGKAI_SITE_NAME?.source, 'default');
  assert.ok(!run.out.includes('s3cret') && !run.out.includes(instance.env.GONGKAI_ADMIN_PASSWORD!));

  const table = await cli(instance, ['config']);
  assert.match(table.out, /^变量\s+当前值\s+来源\s+默认值\s+说明/);
  assert.match(table.out, /GONGKAI_LOG_LEVEL\s+silent\s+环境变量\s+info\s+日志级别/);
});

test('a bad configuration value names the variable and exits 1 (in process and as a real process)', async (t) => {
  const instance = await newInstance('sqlite');
  t.after(() => instance.dispose());
  const run = await cli(instance, ['migrate'], { PORT: 'abc' });
  assert.equal(run.code, 1);
  assert.match(run.err, /PORT="abc"/);
  assert.ok(noStack(run.err));

  const child = spawnSync(process.execPath, [bin, 'config'], {
    cwd: instance.dir,
    env: { ...process.env, ...instance.env, GONGKAI_LOG_LEVEL: 'loud' },
    encoding: 'utf8',
  });
  assert.equal(child.status, 1);
  assert.match(child.stderr, /GONGKAI_LOG_LEVEL="loud": 只能是 fatal \| error/);
  assert.ok(noStack(child.stderr), child.stderr);
  assert.equal(child.stdout, '');
});
