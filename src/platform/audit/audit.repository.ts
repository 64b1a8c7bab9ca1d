import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditTable, DB } from '../db/schema.ts';
import { likeEscape } from '../db/dialect/types.ts';
import { inSubtrees } from '../db/subtree.ts';

export type AuditRow = Selectable<AuditTable>;
export type AuditFilter = {
  /** Subtree roots whose entries may be read; null = all, including entries tied to no organisation. */
  roots: string[] | null;
  orgPath?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** Read side of the audit log. There is deliberately no update or delete. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private filtered(f: AuditFilter) {
    let q = this.db.selectFrom('aud_log');
    q = q.where((eb) => inSubtrees(eb.ref('org_path'), f.roots));
    if (f.orgPath) q = q.where('org_path', 'like', `${likeEscape(f.orgPath)}%`);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<', f.to);
    return q;
  }

  list(f: AuditFilter, offset: number, limit: number): Promise<AuditRow[]> {
    return this.filtered(f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }

  async count(f: AuditFilter): Promise<number> {
    const row = await this.filtered(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
