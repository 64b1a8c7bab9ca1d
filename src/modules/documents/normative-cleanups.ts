import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository } from './documents.repository.ts';
import { beijingToday, type DocumentRelations } from './document-relations.ts';
import type { DocumentWorkflow } from './document-workflow.ts';
import { NormativeProcessRepository, type CleanupItemRow, type CleanupRow } from './normative-processes.repository.ts';
import { escapeHtml, publishDecisionDocument } from './normative-decision.ts';
import {
  cleanupDecisionNames, cleanupEffects, cleanupRefusal, cleanupStateNames, decisionNeedsReason, formatZhDate, toChinaDate,
  type CleanupDecision, type CleanupEvent,
} from './domain/index.ts';
import type { CleanupDtoType, CreateCleanupInput } from './normative.schemas.ts';

export const CLEANUP_PUBLISHED = 'normative.cleanup_published';

type CleanupWithOrg = CleanupRow & { org_name: string; org_path: string };
type ItemView = CleanupItemRow & { title: string; doc_no: string | null; published_at: string | null; slug: string };

/**
 * 规范性文件清理: a campaign of one organisation over its published normative documents. Building and deciding need
 * document.edit on the organisation, publishing needs document.publish; reading needs document.read. Publishing
 * is one transaction: the 清理结果 document goes live with a `repeals` effect per 废止 and an `expires` effect per
 * 失效, in force on the publication date — if any step fails nothing changes.
 */
