// Index rows built in worker threads: segmentation (jieba, opencc, pinyin) is the costly part of indexing, and a
// rebuild of the whole index would otherwise run it on the one thread that also reads and writes the database.
// `prepare` keeps the order of its input; a thread's error rejects only the request it was working on.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../threads/ts-worker.ts';
import type { PreparedDoc, SearchDoc } from './provider.ts';
import { toRow } from './store.ts';

export type PreparePool = {
  /** The threads building rows (0: the calling thread builds them). */
  readonly threads: number;
  /** `prepareDoc` of every document, in order. */
  prepare(docs: SearchDoc[]): Promise<PreparedDoc[]>;
  close(): Promise<void>;
};

export type PrepareRequest = { id: number; docs: SearchDoc[] };
export type PrepareReply = { id: number; rows: PreparedDoc[] } | { id: number; error: string };

/** Threads for a rebuild: every core but the one that reads and writes the database. */
export const defaultPrepareThreads = () => Math.max(1, availableParallelism() - 1);

/** Rows built on the calling thread: for small jobs, where starting threads (and their dictionaries) costs more. */
export const inlinePreparer = (): PreparePool => ({
  threads: 0,
  prepare: async (docs) => docs.map(toRow),
  close: async () => {},
});

const threadModule = new URL('./prepare-thread.ts', import.meta.url);

/** Starts `threads` threads and waits until each has loaded its dictionaries. */
export async function startPreparePool(threads = defaultPrepareThreads()): Promise<PreparePool> {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer: ${threads}`);
  const workers = Array.from({ length: threads }, () => startTsWorker(threadModule));
  const waiting = new Map<number, { resolve: (rows: PreparedDoc[]) => void; reject: (err: Error) => void }>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
            w.once('exit', (code) => reject(new Error(`index row thread exited with code ${code} while starting`)));
          }),
      ),
    );
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  for (const w of workers) {
    w.on('message', (reply: PrepareReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.rows);
    });
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`index row thread exited with code ${code}`)));
  }

  let nextId = 0;
  const ask = (worker: Worker, docs: SearchDoc[]) =>
    new Promise<PreparedDoc[]>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, docs } satisfies PrepareRequest);
    });

  return {
    threads,
    async prepare(docs) {
      // One contiguous share per thread, so the rows come back in order by concatenation.
      const share = Math.ceil(docs.length / threads);
      const parts = workers
        .map((w, i) => ({ w, docs: docs.slice(i * share, (i + 1) * share) }))
        .filter((p) => p.docs.length > 0)
        .map((p) => ask(p.w, p.docs));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
      fail(new Error('the index row threads were closed'));
    },
  };
}
