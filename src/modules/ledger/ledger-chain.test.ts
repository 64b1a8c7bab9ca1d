import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GENESIS_HASH, contentHash, entryHash, nextEntry, verifyChain, type LedgerEntry } from './ledger-chain.ts';

const action = fc.constantFrom('publish' as const, 'withdraw' as const, 'unpublish' as const);
const input = fc.record({
  at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  action,
  documentId: fc.string({ minLength: 1, maxLength: 30 }),
  editionId: fc.string({ minLength: 1, maxLength: 30 }),
  version: fc.string({ minLength: 1, maxLength: 8 }),
  contentHash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
});

function build(inputs: Omit<LedgerEntry, 'seq' | 'prevHash' | 'entryHash'>[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const i of inputs) out.push(nextEntry(out.at(-1) ?? null, i));
  return out;
}

test('a chain built entry by entry verifies, starting from the genesis hash', () => {
  fc.assert(
    fc.property(fc.array(input, { minLength: 1, maxLength: 30 }), (inputs) => {
      const chain = build(inputs);
      assert.equal(chain[0]!.prevHash, GENESIS_HASH);
      assert.deepEqual(
        chain.map((e) => e.seq),
        inputs.map((_, i) => i + 1),
      );
      assert.deepEqual(verifyChain(chain), []);
      // A suffix verifies against the entry before it.
      const k = Math.floor(chain.length / 2);
      assert.deepEqual(verifyChain(chain.slice(k), k > 0 ? chain[k - 1]! : null), []);
    }),
  );
});

test('changing any field of any entry is detected at that entry', () => {
  const fields = ['at', 'action', 'documentId', 'editionId', 'version', 'contentHash'] as const;
  fc.assert(
    fc.property(fc.array(input, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom(...fields), (inputs, pick, field) => {
      const chain = build(inputs);
      const i = pick % chain.length;
      const tampered = chain.map((e) => ({ ...e }));
      const target = tampered[i]!;
      (target as Record<string, unknown>)[field] =
        field === 'action' ? (target.action === 'publish' ? 'withdraw' : 'publish') : `${String(target[field])}x`;
      const problems = verifyChain(tampered);
      assert.ok(problems.some((p) => p.seq === i + 1 && p.problem === 'altered_entry'));
    }),
  );
});

test('rewriting an entry with a fresh hash breaks the link of the next one; deleting one leaves a gap', () => {
  const chain = build(
    [0, 1, 2, 3].map((n) => ({
      at: `2026-01-0${n + 1}T00:00:00.000Z`,
      action: 'publish' as const,
      documentId: `d${n}`,
      editionId: `e${n}`,
      version: '1.0',
      contentHash: 'a'.repeat(64),
    })),
  );
  const rewritten = chain.map((e) => ({ ...e }));
  rewritten[1]!.contentHash = 'b'.repeat(64);
  rewritten[1]!.entryHash = entryHash(rewritten[1]!);
  assert.deepEqual(verifyChain(rewritten), [{ seq: 3, problem: 'broken_link', expected: rewritten[1]!.entryHash }]);

  const deleted = [chain[0]!, chain[2]!, chain[3]!];
  assert.deepEqual(
    verifyChain(deleted).map((p) => [p.seq, p.problem]),
    [
      [3, 'gap'],
      [3, 'broken_link'],
    ],
  );
});

test('the content hash depends on every published field and on the attachments in order', () => {
  const base = {
    title: '关于印发办法的通知',
    docNo: '宜府发〔2023〕1号',
    indexNo: 'X/2023-00001',
    writtenOn: '2023-01-01',
    effectiveFrom: null,
    expiresOn: null,
    bodyHtml: '<p>正文</p>',
    attachments: ['a', 'b'],
  };
  const h = contentHash(base);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(contentHash({ ...base }), h);
  for (const change of [
    { title: '关于印发办法的通知 ' },
    { docNo: null },
    { indexNo: 'X/2023-00002' },
    { writtenOn: '2023-01-02' },
    { effectiveFrom: '2023-02-01' },
    { expiresOn: '2028-01-01' },
    { bodyHtml: '<p>正文。</p>' },
    { attachments: ['b', 'a'] },
  ]) {
    assert.notEqual(contentHash({ ...base, ...change }), h, JSON.stringify(change));
  }
});
