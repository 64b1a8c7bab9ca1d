import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'gk-config-'));

test('defaults: port 3000, SQLite in ./data', () => {
  const cwd = dir();
  const c = loadConfig({}, cwd);
  assert.equal(c.port, 3000);
  assert.equal(c.database, 'sqlite');
  assert.equal(c.dataDir, join(cwd, 'data'));
  assert.equal(c.sqliteFile, join(cwd, 'data', 'gongkai.sqlite'));
});

test('DATABASE_URL switches to PostgreSQL', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }, dir()).database, 'postgres');
});

test('wrong values stop with every problem listed, naming the variable and what is allowed', () => {
  assert.throws(
    () => loadConfig({ PORT: '70000', GONGKAI_SITE_CODE: '12345', GONGKAI_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }, dir()),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.problems.length, 4);
      assert.match(err.message, /PORT="70000".*1–65535/);
      assert.match(err.message, /GONGKAI_SITE_CODE/);
      assert.match(err.message, /GONGKAI_LOG_LEVEL="loud".*info/);
      assert.match(err.message, /DATABASE_URL/);
      return true;
    },
  );
});

test('gongkai.config.json is read, the environment wins, unknown keys are refused', () => {
  const cwd = dir();
  writeFileSync(join(cwd, 'gongkai.config.json'), JSON.stringify({ PORT: 4000, GONGKAI_SITE_NAME: '测试站' }));
  assert.equal(loadConfig({}, cwd).port, 4000);
  assert.equal(loadConfig({}, cwd).siteName, '测试站');
  assert.equal(loadConfig({ PORT: '5000' }, cwd).port, 5000);
  writeFileSync(join(cwd, 'gongkai.config.json'), JSON.stringify({ PROT: 4000 }));
  assert.throws(() => loadConfig({}, cwd), /未知配置项 PROT/);
  writeFileSync(join(cwd, 'gongkai.config.json'), '{not json');
  assert.throws(() => loadConfig({}, cwd), /不是有效的 JSON/);
});

test('a short admin password is refused', () => {
  assert.throws(() => loadConfig({ GONGKAI_ADMIN_PASSWORD: 'short' }, dir()), /GONGKAI_ADMIN_PASSWORD.*10/);
});
