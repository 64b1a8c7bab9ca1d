import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { flattenColumns, instantiateTemplate, templatesFor, type ColumnTemplate, type OrgKind } from '../../shared/catalogs/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { CatalogRepository, type ColumnRow } from './catalog.repository.ts';
import { DocumentRepository } from './documents.repository.ts';

export type ColumnDto = { id: string; organisationId: string; parentId: string | null; code: string; name: string; updateDays: number | null; template: string | null; sortOrder: number; documents: number };

const present = (c: ColumnRow & { documents?: number }): ColumnDto => ({
  id: c.id, organisationId: c.org_id, parentId: c.parent_id, code: c.code, name: c.name, updateDays: c.update_days, template: c.template, sortOrder: c.sort_order, documents: c.documents ?? 0,
});

/**
 * Each organisation's disclosure catalog: a tree of columns created from the standard templates the first time the
 * catalog is used (政府信息公开专栏, key areas, the 26 grassroots domains by organisation kind), then edited by the
 * openness office. A document appears in one or more columns of its organisation.
 */
export class CatalogService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
  ) {}

  /** The column tree (flat, parents first by sort order); the templates are applied on first use. */
  async columns(orgId: string): Promise<ColumnDto[]> {
    const org = (await this.orgs.refs([orgId])).get(orgId);
    if (!org) throw new NotFoundError();
    const repo = new CatalogRepository(this.db);
    if (!(await repo.hasColumns(orgId))) await repo.insertColumns(templateRows(orgId, org.kind as OrgKind));
    return (await repo.columnsOf(orgId)).map(present);
  }

  async addColumn(actor: Actor, input: { organisationId: string; parentId?: string | null; name: string; updateDays?: number | null }): Promise<ColumnDto> {
    const org = await this.orgs.requireReadable(actor, input.organisationId).catch(() => {
      throw ValidationError.field('organisationId', 'unknownOrg');
    });
    if (!can(actor, 'catalog.manage', org.path)) throw new ForbiddenError();
    await this.columns(org.id);
    return this.uow(actor, async (tx) => {
      const repo = new CatalogRepository(tx.db);
      if (input.parentId) {
        const parent = await repo.findColumn(input.parentId);
        if (!parent || parent.org_id !== org.id) throw ValidationError.field('parentId', 'invalid');
      }
      const now = nowIso();
      const row: ColumnRow = { id: newId(), org_id: org.id, parent_id: input.parentId ?? null, code: `c-${newId().slice(-12)}`, name: input.name.trim(), sort_order: 1000, update_days: input.updateDays ?? null, template: null, created_at: now, updated_at: now };
      await repo.insertColumns([row]);
      await tx.audit({ action: 'catalog.add_column', entityType: 'column', entityId: row.id, org, after: present(row) });
      return present(row);
    });
  }

  async updateColumn(actor: Actor, id: string, input: { name?: string; updateDays?: number | null; sortOrder?: number }): Promise<ColumnDto> {
    return this.uow(actor, async (tx) => {
      const repo = new CatalogRepository(tx.db);
      const { column, org } = await this.requireManageable(tx.db, actor, id);
      const patch: Partial<ColumnRow> = { updated_at: nowIso() };
      if (input.name !== undefined) patch.name = input.name.trim();
      if (input.updateDays !== undefined) patch.update_days = input.updateDays;
      if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
      await repo.updateColumn(id, patch);
      await tx.audit({ action: 'catalog.update_column', entityType: 'column', entityId: id, org, before: present(column), after: present({ ...column, ...patch }) });
      return present({ ...column, ...patch });
    });
  }

  async deleteColumn(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new CatalogRepository(tx.db);
      const { column, org } = await this.requireManageable(tx.db, actor, id);
      if ((await repo.countChildrenAndItems(id)) > 0) throw new ConflictError('COLUMN_NOT_EMPTY');
      await repo.deleteColumn(id);
      await tx.audit({ action: 'catalog.delete_column', entityType: 'column', entityId: id, org, before: present(column) });
    });
  }

  /** The columns a document sits in (staff: document.read; public: a published document). */
  async columnsOfDocument(actor: Actor | null, documentId: string): Promise<ColumnDto[]> {
    const doc = await new DocumentRepository(this.db).find(documentId);
    const visible = doc && (actor === null ? doc.public_state === 'published' : can(actor, 'document.read', doc.org_path));
    if (!doc || !visible) throw new NotFoundError();
    return (await new CatalogRepository(this.db).columnsOfDocument(documentId)).map(present);
  }

  /** Places a document in columns of its own organisation (replacing earlier placement). */
  async placeDocument(actor: Actor, documentId: string, columnIds: string[]): Promise<ColumnDto[]> {
    const doc = await new DocumentRepository(this.db).find(documentId);
    if (!doc || !can(actor, 'document.edit', doc.org_path)) throw new NotFoundError();
    await this.columns(doc.org_id);
    return this.uow(actor, async (tx) => {
      const repo = new CatalogRepository(tx.db);
      const columns = await repo.findColumns([...new Set(columnIds)]);
      const bad = columnIds.findIndex((c) => !columns.some((col) => col.id === c && col.org_id === doc.org_id));
      if (bad >= 0) throw ValidationError.field(`columnIds/${bad}`, 'invalid');
      const before = (await repo.columnsOfDocument(documentId)).map((c) => c.id);
      await repo.setDocumentColumns(documentId, [...new Set(columnIds)], nowIso());
      await tx.audit({ action: 'document.place', entityType: 'document', entityId: documentId, org: { id: doc.org_id, path: doc.org_path }, before: { columnIds: before }, after: { columnIds } });
      return columns.map(present);
    });
  }

  /** Published documents of a column, for the portal. */
  async publishedIn(columnId: string, page = 1, pageSize = 20) {
    const repo = new CatalogRepository(this.db);
    const column = await repo.findColumn(columnId);
    if (!column) throw new NotFoundError();
    const [items, total] = await repo.publishedIn(columnId, (page - 1) * pageSize, pageSize);
    return { column: present(column), items, total, page, pageSize };
  }

  private async requireManageable(db: Kysely<DB>, actor: Actor, id: string) {
    const column = await new CatalogRepository(db).findColumn(id);
    const org = column ? (await this.orgs.refs([column.org_id], db)).get(column.org_id) : undefined;
    if (!column || !org || !can(actor, 'org.read', org.path)) throw new NotFoundError();
    if (!can(actor, 'catalog.manage', org.path)) throw new ForbiddenError();
    return { column, org };
  }
}

/** The template trees for an organisation kind, as rows: one root column per template, its columns beneath. */
export function templateRows(orgId: string, kind: OrgKind): ColumnRow[] {
  const now = nowIso();
  const rows: ColumnRow[] = [];
  const add = (c: ColumnTemplate, parentId: string, template: string, order: number) => {
    const id = newId();
    rows.push({ id, org_id: orgId, parent_id: parentId, code: c.code, name: c.name, sort_order: order, update_days: c.updateEveryDays, template, created_at: now, updated_at: now });
    c.children.forEach((child, i) => add(child, id, template, i));
  };
  templatesFor(kind).forEach((t, ti) => {
    const rootId = newId();
    rows.push({ id: rootId, org_id: orgId, parent_id: null, code: t.code, name: t.name, sort_order: ti, update_days: null, template: t.code, created_at: now, updated_at: now });
    instantiateTemplate(t, kind).forEach((c, i) => add(c, rootId, t.code, i));
  });
  return rows;
}

export const templateColumnCount = (kind: OrgKind) => templatesFor(kind).reduce((n, t) => n + 1 + flattenColumns(instantiateTemplate(t, kind)).length, 0);
