import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlinePreparer, prepareDoc, startPreparePool, type SearchDoc } from './index.ts';

const doc = (i: number, over: Partial<SearchDoc> = {}): SearchDoc => ({
  id: `d${i}`,
  version: i + 1,
  kind: 'document',
  orgId: 'o1',
  orgPath: '/o1/',
  title: `宜昌市第${i}号政務公開通知`,
  body: `关于做好${i}年度政府信息公开工作的通知。各县市区人民政府：现将有关事项通知如下。`,
  docNo: `宜府办发〔2023〕${i}号`,
  indexNo: null,
  topic: null,
  genre: '通知',
  year: 2023,
  validity: null,
  publishedAt: '2023-05-01T00:00:00.000Z',
  url: `/documents/d${i}`,
  ...over,
});

test('a pool of threads builds the same rows as prepareDoc, in the order given', async (t) => {
  const pool = await startPreparePool(3);
  t.after(() => pool.close());
  assert.equal(pool.threads, 3);
  for (const n of [0, 1, 2, 7, 40]) {
    const docs = Array.from({ length: n }, (_, i) => doc(i));
    assert.deepEqual(await pool.prepare(docs), docs.map(prepareDoc), `${n} documents`);
  }
  // Requests in flight together are answered each with its own rows.
  const a = Array.from({ length: 9 }, (_, i) => doc(i));
  const b = Array.from({ length: 5 }, (_, i) => doc(100 + i));
  const [ra, rb] = await Promise.all([pool.prepare(a), pool.prepare(b)]);
  assert.deepEqual(
    ra.map((r) => r.id),
    a.map((d) => d.id),
  );
  assert.deepEqual(
    rb.map((r) => r.id),
    b.map((d) => d.id),
  );
  assert.match(ra[0]!.title_tokens, /政务/, 'traditional characters are simplified in the thread too');
});

test('an invalid document rejects its request with prepareDoc’s message; the pool keeps working', async (t) => {
  const pool = await startPreparePool(1);
  t.after(() => pool.close());
  await assert.rejects(pool.prepare([doc(1), doc(2, { kind: '' })]), /SearchDoc\.kind is required/);
  assert.deepEqual(await pool.prepare([doc(3)]), [prepareDoc(doc(3))]);
});

test('a closed pool refuses work; thread counts must be positive integers', async () => {
  const pool = await startPreparePool(1);
  await pool.close();
  await assert.rejects(pool.prepare([doc(1)]), /closed/);
  for (const bad of [0, -1, 1.5]) await assert.rejects(startPreparePool(bad), RangeError);
  const inline = inlinePreparer();
  assert.equal(inline.threads, 0);
  assert.deepEqual(await inline.prepare([doc(4)]), [prepareDoc(doc(4))]);
});
