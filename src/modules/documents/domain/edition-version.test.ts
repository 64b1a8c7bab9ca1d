import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeHistory, formatVersion, nextVersion, type Version } from './edition-version.ts';

test('versions: 1.0 first, minor adds, major starts the next number', () => {
  assert.deepEqual(nextVersion(null, 'major'), { major: 1, minor: 0 });
  assert.deepEqual(nextVersion(null, 'minor'), { major: 1, minor: 0 });
  assert.deepEqual(nextVersion({ major: 1, minor: 0 }, 'minor'), { major: 1, minor: 1 });
  assert.deepEqual(nextVersion({ major: 1, minor: 3 }, 'major'), { major: 2, minor: 0 });
  assert.equal(formatVersion({ major: 2, minor: 1 }), '2.1');
});

test('更新记录: first publication and major changes, newest first', () => {
  const h = changeHistory([
    { version: { major: 2, minor: 0 }, changeType: 'major', changeNote: ' 调整补贴标准 ', publishedAt: '2024-03-01T00:00:00Z' },
    { version: { major: 1, minor: 0 }, changeType: 'major', publishedAt: '2023-01-01T00:00:00Z' },
    { version: { major: 1, minor: 1 }, changeType: 'minor', changeNote: '改正错字', publishedAt: '2023-02-01T00:00:00Z' },
  ]);
  assert.deepEqual(h, [
    { version: '2.0', publishedAt: '2024-03-01T00:00:00Z', note: '调整补贴标准' },
    { version: '1.0', publishedAt: '2023-01-01T00:00:00Z', note: '首次发布' },
  ]);
  assert.deepEqual(changeHistory([]), []);
});

test('property: versions strictly increase along any sequence of changes', () => {
  const gt = (a: Version, b: Version) => a.major > b.major || (a.major === b.major && a.minor > b.minor);
  fc.assert(
    fc.property(fc.array(fc.constantFrom('major' as const, 'minor' as const), { maxLength: 30 }), (changes) => {
      let v = nextVersion(null, 'major');
      for (const c of changes) {
        const n = nextVersion(v, c);
        assert.ok(gt(n, v));
        v = n;
      }
    }),
  );
});
