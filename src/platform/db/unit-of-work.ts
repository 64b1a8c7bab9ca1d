import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Actor } from '../authz/actor.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.ts';
import { enqueue, type DomainEvent, type OutboxProcessor } from '../events/outbox.ts';
import { transact } from './transaction-scope.ts';

/** What a use case gets inside its transaction: the transaction itself, its audit trail and its outbox. */
export type Tx = {
  db: Kysely<DB>;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
  emit(event: DomainEvent): Promise<void>;
};

export type UnitOfWork = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * The change, its audit rows and its outbox events commit together or not at all; events are dispatched after.
 * Keep the work short and free of network I/O: SQLite has one writer.
 */
export function createUnitOfWork(db: Kysely<DB>, outbox?: OutboxProcessor): UnitOfWork {
  return async (actor, work) => {
    let emitted = false;
    const result = await transact(db, (trx) =>
      work({
        db: trx,
        actor,
        audit: (entry) => appendAudit(trx, actor, entry),
        emit: async (event) => {
          emitted = true;
          await enqueue(trx, event);
        },
      }),
    );
    if (emitted && outbox) void outbox.kick();
    return result;
  };
}
