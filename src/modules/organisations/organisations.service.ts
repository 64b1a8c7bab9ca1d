import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { rewriteOrgPaths, type OrgPathCopy } from '../../platform/db/subtree.ts';
import { newId, nowIso, fromBool } from '../../platform/db/ids.ts';
import { can, isPlatformAdmin, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import { isValidDivisionCode, isValidSiteCode, isValidUscc } from '../../platform/text/identifiers.ts';
import type {
  CreateOrganisationInput,
  ListOrganisationsInput,
  OrganisationDto,
  UpdateOrganisationInput,
} from '../../shared/schemas/organisations.ts';
import { OrganisationRepository, type OrgRow } from './organisations.repository.ts';
import { deleteRowsOf } from './content-checks.ts';
import { presentContact, presentOrganisation } from './organisations.presenter.ts';
import { canSitUnder } from './organisations.policy.ts';

/** A column of another module's table that holds organisation ids. */
export type OrgReference = { table: string; column: string };

/** Something another module keeps per organisation; an organisation holding any of it cannot be deleted. */
export type ContentCheck = {
  label: { zh: string; en: string };
  count: (db: Kysely<DB>, orgId: string) => Promise<number>;
  /** The column it counts (for the test that every reference to an organisation is covered). */
  reference?: OrgReference;
};

export type OrgRef = { id: string; path: string; name: string; kind: string; uscc: string | null; divisionCode: string | null };

export class OrganisationService {
  private readonly contentChecks: ContentCheck[] = [];
  private readonly ownedRows: OrgReference[] = [];
  private readonly pathCopies = new Map<string, OrgPathCopy>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
    private readonly uow: UnitOfWork,
  ) {}

  private repo(db: Kysely<DB> = this.db) {
    return new OrganisationRepository(db, this.dialect);
  }

  registerContentCheck(check: ContentCheck): void {
    this.contentChecks.push(check);
  }

  /**
   * Settings an organisation owns and that mean nothing without it (its catalog columns, counters, review steps):
   * deleted with it, in the order given, once the content checks let the deletion go ahead.
   */
  registerOwnedRows(rows: readonly OrgReference[]): void {
    this.ownedRows.push(...rows);
  }

  /** What a deletion looks at: the references that refuse it and the rows it removes. */
  get deletionCoverage(): { held: OrgReference[]; owned: OrgReference[] } {
    return { held: this.contentChecks.flatMap((c) => (c.reference ? [c.reference] : [])), owned: [...this.ownedRows] };
  }

  /** Tables of other modules that copy `org_path`; a move rewrites them in its transaction (platform/db/subtree.ts). */
  registerPathCopies(copies: readonly (string | OrgPathCopy)[]): void {
    for (const c of copies) {
      const copy = typeof c === 'string' ? { table: c } : c;
      this.pathCopies.set(copy.table, copy);
    }
  }

  get pathCopyTables(): string[] {
    return [...this.pathCopies.keys()];
  }

  /** For other modules: the path of an organisation the actor may read, or NotFound. */
  async requireReadable(actor: Actor, id: string, db: Kysely<DB> = this.db): Promise<OrgRef> {
    const row = await this.repo(db).findById(id);
    if (!row || !can(actor, 'org.read', row.path)) throw new NotFoundError();
    return toRef(row);
  }

  /** For other modules: id → {path, name}, without access checks (callers check). Pass `db` inside a transaction. */
  async refs(ids: string[], db: Kysely<DB> = this.db): Promise<Map<string, OrgRef>> {
    const rows = await this.repo(db).findByIds([...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, toRef(r)]));
  }

  async get(actor: Actor, id: string): Promise<OrganisationDto> {
    const row = await this.repo().findById(id);
    if (!row || !can(actor, 'org.read', row.path)) throw new NotFoundError();
    return presentOrganisation(row);
  }

  async list(actor: Actor, input: ListOrganisationsInput) {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const filter = {
      roots: scopeRoots(actor, 'org.read'),
      q: input.q,
      parentId: input.parentId,
      kind: input.kind,
      includeInactive: input.includeInactive,
    };
    const [rows, total] = await Promise.all([
      this.repo().list(filter, { offset: (page - 1) * pageSize, limit: pageSize }),
      this.repo().countFiltered(filter),
    ]);
    return { items: rows.map(presentOrganisation), total, page, pageSize };
  }

  /** Every organisation the actor may read, active or not, as a flat list for building a tree. */
  async tree(actor: Actor): Promise<OrganisationDto[]> {
    const rows = await this.repo().list({ roots: scopeRoots(actor, 'org.read'), includeInactive: true });
    return rows.map(presentOrganisation);
  }

  /** The public directory: active organisations whose ancestors are all active. */
  async publicDirectory(): Promise<OrganisationDto[]> {
    const rows = await this.repo().list({ roots: null, includeInactive: true });
    const inactive = rows.filter((r) => r.active !== 1).map((r) => r.path);
    return rows.filter((r) => !inactive.some((p) => r.path.startsWith(p))).map(presentOrganisation);
  }

  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      let parent: OrgRow | undefined;
      if (input.parentId === null) {
        if (!isPlatformAdmin(actor)) throw new ForbiddenError();
      } else {
        parent = await repo.findById(input.parentId);
        if (!parent || !can(actor, 'org.read', parent.path)) throw ValidationError.field('parentId', 'unknownOrg');
        if (!can(actor, 'org.manage', parent.path)) throw new ForbiddenError();
        if (parent.active !== 1) throw new ConflictError('ORG_PARENT_INACTIVE');
      }
      if (!canSitUnder(input.kind, parent?.kind ?? null)) throw ValidationError.field('kind', 'parentKind');
      await this.checkIdentifiers(repo, input, null);
      const id = newId();
      const now = nowIso();
      const row: OrgRow = {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        name: input.name.trim(),
        short_name: blankToNull(input.shortName),
        kind: input.kind,
        division_code: blankToNull(input.divisionCode),
        uscc: blankToNull(input.uscc)?.toUpperCase() ?? null,
        site_code: blankToNull(input.siteCode),
        sort_order: input.sortOrder ?? 0,
        active: 1,
        contact: JSON.stringify(presentContact(JSON.stringify(input.contact ?? {}))),
        created_at: now,
        updated_at: now,
      };
      await repo.insert(row);
      const dto = presentOrganisation(row);
      await tx.audit({ action: 'organisation.create', entityType: 'organisation', entityId: id, org: row, after: dto });
      return dto;
    });
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = await this.requireManageable(repo, actor, id);
      if (input.kind && input.kind !== row.kind) {
        const parent = row.parent_id ? await repo.findById(row.parent_id) : undefined;
        if (!canSitUnder(input.kind, parent?.kind ?? null)) throw ValidationError.field('kind', 'parentKind');
        const children = await repo.list({ roots: null, parentId: id, includeInactive: true });
        if (children.some((c) => !canSitUnder(c.kind, input.kind!))) throw ValidationError.field('kind', 'parentKind');
      }
      await this.checkIdentifiers(repo, input, id);
      const patch: Partial<OrgRow> = { updated_at: nowIso() };
      if (input.name !== undefined) patch.name = input.name.trim();
      if (input.shortName !== undefined) patch.short_name = blankToNull(input.shortName);
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.divisionCode !== undefined) patch.division_code = blankToNull(input.divisionCode);
      if (input.uscc !== undefined) patch.uscc = blankToNull(input.uscc)?.toUpperCase() ?? null;
      if (input.siteCode !== undefined) patch.site_code = blankToNull(input.siteCode);
      if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
      if (input.contact !== undefined) {
        patch.contact = JSON.stringify(presentContact(JSON.stringify({ ...presentContact(row.contact), ...input.contact })));
      }
      await repo.update(id, patch);
      const after = { ...row, ...patch };
      await tx.audit({
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        org: row,
        before: presentOrganisation(row),
        after: presentOrganisation(after),
      });
      return presentOrganisation(after);
    });
  }

  async move(actor: Actor, id: string, parentId: string): Promise<OrganisationDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = await this.requireManageable(repo, actor, id);
      if (!row.parent_id) throw new ConflictError('ORG_ROOT');
      const parent = await repo.findById(parentId);
      if (!parent || !can(actor, 'org.read', parent.path)) throw ValidationError.field('parentId', 'unknownOrg');
      if (!can(actor, 'org.manage', parent.path)) throw new ForbiddenError();
      if (parent.path.startsWith(row.path)) throw new ConflictError('ORG_CYCLE');
      if (!canSitUnder(row.kind, parent.kind)) throw ValidationError.field('parentId', 'parentKind');
      if (parent.id === row.parent_id) return presentOrganisation(row);
      const now = nowIso();
      const newPath = `${parent.path}${row.id}/`;
      await repo.update(id, { parent_id: parent.id, updated_at: now });
      await repo.rewriteSubtree(row.path, newPath, parent.depth + 1 - row.depth, now);
      for (const copy of this.pathCopies.values()) {
        if (copy.rewrite) await copy.rewrite(tx.db, row.path, newPath);
        else await rewriteOrgPaths(tx.db, copy.table, row.path, newPath);
      }
      const after = (await repo.findById(id))!;
      await tx.audit({
        action: 'organisation.move',
        entityType: 'organisation',
        entityId: id,
        org: after,
        before: { parentId: row.parent_id, path: row.path },
        after: { parentId: parent.id, path: after.path },
      });
      return presentOrganisation(after);
    });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<OrganisationDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = await this.requireManageable(repo, actor, id);
      if (!active && !row.parent_id) throw new ConflictError('ORG_ROOT');
      if (active && row.parent_id) {
        const parent = await repo.findById(row.parent_id);
        if (parent && parent.active !== 1) throw new ConflictError('ORG_PARENT_INACTIVE');
      }
      if (toFlag(row.active) === active) return presentOrganisation(row);
      const patch = { active: fromBool(active), updated_at: nowIso() };
      await repo.update(id, patch);
      await tx.audit({
        action: active ? 'organisation.activate' : 'organisation.deactivate',
        entityType: 'organisation',
        entityId: id,
        org: row,
        before: { active: !active },
        after: { active },
      });
      return presentOrganisation({ ...row, ...patch });
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = await this.requireManageable(repo, actor, id);
      if (!row.parent_id) throw new ConflictError('ORG_ROOT');
      const held: { zh: string; en: string }[] = [];
      if ((await repo.countChildren(id)) > 0) held.push({ zh: '下级机构', en: 'child organisations' });
      for (const check of this.contentChecks) if ((await check.count(tx.db, id)) > 0) held.push(check.label);
      if (held.length > 0) {
        throw new ConflictError('ORG_HAS_CONTENT', {
          what: { zh: held.map((h) => h.zh).join('、'), en: held.map((h) => h.en).join(', ') },
        });
      }
      const removed: Record<string, number> = {};
      for (const owned of this.ownedRows) {
        const n = await deleteRowsOf(tx.db, owned, id);
        if (n > 0) removed[owned.table] = (removed[owned.table] ?? 0) + n;
      }
      await repo.delete(id);
      await tx.audit({
        action: 'organisation.delete',
        entityType: 'organisation',
        entityId: id,
        org: row,
        before: { ...presentOrganisation(row), removed },
      });
    });
  }

  private async requireManageable(repo: OrganisationRepository, actor: Actor, id: string): Promise<OrgRow> {
    const row = await repo.findById(id);
    if (!row || !can(actor, 'org.read', row.path)) throw new NotFoundError();
    if (!can(actor, 'org.manage', row.path)) throw new ForbiddenError();
    return row;
  }

  private async checkIdentifiers(
    repo: OrganisationRepository,
    input: { divisionCode?: string | null; uscc?: string | null; siteCode?: string | null },
    selfId: string | null,
  ): Promise<void> {
    const fields: FieldError[] = [];
    const division = blankToNull(input.divisionCode);
    const uscc = blankToNull(input.uscc)?.toUpperCase();
    const site = blankToNull(input.siteCode);
    if (division && !isValidDivisionCode(division)) fields.push({ path: 'divisionCode', code: 'divisionCode' });
    if (uscc && !isValidUscc(uscc)) fields.push({ path: 'uscc', code: 'uscc' });
    if (site && !isValidSiteCode(site)) fields.push({ path: 'siteCode', code: 'siteCode' });
    if (fields.length > 0) throw new ValidationError(fields);
    if (division) {
      const other = await repo.findByDivisionCode(division);
      if (other && other.id !== selfId) throw new ConflictError('DIVISION_CODE_TAKEN', { code: division });
    }
    if (uscc) {
      const other = await repo.findByUscc(uscc);
      if (other && other.id !== selfId) throw new ConflictError('USCC_TAKEN');
    }
  }
}

const toRef = (r: OrgRow): OrgRef => ({ id: r.id, path: r.path, name: r.name, kind: r.kind, uscc: r.uscc, divisionCode: r.division_code });

function blankToNull(v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

const toFlag = (v: number) => v === 1;
