import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store kept in the database, so limits hold across app instances.
 * Fixed windows per key; one upsert per counted request.
 */
export function databaseRateLimitStore(db: Kysely<DB>) {
  return class DatabaseStore {
    private readonly timeWindow: number;
    private readonly prefix: string;
    constructor(options: { timeWindow?: number | string; keyPrefix?: string }) {
      this.timeWindow = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
      this.prefix = options.keyPrefix ?? '';
    }
    incr(key: string, cb: Callback): void {
      const now = Date.now();
      const windowStart = now - (now % this.timeWindow);
      const fullKey = `${this.prefix}${key}`;
      db.insertInto('sys_rate_limit')
        .values({ key: fullKey, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when sys_rate_limit.window_start = ${windowStart} then sys_rate_limit.count + 1 else 1 end`,
            window_start: windowStart,
          }),
        )
        .returning(['count'])
        .executeTakeFirstOrThrow()
        .then((row) => cb(null, { current: Number(row.count), ttl: windowStart + this.timeWindow - now }))
        .catch((err: Error) => cb(err));
    }
    child(routeOptions: { timeWindow?: number | string; routeInfo?: { method?: string; url?: string } }) {
      const Store = databaseRateLimitStore(db);
      return new Store({ timeWindow: routeOptions.timeWindow, keyPrefix: `${routeOptions.routeInfo?.method ?? ''}${routeOptions.routeInfo?.url ?? ''}:` });
    }
  };
}

/**
 * Route config for a public form (application, comment, question, feedback): GONGKAI_FORM_RATE_LIMIT submissions
 * per client IP per minute, counted in the database so the limit holds across instances.
 * Usage: `app.post('/…', { config: publicFormRateLimit(config) }, handler)`.
 */
export const publicFormRateLimit = (config: { formRateLimit: number }) => ({ rateLimit: { max: config.formRateLimit, timeWindow: 60_000 } });
