// Finds test files and hands them to node's test runner (Node 20 has no glob support in --test).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passthrough = process.argv.slice(2).filter((a) => a.startsWith('--'));
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.test\.tsx?$/.test(name)) files.push(full);
  }
}
for (const root of roots.length ? roots : ['src', 'test/http']) {
  if (statSync(root).isDirectory()) walk(root);
  else files.push(root);
}
files.sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// A test that hangs (a browser wait, a connection never closed) fails after 10 minutes instead of stalling CI.
const timeout = passthrough.some((a) => a.startsWith('--test-timeout')) ? [] : ['--test-timeout=600000'];
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...timeout, ...passthrough, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
