// Worker threads that run TypeScript modules. A worker does not inherit tsx's loader hooks (Node 20), so it
// registers them before importing its module. Both by absolute URL: code evaluated in a worker resolves bare names
// from the working directory, which for an operator's `gongkai …` may be anywhere outside the project.
import { Worker } from 'node:worker_threads';

const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));

/** A worker thread running the TypeScript module at `moduleUrl` (a file: URL). */
export function startTsWorker(moduleUrl: URL): Worker {
  const bootstrap = `import(${tsxApi}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}
