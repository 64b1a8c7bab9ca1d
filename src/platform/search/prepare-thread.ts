// One thread of a PreparePool (prepare-pool.ts): turns documents into index rows. Posts 'ready' once its
// dictionaries are loaded, then answers every {id, docs} with {id, rows} or {id, error}.
import { parentPort } from 'node:worker_threads';
import { indexTokens } from '../text/segment.ts';
import type { PrepareReply, PrepareRequest } from './prepare-pool.ts';
import { toRow } from './store.ts';

indexTokens('加载分词词典'); // jieba's and opencc's dictionaries load on first use
parentPort!.on('message', ({ id, docs }: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    reply = { id, rows: docs.map(toRow) };
  } catch (err) {
    reply = { id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage('ready');
