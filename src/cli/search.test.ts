import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { cli, newInstance, seed, withServices } from './cli.testkit.ts';
import { sharedData } from '../../test/support/shared-data.ts';
import { startPreparePool } from '../platform/search/index.ts';

const SAMPLES = sharedData('corpus/lawrefbook-samples');
const run = promisify(execFile);

test('gongkai search reindex: an emptied index is rebuilt from the published documents only', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);
  assert.equal((await cli(inst, ['import', SAMPLES, '--org', '420500', '--publish', '--limit', '3'])).code, 0);
  assert.equal((await cli(inst, ['import', SAMPLES, '--org', '420500', '--limit', '5'])).code, 0, 'two more, as drafts');

  const indexed = () =>
    withServices(inst, async (s) => (await s.database.db.selectFrom('srch_doc').select('id').where('removed', '=', 0).execute()).length);
  assert.equal(await indexed(), 3);
  await withServices(inst, (s) => s.database.db.deleteFrom('srch_doc').execute());
  assert.equal(await indexed(), 0);

  const r = await cli(inst, ['search', 'reindex']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已重建搜索索引：文件 3 篇，政策问答 0 条，意见征集 0 项，会议 0 次；索引现有 3 条。（分词：主线程）/);
  assert.equal(await indexed(), 3);
  const found = await withServices(inst, (s) => s.search.search({ q: '条例' }));
  assert.ok(found.total >= 1, 'the rebuilt index answers searches');
});

test('a rebuilt index holds the same rows as publishing wrote, whatever the batch size and threads', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);
  assert.equal((await cli(inst, ['import', SAMPLES, '--org', '420500', '--publish', '--limit', '5'])).code, 0);
  // Everything but the version (a rebuild writes its own) and the rowid.
  const rows = () =>
    withServices(inst, async (s) =>
      (
        await s.database.db
          .selectFrom('srch_doc')
          .select([
            'id',
            'removed',
            'org_id',
            'org_path',
            'title',
            'body',
            'doc_no',
            'doc_no_norm',
            'index_no',
            'topic',
            'genre',
            'year',
            'validity',
            'published_at',
            'url',
            'kind',
            'tokens',
            'title_tokens',
          ])
          .orderBy('id')
          .execute()
      ).map((r) => JSON.stringify(r)),
    );
  const published = await rows();
  assert.equal(published.length, 5);
  for (const batch of [2, 500]) {
    const n = await withServices(inst, (s) => s.indexer.reindexAll(Date.now(), { batch }));
    assert.equal(n, 5);
    assert.deepEqual(await rows(), published, `batch ${batch}`);
    const found = await withServices(inst, (s) => s.search.search({ q: '条例' }));
    assert.ok(found.total >= 1, `batch ${batch}: the rebuilt index answers searches`);
  }
  // Rows built by two threads, in batches of 2 (three batches, so reading, building and writing overlap).
  const pool = await startPreparePool(2);
  t.after(() => pool.close());
  assert.equal(await withServices(inst, (s) => s.indexer.reindexAll(Date.now(), { batch: 2, pool })), 5);
  assert.deepEqual(await rows(), published, 'two threads');
  await withServices(inst, (s) => s.database.db.deleteFrom('srch_doc').execute());
  const r = await cli(inst, ['search', 'reindex', '--threads', '1']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /索引现有 5 条。（分词：1 个线程）/);
  assert.deepEqual(await rows(), published, 'gongkai search reindex --threads 1');
});

test('gongkai search reindex starts its threads from any working directory', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);
  assert.equal((await cli(inst, ['import', SAMPLES, '--org', '420500', '--publish', '--limit', '2'])).code, 0);
  // As an operator would run it: the installed bin, from a directory outside the project (the threads must not
  // look for tsx there).
  const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
  const { stdout } = await run(process.execPath, [bin, 'search', 'reindex', '--threads', '1'], {
    cwd: tmpdir(),
    env: { ...process.env, ...inst.env },
  });
  assert.match(stdout, /索引现有 2 条。（分词：1 个线程）/);
});

test('gongkai search reindex refuses a thread count that is not a small whole number', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);
  for (const bad of ['-1', 'two', '1.5', '65']) {
    const r = await cli(inst, ['search', 'reindex', '--threads', bad]);
    assert.notEqual(r.code, 0, bad);
    assert.match(r.err, /须为 0–64 的整数/, bad);
  }
});
