import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { OutboxProcessor } from '../events/outbox.ts';

/**
 * Housekeeping every app instance may run (all steps are idempotent): the modules' periodic tasks (e.g. scheduled
 * publishing), then retry due outbox events, drop expired sessions and rate-limit windows older than an hour. Returns a stop function.
 */
export function startMaintenance(
  db: Kysely<DB>,
  outbox: OutboxProcessor,
  log: { warn: (o: object, m: string) => void },
  tasks: (() => Promise<unknown>)[] = [],
  everyMs = 30_000,
): () => void {
  const run = async () => {
    try {
      for (const task of tasks) await task();
      await outbox.kick();
      const now = new Date();
      await db.deleteFrom('iam_session').where('expires_at', '<', now.toISOString()).execute();
      await db.deleteFrom('sys_rate_limit').where('window_start', '<', now.getTime() - 3_600_000).execute();
    } catch (err) {
      log.warn({ err }, 'maintenance run failed');
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