export class NormativeCleanups {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly relations: DocumentRelations,
    private readonly workflow: DocumentWorkflow,
  ) {}

  async create(actor: Actor, input: CreateCleanupInput): Promise<CleanupDtoType> {
    const org = (await this.orgs.refs([input.organisationId])).get(input.organisationId);
    if (!org || !can(actor, 'document.edit', org.path)) throw ValidationError.field('organisationId', 'unknownOrg');
    const id = newId();
    await this.uow(actor, async (tx) => {
      const now = nowIso();
      const row: CleanupRow = {
        id, org_id: org.id, title: input.title.trim(), scope_before: input.scopeBefore ?? null, scope_note: input.scopeNote?.trim() || null, state: 'draft',
        published_on: null, published_at: null, published_by: null, result_document_id: null, created_by: actor.userId, created_at: now, updated_at: now,
      };
      await new NormativeProcessRepository(tx.db).insertCleanup(row);
      await tx.audit({ action: 'normative.cleanup.create', entityType: 'cleanup', entityId: id, org, after: { title: row.title, scopeBefore: row.scope_before } });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: { organisationId?: string; state?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const orgPath = query.organisationId ? ((await this.orgs.refs([query.organisationId])).get(query.organisationId)?.path ?? '/-/') : undefined;
    const repo = new NormativeProcessRepository(this.db);
    const rows = await repo.listCleanups({ roots: scopeRoots(actor, 'document.read'), orgPath, state: query.state }, (page - 1) * pageSize, pageSize + 1);
    const items = await Promise.all(rows.slice(0, pageSize).map(async (r) => ({ ...present(r), itemCount: (await repo.items(r.id)).length })));
    return { items, total: (page - 1) * pageSize + rows.length, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<CleanupDtoType> {
    const repo = new NormativeProcessRepository(this.db);
    const row = await repo.findCleanup(id);
    if (!row || !can(actor, 'document.read', row.org_path)) throw new NotFoundError();
    const items = await repo.items(id);
    return { ...present(row), itemCount: items.length, items: items.map(presentItem) };
  }

  /** The organisation's published normative documents not yet in the campaign (search by title or 发文字号). */
  async candidates(actor: Actor, id: string, query: { q?: string; publishedBefore?: string; page?: number; pageSize?: number }) {
    const row = await this.requireEditable(new NormativeProcessRepository(this.db), actor, id, 'add_items');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, count } = new NormativeProcessRepository(this.db).candidates(
      { orgPath: row.org_path, cleanupId: id, q: query.q, publishedBefore: query.publishedBefore ?? row.scope_before ?? undefined },
      (page - 1) * pageSize,
      pageSize,
    );
    const [items, total] = await Promise.all([rows, count]);
    return { items: items.map((d) => ({ id: d.id, title: d.title, docNo: d.doc_no, publishedOn: d.published_at ? toChinaDate(d.published_at) : null, organisation: d.org_name })), total, page, pageSize };
  }

  async addItems(actor: Actor, id: string, documentIds: string[]): Promise<CleanupDtoType> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireEditable(repo, actor, id, 'add_items');
      const present = new Set((await repo.items(id)).map((i) => i.document_id));
      const docs = new Map((await new DocumentRepository(tx.db).findMany([...new Set(documentIds)])).map((d) => [d.id, d]));
      const added: string[] = [];
      for (const [index, documentId] of documentIds.entries()) {
        const d = docs.get(documentId);
        // Only the organisation's own published normative documents can be cleaned up in its campaign.
        if (!d || d.public_state !== 'published' || !d.normative_kind || !d.org_path.startsWith(row.org_path)) throw ValidationError.field(`documentIds/${index}`, 'invalid');
        if (present.has(documentId)) continue;
        present.add(documentId);
        const now = nowIso();
        await repo.insertItem({ id: newId(), cleanup_id: id, document_id: documentId, decision: null, reason: null, decided_by: null, created_at: now, updated_at: now });
        added.push(documentId);
      }
      await tx.audit({ action: 'normative.cleanup.add', entityType: 'cleanup', entityId: id, org: { id: row.org_id, path: row.org_path }, after: { documentIds: added } });
    });
    return this.get(actor, id);
  }

  async removeItem(actor: Actor, id: string, itemId: string): Promise<CleanupDtoType> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireEditable(repo, actor, id, 'remove_item');
      const item = (await repo.items(id)).find((i) => i.id === itemId);
      if (!item || !(await repo.deleteItem(id, itemId))) throw new NotFoundError();
      await tx.audit({ action: 'normative.cleanup.remove', entityType: 'cleanup', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { documentId: item.document_id, decision: item.decision, reason: item.reason } });
    });
    return this.get(actor, id);
  }

  /** Records one decision with its reason for several items at once (bulk decide). */
  async decide(actor: Actor, id: string, input: { itemIds: string[]; decision: CleanupDecision; reason?: string | null }): Promise<CleanupDtoType> {
    const reason = input.reason?.trim() || null;
    if (decisionNeedsReason(input.decision) && !reason) throw ValidationError.field('reason', 'required');
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireEditable(repo, actor, id, 'decide');
      const items = new Map((await repo.items(id)).map((i) => [i.id, i]));
      const ids = [...new Set(input.itemIds)];
      ids.forEach((itemId, index) => {
        if (!items.has(itemId)) throw ValidationError.field(`itemIds/${index}`, 'invalid');
      });
      await repo.decide(id, ids, { decision: input.decision, reason, decided_by: actor.userId, updated_at: nowIso() });
      await tx.audit({
        action: 'normative.cleanup.decide', entityType: 'cleanup', entityId: id, org: { id: row.org_id, path: row.org_path },
        before: ids.map((i) => ({ documentId: items.get(i)!.document_id, decision: items.get(i)!.decision, reason: items.get(i)!.reason })),
        after: { documentIds: ids.map((i) => items.get(i)!.document_id), decision: input.decision, reason },
      });
    });
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string, input: { publishedOn?: string } = {}): Promise<CleanupDtoType> {
    const publishedOn = input.publishedOn ?? beijingToday();
    if (publishedOn > beijingToday()) throw ValidationError.field('publishedOn', 'invalid');
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await repo.findCleanup(id);
      if (!row || !can(actor, 'document.read', row.org_path)) throw new NotFoundError();
      if (!can(actor, 'document.publish', row.org_path)) throw new AppError('FORBIDDEN', 403);
      const items = await repo.items(id);
      const views = items.map((i) => ({ documentId: i.document_id, decision: i.decision, reason: i.reason }));
      refuseIf(cleanupRefusal(row.state, 'publish', views));
      const resultId = await publishDecisionDocument(tx, this.relations, this.workflow, {
        orgId: row.org_id, title: row.title, bodyHtml: resultBody(row, items, publishedOn), genre: '清理结果', publishedOn, effects: cleanupEffects(views, publishedOn),
      });
      const now = nowIso();
      await repo.updateCleanup(id, { state: 'published', published_on: publishedOn, published_at: now, published_by: actor.userId, result_document_id: resultId, updated_at: now });
      const counts = Object.fromEntries(Object.keys(cleanupDecisionNames).map((d) => [d, items.filter((i) => i.decision === d).length]));
      await tx.audit({ action: 'normative.cleanup.publish', entityType: 'cleanup', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { state: row.state }, after: { state: 'published', publishedOn, resultDocumentId: resultId, counts } });
      await tx.emit({ topic: CLEANUP_PUBLISHED, payload: { cleanupId: id, resultDocumentId: resultId } });
    });
    return this.get(actor, id);
  }

  /** Deletes a campaign still in draft (nothing was published from it). */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireEditable(repo, actor, id, 'delete');
      const items = await repo.items(id);
      await repo.deleteCleanup(id);
      await tx.audit({ action: 'normative.cleanup.delete', entityType: 'cleanup', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { title: row.title, documentIds: items.map((i) => i.document_id) } });
    });
  }

  // ---- public (portal): published campaigns only, without internal fields

  async listPublished(query: { organisationId?: string; limit?: number } = {}) {
    const orgPath = query.organisationId ? ((await this.orgs.refs([query.organisationId])).get(query.organisationId)?.path ?? '/-/') : undefined;
    const rows = await new NormativeProcessRepository(this.db).listCleanups({ roots: null, orgPath, state: 'published' }, 0, Math.min(query.limit ?? 50, 200));
    return rows.map((r) => present(r));
  }

  async getPublished(id: string): Promise<CleanupDtoType> {
    const repo = new NormativeProcessRepository(this.db);
    const row = await repo.findCleanup(id);
    if (!row || row.state !== 'published') throw new NotFoundError();
    const items = await repo.items(id);
    return { ...present(row), itemCount: items.length, items: items.map(presentItem) };
  }

  private async requireEditable(repo: NormativeProcessRepository, actor: Actor, id: string, event: CleanupEvent): Promise<CleanupWithOrg> {
    const row = await repo.findCleanup(id);
    if (!row || !can(actor, 'document.edit', row.org_path)) throw new NotFoundError();
    refuseIf(cleanupRefusal(row.state, event));
    return row;
  }
}

