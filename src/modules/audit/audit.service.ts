import type { Kysely } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { DB } from '../../platform/db/schema.ts';
import { AuditRepository } from '../../platform/audit/audit.repository.ts';
import { isPlatformAdmin, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { parseJson } from '../../platform/db/ids.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { AuditEntryDto, ListAuditQuery } from './audit.schemas.ts';

/** Lets administrators read the audit trail of the organisations they oversee. */
export class AuditService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly orgs: OrganisationService,
  ) {}

  async list(actor: Actor, input: Static<typeof ListAuditQuery>) {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    // Entries tied to no organisation (sign-ins, tokens) are for platform administrators only.
    const roots = isPlatformAdmin(actor) ? null : scopeRoots(actor, 'audit.read');
    const orgPath = input.organisationId ? (await this.orgs.requireReadable(actor, input.organisationId)).path : undefined;
    const filter = {
      roots,
      orgPath,
      actorId: input.actorId,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      from: input.from ? toInstant(input.from) : undefined,
      to: input.to ? toInstant(input.to, true) : undefined,
    };
    const repo = new AuditRepository(this.db);
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    const orgs = await this.orgs.refs(rows.map((r) => r.org_id).filter((id): id is string => id !== null));
    const items: AuditEntryDto[] = rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      organisationId: r.org_id,
      organisationName: r.org_id ? (orgs.get(r.org_id)?.name ?? null) : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: parseJson(r.before, null),
      after: parseJson(r.after, null),
      ip: r.ip,
    }));
    return { items, total, page, pageSize };
  }
}

/** A date (Beijing) or an instant → ISO instant; a `to` date includes the whole day. */
function toInstant(value: string, endOfDay = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00+08:00`);
    return new Date(start.getTime() + (endOfDay ? 86_400_000 : 0)).toISOString();
  }
  return new Date(value).toISOString();
}
