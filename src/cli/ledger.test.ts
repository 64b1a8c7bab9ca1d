import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, newInstance, seed, withServices } from './cli.testkit.ts';
import { sharedData } from '../../test/support/shared-data.ts';

const SAMPLES = sharedData('corpus/lawrefbook-samples');

test('gongkai ledger verify: imported publications are in the chain; a silent edit fails the check with exit code 1', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);
  const imported = await cli(inst, ['import', SAMPLES, '--org', '420500', '--publish', '--limit', '3']);
  assert.equal(imported.code, 0, imported.err);

  const ok = await cli(inst, ['ledger', 'verify']);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /存证链完好：共 3 条，末条哈希 [0-9a-f]{64}/);

  await withServices(inst, async (s) => {
    const doc = await s.database.db
      .selectFrom('doc_document')
      .select(['published_edition_id'])
      .where('public_state', '=', 'published')
      .executeTakeFirstOrThrow();
    await s.database.db.updateTable('doc_edition').set({ title: '被改过的标题' }).where('id', '=', doc.published_edition_id!).execute();
  });
  const bad = await cli(inst, ['ledger', 'verify']);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /与第 \d 条存证记录不一致/);
  assert.match(bad.err, /存证链校验未通过：链问题 0 处，内容不一致 1 份/);
  const json = await cli(inst, ['ledger', 'verify', '--json']);
  assert.equal(JSON.parse(json.out).alteredEditions.length, 1);
});
