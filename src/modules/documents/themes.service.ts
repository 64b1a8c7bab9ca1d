// 专题 (themed categories of the normative library, work plan item (九)): a name, optional 主题分类 codes whose
// documents belong automatically, and documents added by hand. A theme belongs to an organisation (the city's are
// the site-wide ones); the openness office (catalog.manage) of that organisation manages it. Everyone may read.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, parseJson } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { topicPath } from '../../shared/catalogs/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository } from './documents.repository.ts';
import { NormativeRepository, type ThemeRow } from './normative.repository.ts';

export type ThemeInput = { organisationId: string; name: string; description?: string | null; topicCodes?: string[]; sortOrder?: number };
export type ThemeItemDto = { id: string; title: string; docNo: string | null; publicState: string };
export type ThemeDto = {
  id: string; organisationId: string; organisationName: string; name: string; description: string | null;
  topicCodes: string[]; sortOrder: number; documents: number;
};

export type ThemeDetailDto = ThemeDto & { items: ThemeItemDto[] };

export class ThemeService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
  ) {}

  async list(): Promise<ThemeDto[]> {
    const repo = new NormativeRepository(this.db);
    const rows = await repo.themes();
    const counts = await repo.countThemeItems(rows.map((r) => r.id));
    return rows.map((r) => present(r, counts.get(r.id) ?? 0));
  }

  /** The theme and its hand-added documents: unpublished ones only for those who manage the theme. */
  async get(actor: Actor | null, id: string): Promise<ThemeDetailDto> {
    const repo = new NormativeRepository(this.db);
    const row = await repo.findTheme(id);
    if (!row) throw new NotFoundError();
    const manager = actor !== null && can(actor, 'catalog.manage', row.org_path);
    const items = (await repo.themeItems(id, !manager)).map((i) => ({ id: i.id, title: i.title ?? '', docNo: i.doc_no, publicState: i.public_state }));
    return { ...present(row, items.length), items };
  }

  async create(actor: Actor, input: ThemeInput): Promise<ThemeDetailDto> {
    const org = (await this.orgs.refs([input.organisationId])).get(input.organisationId);
    if (!org || !can(actor, 'catalog.manage', org.path)) throw ValidationError.field('organisationId', 'unknownOrg');
    const id = newId();
    await this.uow(actor, async (tx) => {
      const repo = new NormativeRepository(tx.db);
      const name = input.name.trim();
      if (await repo.themeNameTaken(org.id, name, null)) throw new ConflictError('THEME_NAME_TAKEN', { name });
      const now = nowIso();
      const row: ThemeRow = {
        id, org_id: org.id, name, description: input.description?.trim() || null, topic_codes: JSON.stringify(checkTopics(input.topicCodes ?? [])),
        sort_order: input.sortOrder ?? 0, created_by: actor.userId, created_at: now, updated_at: now,
      };
      await repo.insertTheme(row);
      await tx.audit({ action: 'theme.create', entityType: 'theme', entityId: id, org, after: { name, topicCodes: input.topicCodes ?? [] } });
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: Partial<Omit<ThemeInput, 'organisationId'>>): Promise<ThemeDetailDto> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeRepository(tx.db);
      const theme = await this.requireManaged(repo, actor, id);
      const patch: Partial<ThemeRow> = { updated_at: nowIso() };
      if (input.name !== undefined) {
        patch.name = input.name.trim();
        if (await repo.themeNameTaken(theme.org_id, patch.name, id)) throw new ConflictError('THEME_NAME_TAKEN', { name: patch.name });
      }
      if (input.description !== undefined) patch.description = input.description?.trim() || null;
      if (input.topicCodes !== undefined) patch.topic_codes = JSON.stringify(checkTopics(input.topicCodes));
      if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
      await repo.updateTheme(id, patch);
      await tx.audit({ action: 'theme.update', entityType: 'theme', entityId: id, org: { id: theme.org_id, path: theme.org_path }, before: { name: theme.name, topicCodes: parseJson(theme.topic_codes, []) }, after: input });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeRepository(tx.db);
      const theme = await this.requireManaged(repo, actor, id);
      await repo.deleteTheme(id);
      await tx.audit({ action: 'theme.delete', entityType: 'theme', entityId: id, org: { id: theme.org_id, path: theme.org_path }, before: { name: theme.name } });
    });
  }

  /** Adds a document by hand: it must be published, or readable by the actor (a draft joins when published). */
  async addDocument(actor: Actor, id: string, documentId: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeRepository(tx.db);
      const theme = await this.requireManaged(repo, actor, id);
      const doc = await new DocumentRepository(tx.db).find(documentId);
      if (!doc || !(doc.public_state === 'published' || can(actor, 'document.read', doc.org_path))) throw ValidationError.field('documentId', 'invalid');
      if (!(await repo.addThemeItem({ theme_id: id, document_id: documentId, created_at: nowIso() }))) throw new ConflictError('CONFLICT');
      await tx.audit({ action: 'theme.add_document', entityType: 'theme', entityId: id, org: { id: theme.org_id, path: theme.org_path }, after: { documentId } });
    });
  }

  async removeDocument(actor: Actor, id: string, documentId: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeRepository(tx.db);
      const theme = await this.requireManaged(repo, actor, id);
      if (!(await repo.removeThemeItem(id, documentId))) throw new NotFoundError();
      await tx.audit({ action: 'theme.remove_document', entityType: 'theme', entityId: id, org: { id: theme.org_id, path: theme.org_path }, before: { documentId } });
    });
  }

  private async requireManaged(repo: NormativeRepository, actor: Actor, id: string) {
    const theme = await repo.findTheme(id);
    if (!theme || !can(actor, 'catalog.manage', theme.org_path)) throw new NotFoundError();
    return theme;
  }
}

function checkTopics(codes: string[]): string[] {
  const unique = [...new Set(codes.map((c) => c.trim()))];
  const bad = unique.findIndex((c) => !topicPath(c));
  if (bad >= 0) throw ValidationError.field(`topicCodes/${bad}`, 'invalid');
  return unique;
}

function present(r: ThemeRow & { org_name: string }, documents: number): ThemeDto {
  return {
    id: r.id, organisationId: r.org_id, organisationName: r.org_name, name: r.name, description: r.description,
    topicCodes: parseJson<string[]>(r.topic_codes, []), sortOrder: r.sort_order, documents,
  };
}
