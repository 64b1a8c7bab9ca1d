// SQLite runs on one connection: a query on the root Kysely made inside a transaction waits for the connection that
// the transaction holds, and the transaction waits for that query, so the whole app hangs. Transactions run their
// work inside this scope, and the SQLite driver refuses a root query from within it (a nested transaction too),
// so the mistake fails loudly, in tests first, instead of freezing production.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';

type Scope = { open: boolean };
const scope = new AsyncLocalStorage<Scope>();

/** `db.transaction().execute(work)`, with the work marked as inside the transaction until it ends. */
export async function transact<D, T>(db: Kysely<D>, work: (trx: Transaction<D>) => Promise<T>): Promise<T> {
  const current: Scope = { open: true };
  try {
    return await db.transaction().execute((trx) => scope.run(current, () => work(trx)));
  } finally {
    // Work started inside but still running after the end (fire-and-forget) may use the root connection again.
    current.open = false;
  }
}

/** Whether the caller runs inside an open transaction's work. */
export const insideTransaction = (): boolean => scope.getStore()?.open === true;

export class RootQueryInTransactionError extends Error {
  constructor() {
    super('a query on the root database inside a transaction would wait for itself on SQLite: use the transaction (tx.db) instead');
    this.name = 'RootQueryInTransactionError';
  }
}
