import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { minimalPdf } from '../platform/files/test-fixtures.ts';
import { runCli } from './program.ts';

async function scan(cwd: string, args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['node', 'gongkai', 'scan', ...args], { env: {}, cwd, out: (t) => void (out += t), err: (t) => void (err += t), tty: false });
  return { code, out, err };
}

function folder(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'notice.txt'), '联系人：某某，手机 13812341234。\n');
  writeFileSync(join(dir, 'sub', 'list.pdf'), minimalPdf([['cover'], ['11010519491231002X']]));
  writeFileSync(join(dir, 'sub', 'clean.md'), '# 通知\n\n无个人信息。\n');
  writeFileSync(join(dir, 'sub', 'words.txt'), '国家发展计划委员会\n');
  return dir;
}

test('gongkai scan on a folder prints a table of every finding, recursively, and exits 1 on blocking findings', async (t) => {
  const dir = folder(t);
  const { code, out, err } = await scan(dir, ['.']);
  assert.equal(code, 1);
  assert.match(out, /notice\.txt\s+字符 10–21\s+手机号码\s+高\s+138\*\*\*\*1234/);
  assert.match(out, /sub\/list\.pdf\s+第 2 页 字符 0–18\s+身份证号码\s+高\s+110105\*\*\*\*\*\*\*\*002X/);
  assert.match(out, /已扫描 4 个文件：发现 2 处，其中阻断发布 2 处。/);
  assert.match(err, /有 2 处阻断发布的问题/);
});

test('gongkai scan --json with a dictionary file; a clean file exits 0; a missing path exits 2', async (t) => {
  const dir = folder(t);
  writeFileSync(join(dir, 'dict.csv'), '# 错误表述\n国家发展计划委员会,国家发展和改革委员会\n');
  const { code, out } = await scan(dir, ['sub/words.txt', '--json', '--dictionary', 'dict.csv']);
  assert.equal(code, 1);
  const report = JSON.parse(out);
  assert.deepEqual(
    report.findings.map((f: { file: string; category: string; suggestion: string }) => [f.file, f.category, f.suggestion]),
    [['sub/words.txt', 'wrong_expression', '国家发展和改革委员会']],
  );
  assert.equal((await scan(dir, ['sub/clean.md'])).code, 0);
  const missing = await scan(dir, ['nowhere']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /找不到文件或文件夹：nowhere/);
});

test('gongkai scan - reads text from stdin', () => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/gongkai.js'), 'scan', '-', '--json'], {
    input: '请拨打13912341234',
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_LOG_LEVEL: 'silent' },
  });
  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(
    JSON.parse(result.stdout).findings.map((f: { category: string; masked: string }) => [f.category, f.masked]),
    [['mobile', '139****1234']],
  );
});
