import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository, type DocumentWithOrg } from './documents.repository.ts';
import type { CreateDraftInput, DraftDto, UpdateDraftInput } from './documents.schemas.ts';

const present = (r: DocumentWithOrg): DraftDto => ({
  id: r.id,
  organisationId: r.org_id,
  organisationName: r.org_name,
  title: r.title,
  body: r.body,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Drafts of an organisation's documents: readable with document.read and editable with document.edit on the
 * organisation's subtree. A draft the actor may not read answers exactly like a missing one.
 */
export class DocumentService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
  ) {}

  async list(actor: Actor, page = 1, pageSize = 20) {
    const roots = scopeRoots(actor, 'document.read');
    const repo = new DocumentRepository(this.db);
    const [rows, total] = await Promise.all([repo.list(roots, (page - 1) * pageSize, pageSize), repo.count(roots)]);
    return { items: rows.map(present), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<DraftDto> {
    const row = await new DocumentRepository(this.db).find(id);
    if (!row || !can(actor, 'document.read', row.org_path)) throw new NotFoundError();
    return present(row);
  }

  async create(actor: Actor, input: CreateDraftInput): Promise<DraftDto> {
    const org = (await this.orgs.refs([input.organisationId])).get(input.organisationId);
    if (!org || !can(actor, 'document.edit', org.path)) throw ValidationError.field('organisationId', 'unknownOrg');
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const now = nowIso();
      const row = { id: newId(), org_id: org.id, title: input.title.trim(), body: input.body, status: 'draft' as const, created_by: actor.userId!, created_at: now, updated_at: now };
      await repo.insert(row);
      const dto = present({ ...row, org_path: org.path, org_name: org.name });
      await tx.audit({ action: 'document.create', entityType: 'document', entityId: row.id, org, after: dto });
      return dto;
    });
  }

  async update(actor: Actor, id: string, input: UpdateDraftInput): Promise<DraftDto> {
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const row = await repo.find(id);
      // Not editable here answers like missing: a reader of the city's drafts learns nothing from a 403.
      if (!row || !can(actor, 'document.edit', row.org_path)) throw new NotFoundError();
      const patch = { ...(input.title !== undefined ? { title: input.title.trim() } : {}), ...(input.body !== undefined ? { body: input.body } : {}), updated_at: nowIso() };
      await repo.update(id, patch);
      const after = present({ ...row, ...patch });
      await tx.audit({ action: 'document.update', entityType: 'document', entityId: id, org: { id: row.org_id, path: row.org_path }, before: present(row), after });
      return after;
    });
  }

  countInOrg(db: Kysely<DB>, orgId: string): Promise<number> {
    return new DocumentRepository(db).countInOrg(orgId);
  }
}
