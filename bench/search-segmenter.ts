// A segmentation thread of a `npm run bench -- search` ingest process (node:worker_threads): generates the
// documents of a batch and turns them into index rows (`prepareDoc`: jieba, opencc, pinyin), the CPU-bound
// part of indexing, so the ingest process's main thread only writes. Messages: in {batch, from, to}, out
// {batch, rows, ms}.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { prepareDoc, type PreparedDoc } from '../src/platform/search/index.ts';
import { indexTokens } from '../src/platform/text/segment.ts';
import { loadTexts, makeDoc, orgTree } from './search-corpus.ts';

export type SegmentRequest = { batch: number; from: number; to: number; seed: number };
export type SegmentReply = { batch: number; rows: PreparedDoc[]; ms: number };

// The single writer (the main thread) is what limits ingest: this thread runs at a lower priority (nice 10; on
// Linux a thread has its own), so it uses the CPU time the writer leaves instead of taking turns with it.
// Elsewhere (no /proc/thread-self) it keeps the normal priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: normal priority
}

const texts = await loadTexts();
const orgs = orgTree();
indexTokens('加载分词词典'); // the dictionaries load on first use; not part of the measurement
parentPort!.on('message', (req: SegmentRequest) => {
  const t0 = performance.now();
  const rows: PreparedDoc[] = [];
  for (let i = req.from; i < req.to; i++) rows.push(prepareDoc(makeDoc(texts, orgs, req.seed, i)));
  parentPort!.postMessage({ batch: req.batch, rows, ms: performance.now() - t0 } satisfies SegmentReply);
});
parentPort!.postMessage('ready');
