import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { blobKey, FsFileStore, sha256Of } from './file-store.ts';

function tempStore(t: { after(fn: () => void): void }) {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-files-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return { root, store: new FsFileStore(root) };
}

test('put stores a blob under ab/cd/<sha256> and get returns the same bytes', async (t) => {
  const { root, store } = tempStore(t);
  const data = Buffer.from('政务公开附件', 'utf8');
  const blob = await store.put(data);
  assert.equal(blob.sha256, sha256Of(data));
  assert.equal(blob.key, `${blob.sha256.slice(0, 2)}/${blob.sha256.slice(2, 4)}/${blob.sha256}`);
  assert.equal(blob.size, data.length);
  assert.equal(blob.created, true);
  assert.ok(statSync(join(root, blob.key)).isFile());
  assert.deepEqual(await store.get(blob.key), data);
  assert.equal(await store.exists(blob.key), true);
});

test('the same content is stored once; no temporary files are left behind', async (t) => {
  const { root, store } = tempStore(t);
  const first = await store.put(Buffer.from('abc'));
  const again = await store.put(Buffer.from('abc'));
  assert.equal(again.key, first.key);
  assert.equal(again.created, false);
  const dir = join(root, first.key.split('/').slice(0, 2).join('/'));
  assert.deepEqual(readdirSync(dir), [first.sha256]);
});

test('concurrent puts of the same content all succeed and leave one blob', async (t) => {
  const { root, store } = tempStore(t);
  const data = Buffer.alloc(256 * 1024, 7);
  const results = await Promise.all(Array.from({ length: 8 }, () => store.put(data)));
  assert.equal(new Set(results.map((r) => r.key)).size, 1);
  const dir = join(root, results[0]!.key.split('/').slice(0, 2).join('/'));
  assert.deepEqual(readdirSync(dir), [results[0]!.sha256]);
  assert.deepEqual(await store.get(results[0]!.key), data);
});

test('missing blobs: get answers null, exists false, delete is quiet', async (t) => {
  const { store } = tempStore(t);
  const key = blobKey(sha256Of(Buffer.from('never stored')));
  assert.equal(await store.get(key), null);
  assert.equal(await store.exists(key), false);
  await store.delete(key);
  const blob = await store.put(Buffer.from('x'));
  await store.delete(blob.key);
  assert.equal(await store.exists(blob.key), false);
});

test('keys that are not blob keys are refused (no path traversal)', async (t) => {
  const { store } = tempStore(t);
  for (const key of ['../../etc/passwd', '/etc/passwd', 'ab/cd/ef', `00/00/${'a'.repeat(64)}`, `${'a'.repeat(64)}`]) {
    await assert.rejects(store.get(key), /invalid blob key/, key);
    await assert.rejects(store.delete(key), /invalid blob key/, key);
  }
});

test('property: any bytes round-trip and the key is a function of the content', async (t) => {
  const { store } = tempStore(t);
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      const blob = await store.put(bytes);
      assert.equal(blob.key, blobKey(sha256Of(bytes)));
      assert.deepEqual(new Uint8Array((await store.get(blob.key))!), bytes);
    }),
    { numRuns: 60 },
  );
});
