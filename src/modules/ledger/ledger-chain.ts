// The publication ledger's hashing rules, pure so that anyone can re-implement them (docs/ledger.md):
// - content hash: SHA-256 of the JSON array of the published content's fields in a fixed order;
// - entry hash: SHA-256 of the JSON array [seq, at, action, documentId, editionId, version, contentHash, prevHash];
// - the first entry's prevHash is 64 zeros.
import { createHash } from 'node:crypto';
import type { LedgerAction } from './ledger.tables.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerEntry {
  seq: number;
  at: string;
  action: LedgerAction;
  documentId: string;
  editionId: string;
  version: string;
  contentHash: string;
  prevHash: string;
  entryHash: string;
}

/** What a publication makes public, as hashed. Attachments by their own SHA-256, in display order. */
export interface PublishedContent {
  title: string;
  docNo: string | null;
  indexNo: string | null;
  writtenOn: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  bodyHtml: string;
  attachments: readonly string[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function contentHash(c: PublishedContent): string {
  return sha256(JSON.stringify([c.title, c.docNo, c.indexNo, c.writtenOn, c.effectiveFrom, c.expiresOn, c.bodyHtml, [...c.attachments]]));
}

export function entryHash(e: Omit<LedgerEntry, 'entryHash'>): string {
  return sha256(JSON.stringify([e.seq, e.at, e.action, e.documentId, e.editionId, e.version, e.contentHash, e.prevHash]));
}

export type ChainProblem =
  | { seq: number; problem: 'gap'; expected: number }
  | { seq: number; problem: 'broken_link'; expected: string }
  | { seq: number; problem: 'altered_entry'; expected: string };

/**
 * Checks a run of consecutive entries. `previous` is the entry before the first one (null: the run starts the
 * ledger). Returns every problem found, so a report can show the whole damage.
 */
export function verifyChain(entries: readonly LedgerEntry[], previous: { seq: number; entryHash: string } | null = null): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = previous ? previous.seq + 1 : 1;
  let expectedPrev = previous ? previous.entryHash : GENESIS_HASH;
  for (const e of entries) {
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'gap', expected: expectedSeq });
    if (e.prevHash !== expectedPrev) problems.push({ seq: e.seq, problem: 'broken_link', expected: expectedPrev });
    const recomputed = entryHash(e);
    if (recomputed !== e.entryHash) problems.push({ seq: e.seq, problem: 'altered_entry', expected: recomputed });
    expectedSeq = e.seq + 1;
    expectedPrev = e.entryHash;
  }
  return problems;
}

/** Builds the next entry after `head` (null: the first entry). */
export function nextEntry(
  head: { seq: number; entryHash: string } | null,
  e: Omit<LedgerEntry, 'seq' | 'prevHash' | 'entryHash'>,
): LedgerEntry {
  const base = { ...e, seq: head ? head.seq + 1 : 1, prevHash: head ? head.entryHash : GENESIS_HASH };
  return { ...base, entryHash: entryHash(base) };
}
