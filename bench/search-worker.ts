// One ingest process of `npm run bench -- search`: generates its share of the synthetic corpus and writes it
// through the search provider's `upsert` (segmentation + indexing), `batch` documents per transaction.
// Usage (started by bench/search.ts): node --import tsx bench/search-worker.ts '<json config>'
// Protocol: prints one JSON object per line on stdout ({type: 'ready' | 'progress' | 'done'}); reads 'go' and
// 'stop' lines on stdin (stop = finish the current batch and report).
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/platform/db/database.ts';
import { createSearchProvider, type SearchDoc } from '../src/platform/search/index.ts';
import { indexTokens } from '../src/platform/text/segment.ts';
import { loadTexts, makeDoc, orgTree } from './search-corpus.ts';

export type WorkerConfig = {
  databaseUrl?: string;
  sqliteFile: string;
  size: number;
  seed: number;
  batch: number;
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
const texts = await loadTexts();
const orgs = orgTree();
indexTokens('加载分词词典'); // the jieba dictionary loads on first use; not part of the measurement
const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 1 });

let go: () => void;
const started = new Promise<void>((resolve) => (go = resolve));
let stop = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'go') go();
  if (line.trim() === 'stop') stop = true;
});
send({ type: 'ready' });
await started;

let n = 0;
let generateMs = 0;
let writeMs = 0;
try {
  for (let b = config.worker; b * config.batch < config.size && !stop; b += config.workers) {
    const t0 = performance.now();
    const docs: SearchDoc[] = [];
    for (let i = b * config.batch; i < Math.min(config.size, (b + 1) * config.batch); i++) docs.push(makeDoc(texts, orgs, config.seed, i));
    const t1 = performance.now();
    // A provider bound to the transaction: every upsert of the batch commits together.
    await database.db.transaction().execute(async (trx) => {
      const provider = createSearchProvider({ db: trx, dialect: database.dialect });
      for (const doc of docs) await provider.upsert(doc);
    });
    generateMs += t1 - t0;
    writeMs += performance.now() - t1;
    n += docs.length;
    send({ type: 'progress', worker: config.worker, n });
    // better-sqlite3 answers synchronously, so the loop above never reaches the event loop on its own: let
    // stdin deliver a 'stop' between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  send({ type: 'done', worker: config.worker, n, generateMs: Math.round(generateMs), writeMs: Math.round(writeMs), stopped: stop });
} finally {
  await database.close();
}
process.exit(0);
