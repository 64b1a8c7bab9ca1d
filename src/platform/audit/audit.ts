import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Actor } from '../authz/actor.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  org?: { id: string; path: string } | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = /password|token_hash|secret|csrf/i;

/** Drops secrets from before/after snapshots: the audit log must never hold a password hash or token. */
export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** Appends one audit row; only ever called inside the unit of work that makes the change. */
export async function appendAudit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const snapshot = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(redact(v)));
  await db
    .insertInto('aud_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: actor.userId,
      actor_name: actor.userName,
      org_id: entry.org?.id ?? null,
      org_path: entry.org?.path ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      ip: actor.ip,
      request_id: actor.requestId,
    })
    .execute();
}
