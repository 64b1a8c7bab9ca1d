import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';

export type DomainEvent = { topic: string; payload: Record<string, unknown> };
export type EventHandler = (event: DomainEvent & { id: string }) => Promise<void>;

/** Writes an event in the caller's transaction; it is dispatched only after that transaction commits. */
export async function enqueue(db: Kysely<DB>, event: DomainEvent): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('sys_outbox')
    .values({ id: newId(), topic: event.topic, payload: JSON.stringify(event.payload), created_at: now, available_at: now, attempts: 0 })
    .execute();
}

const MAX_ATTEMPTS = 10;

/**
 * Runs handlers for committed events. Handlers must be idempotent: with several app instances an event can be
 * claimed twice in a race, and a crash between handling and marking re-runs it.
 */
export class OutboxProcessor {
  private handlers = new Map<string, EventHandler[]>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Pick<Logger, 'error' | 'warn'>,
  ) {}

  on(topic: string, handler: EventHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** Asks for a drain soon; overlapping calls collapse into one more pass. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again);
    })()
      .catch((err) => this.log.error({ err }, 'outbox drain failed; will retry on the next kick'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Resolves when no drain is running (call before closing the database). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const batch = await this.db
      .selectFrom('sys_outbox')
      .selectAll()
      .where('processed_at', 'is', null)
      .where('available_at', '<=', nowIso())
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('id')
      .limit(100)
      .execute();
    for (const row of batch) {
      const event = { id: row.id, topic: row.topic, payload: JSON.parse(row.payload) as Record<string, unknown> };
      try {
        for (const handler of this.handlers.get(row.topic) ?? []) await handler(event);
        await this.db.updateTable('sys_outbox').set({ processed_at: nowIso(), attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
      } catch (err) {
        const attempts = row.attempts + 1;
        const delayMs = Math.min(60_000 * 2 ** attempts, 3_600_000);
        this.log.warn({ err, event: row.id, topic: row.topic, attempts }, 'event handler failed; will retry');
        await this.db
          .updateTable('sys_outbox')
          .set({ attempts, last_error: String(err).slice(0, 1000), available_at: new Date(Date.now() + delayMs).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
    }
  }
}