function refuseIf(refusal: { code: string; zh: string; en: string } | null): void {
  if (refusal) throw new AppError('TRANSITION_REFUSED', 409, { reason: { zh: refusal.zh, en: refusal.en }, refusal: refusal.code });
}

function present(r: CleanupWithOrg): CleanupDtoType {
  return {
    id: r.id, organisation: { id: r.org_id, name: r.org_name }, title: r.title, scopeBefore: r.scope_before, scopeNote: r.scope_note,
    state: r.state, stateName: cleanupStateNames[r.state], publishedOn: r.published_on, resultDocumentId: r.result_document_id, createdAt: r.created_at,
  };
}

function presentItem(i: ItemView) {
  return {
    id: i.id, documentId: i.document_id, slug: i.slug, title: i.title, docNo: i.doc_no, publishedOn: i.published_at ? toChinaDate(i.published_at) : null,
    decision: i.decision, decisionName: i.decision ? cleanupDecisionNames[i.decision] : null, reason: i.reason,
  };
}

/** The 清理结果 document's body: the decisions grouped as the published lists usually are (废止, 失效, 修改, 继续有效). */
function resultBody(row: CleanupWithOrg, items: ItemView[], publishedOn: string): string {
  const order: CleanupDecision[] = ['repeal', 'expire', 'amend', 'keep'];
  const parts = [`<p>${escapeHtml(row.org_name)}对${row.scope_before ? `${formatZhDate(row.scope_before)}以前公布的` : ''}行政规范性文件进行了清理，现将清理结果公布如下，自${formatZhDate(publishedOn)}起施行。</p>`];
  for (const d of order) {
    const group = items.filter((i) => i.decision === d);
    if (group.length === 0) continue;
    parts.push(`<h2>${cleanupDecisionNames[d]}的文件（${group.length}件）</h2><ol>`);
    for (const i of group) parts.push(`<li>《${escapeHtml(i.title)}》${i.doc_no ? `（${escapeHtml(i.doc_no)}）` : ''}${i.reason ? `：${escapeHtml(i.reason)}` : ''}</li>`);
    parts.push('</ol>');
  }
  return parts.join('');
}
