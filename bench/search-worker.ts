// One ingest process of `npm run bench -- search`: its share of the synthetic corpus is generated and
// segmented by `threads` worker threads (bench/search-segmenter.ts) and written by the main thread through the
// search provider's `upsertMany`, `batch` documents per transaction, in batch order.
// Usage (started by bench/search.ts): node --import tsx bench/search-worker.ts '<json config>'
// Protocol: prints one JSON object per line on stdout ({type: 'ready' | 'progress' | 'done'}); reads 'go' and
// 'stop' lines on stdin (stop = finish the current batch and report).
import { createInterface } from 'node:readline';
import type { Worker } from 'node:worker_threads';
import { openDatabase } from '../src/platform/db/database.ts';
import { createSearchProvider } from '../src/platform/search/index.ts';
import { startTsWorker } from '../src/platform/threads/ts-worker.ts';
import type { SegmentReply, SegmentRequest } from './search-segmenter.ts';

export type WorkerConfig = {
  databaseUrl?: string;
  sqliteFile: string;
  size: number;
  seed: number;
  batch: number;
  /** Segmentation threads of this process. */
  threads: number;
  /** This process takes batches worker, worker + workers, … */
  worker: number;
  workers: number;
};

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; worker: number; n: number }
  | { type: 'done'; worker: number; n: number; generateMs: number; writeMs: number; stopped: boolean };

const send = (m: WorkerMessage) => process.stdout.write(`${JSON.stringify(m)}\n`);

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 1 });

const segmenter = new URL('./search-segmenter.ts', import.meta.url);
const threads = Array.from({ length: Math.max(1, config.threads) }, () => startTsWorker(segmenter));
await Promise.all(threads.map((t) => new Promise<void>((resolve) => t.once('message', () => resolve()))));

let go: () => void;
const started = new Promise<void>((resolve) => (go = resolve));
let stop = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'go') go();
  if (line.trim() === 'stop') stop = true;
});
send({ type: 'ready' });
await started;

// This process's batches, handed out to the threads; replies are kept until their turn to be written. At most
// two batches per thread are ahead of the writer: the threads wait for it rather than fill the memory, and a
// 'stop' ends the run after those few batches.
const batches: number[] = [];
for (let b = config.worker; b * config.batch < config.size; b += config.workers) batches.push(b);
const maxAhead = 2 * threads.length;
const replies = new Map<number, SegmentReply>();
const waiting = new Map<number, (r: SegmentReply) => void>();
const idle: Worker[] = [];
let next = 0;
let written = 0;
const feed = () => {
  while (idle.length && !stop && next < batches.length && next - written < maxAhead) {
    const b = batches[next++]!;
    idle.pop()!.postMessage({ batch: b, from: b * config.batch, to: Math.min(config.size, (b + 1) * config.batch), seed: config.seed } satisfies SegmentRequest);
  }
};
for (const t of threads) {
  t.on('message', (r: SegmentReply) => {
    const w = waiting.get(r.batch);
    if (w) w(r);
    else replies.set(r.batch, r);
    idle.push(t);
    feed();
  });
  idle.push(t);
}
feed();
const reply = (b: number) =>
  new Promise<SegmentReply>((resolve) => {
    const r = replies.get(b);
    if (r) return resolve(r);
    waiting.set(b, resolve);
  });

let n = 0;
let generateMs = 0;
let writeMs = 0;
try {
  for (let i = 0; i < next || (i < batches.length && !stop); i++) {
    const r = await reply(batches[i]!);
    replies.delete(r.batch);
    waiting.delete(r.batch);
    const t1 = performance.now();
    // A provider bound to the transaction: every row of the batch commits together.
    await database.db.transaction().execute(async (trx) => createSearchProvider({ db: trx, dialect: database.dialect }).upsertMany(r.rows));
    generateMs += r.ms;
    writeMs += performance.now() - t1;
    n += r.rows.length;
    written = i + 1;
    feed();
    send({ type: 'progress', worker: config.worker, n });
    // better-sqlite3 answers synchronously: let stdin (a 'stop') and the threads' replies in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  send({ type: 'done', worker: config.worker, n, generateMs: Math.round(generateMs), writeMs: Math.round(writeMs), stopped: stop });
} finally {
  await Promise.all(threads.map((t) => t.terminate()));
  await database.close();
}
process.exit(0);
