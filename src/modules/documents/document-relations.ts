import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { DocumentRepository, type DocumentWithOrg, type LinkRow } from './documents.repository.ts';
import { RelationsRepository } from './relations.repository.ts';
import { linkTypeNames, type CreateEffectInput, type LinkDtoType, type ValidityDto } from './relations.schemas.ts';
import { normativeStatus, normativeStatusNames, type DocumentEffect } from './domain/index.ts';
import { NormativeStatusStore } from './normative-status-store.ts';

/** Link types that order documents in time (a later one acts on an earlier one): they must never form a cycle. */
const DIRECTED = new Set<LinkRow['type']>(['amends', 'repeals', 'replaces', 'implements', 'interprets']);

/**
 * Typed links between documents (解读 ↔ policy, amends, repeals …) and effects of later documents on earlier ones,
 * from which a normative document's validity on any date is computed.
 */
export class DocumentRelations {
  private readonly store: NormativeStatusStore;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    /** Today in China; injected by tests that need a fixed date. */
    readonly today: () => string = beijingToday,
  ) {
    this.store = new NormativeStatusStore(db, uow);
  }

  async links(actor: Actor | null, id: string): Promise<LinkDtoType[]> {
    const repo = new DocumentRepository(this.db);
    const doc = await repo.find(id);
    const publicView = actor === null;
    if (!doc || (publicView ? doc.public_state !== 'published' && doc.public_state !== 'withdrawn' : !can(actor, 'document.read', doc.org_path))) throw new NotFoundError();
    const links = await repo.linksOf(id);
    const others = new Map((await repo.findMany(links.map((l) => (l.from_document_id === id ? l.to_document_id : l.from_document_id)))).map((d) => [d.id, d]));
    const titles = await this.titles(repo, [...others.values()], publicView);
    const out: LinkDtoType[] = [];
    for (const l of links) {
      const direction = l.from_document_id === id ? 'out' : 'in';
      const other = others.get(direction === 'out' ? l.to_document_id : l.from_document_id)!;
      // Links to unpublished documents never show publicly; staff see only what they may read.
      if (publicView ? other.public_state !== 'published' : !can(actor, 'document.read', other.org_path)) continue;
      const t = titles.get(other.id);
      out.push({ id: l.id, type: l.type, direction, label: linkTypeNames[l.type][direction], document: { id: other.id, slug: other.slug, title: t?.title ?? '', publicState: other.public_state, docNo: t?.docNo ?? null } });
    }
    return out;
  }

  async addLink(actor: Actor, fromId: string, toId: string, type: LinkRow['type']): Promise<LinkDtoType[]> {
    if (fromId === toId) throw ValidationError.field('toDocumentId', 'invalid');
    await this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const from = await repo.find(fromId);
      if (!from || !can(actor, 'document.edit', from.org_path)) throw new NotFoundError();
      const to = await repo.find(toId);
      if (!to || !(can(actor, 'document.read', to.org_path) || to.public_state === 'published')) throw ValidationError.field('toDocumentId', 'invalid');
      const existing = await repo.linksOf(fromId);
      if (existing.some((l) => l.from_document_id === fromId && l.to_document_id === toId && l.type === type)) throw new ConflictError('CONFLICT');
      if (DIRECTED.has(type) && (await this.reaches(repo, toId, fromId))) throw new ConflictError('LINK_CYCLE');
      const row = { id: newId(), from_document_id: fromId, to_document_id: toId, type, created_by: actor.userId, created_at: nowIso() };
      await repo.insertLink(row);
      await tx.audit({ action: 'document.link', entityType: 'document', entityId: fromId, org: { id: from.org_id, path: from.org_path }, after: { type, toDocumentId: toId } });
    });
    return this.links(actor, fromId);
  }

  async removeLink(actor: Actor, fromId: string, linkId: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const from = await repo.find(fromId);
      const link = await repo.findLink(linkId);
      if (!from || !link || link.from_document_id !== fromId || !can(actor, 'document.edit', from.org_path)) throw new NotFoundError();
      await repo.deleteLink(linkId);
      await tx.audit({ action: 'document.unlink', entityType: 'document', entityId: fromId, org: { id: from.org_id, path: from.org_path }, before: { type: link.type, toDocumentId: link.to_document_id } });
    });
  }

  /** Records what document `affectingId` does to another; it applies when the affecting document is published. */
  async addEffect(actor: Actor, affectingId: string, input: CreateEffectInput): Promise<void> {
    if (affectingId === input.affectedDocumentId) throw ValidationError.field('affectedDocumentId', 'invalid');
    await this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const affecting = await repo.find(affectingId);
      if (!affecting || !can(actor, 'document.edit', affecting.org_path)) throw new NotFoundError();
      const affected = await repo.find(input.affectedDocumentId);
      if (!affected || affected.public_state !== 'published') throw ValidationError.field('affectedDocumentId', 'invalid');
      const applied = affecting.public_state === 'published' ? 1 : 0;
      await new RelationsRepository(tx.db).insert({
        id: newId(), affecting_document_id: affectingId, affected_document_id: affected.id, type: input.type,
        affected_article: input.affectedArticle ?? null, in_force_on: input.inForceOn, applied, created_by: actor.userId, created_at: nowIso(),
      });
      const linkType = input.type === 'suspends' || input.type === 'expires' ? 'related' : input.type;
      if (!(await repo.linksOf(affectingId)).some((l) => l.to_document_id === affected.id && l.type === linkType)) {
        await repo.insertLink({ id: newId(), from_document_id: affectingId, to_document_id: affected.id, type: linkType, created_by: actor.userId, created_at: nowIso() });
      }
      await tx.audit({ action: 'document.effect', entityType: 'document', entityId: affected.id, org: { id: affected.org_id, path: affected.org_path }, after: { ...input, affectingDocumentId: affectingId, applied: applied === 1 } });
      // An effect recorded by an already published document applies at once: the stored status follows.
      if (applied) await this.refreshStatus(tx, [affected.id]);
    });
  }

  /** Removes an effect recorded by `affectingId` (a mistake, or a clean-up correction); the affected status follows. */
  async removeEffect(actor: Actor, affectingId: string, effectId: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const affecting = await repo.find(affectingId);
      const rel = new RelationsRepository(tx.db);
      const effect = (await rel.effectsBy(affectingId)).find((e) => e.id === effectId);
      if (!affecting || !effect || !can(actor, 'document.edit', affecting.org_path)) throw new NotFoundError();
      const affected = (await repo.find(effect.affected_document_id))!;
      await rel.delete(effectId);
      await tx.audit({
        action: 'document.effect_remove', entityType: 'document', entityId: affected.id, org: { id: affected.org_id, path: affected.org_path },
        before: { type: effect.type, affectingDocumentId: affectingId, affectedArticle: effect.affected_article, inForceOn: effect.in_force_on, applied: effect.applied === 1 },
      });
      await this.refreshStatus(tx, [affected.id]);
    });
  }

  /**
   * Recomputes the stored validity status of documents inside the caller's transaction (emitting
   * document.validity_changed for those that changed). Whoever changes dates or effects outside this class calls it.
   */
  refreshStatus(tx: Tx, documentIds: readonly string[], options: { emit?: boolean } = {}): Promise<string[]> {
    return this.store.refresh(tx, documentIds, this.today(), options);
  }

  /** The daily maintenance task: recomputes statuses that the calendar changed (see normative-status-store.ts). */
  refreshDueStatuses(today = this.today()): Promise<number> {
    return this.store.refreshDue(today);
  }

  /** Validity of a document on a date (default today, Beijing), from its dates and the effects recorded on it. */
  async validity(actor: Actor | null, id: string, asOf = this.today()): Promise<ValidityDto> {
    const repo = new DocumentRepository(this.db);
    const doc = await repo.find(id);
    if (!doc || (actor === null ? doc.public_state === 'none' || doc.public_state === 'unpublished' : !can(actor, 'document.read', doc.org_path))) throw new NotFoundError();
    const edition = (await repo.findEdition(actor === null ? doc.published_edition_id! : (doc.published_edition_id ?? doc.open_edition_id!)))!;
    // The public sees only effects already applied (their affecting documents are published); pending ones may come
    // from drafts, whose existence must not leak.
    const rows = (await new RelationsRepository(this.db).effectsOn(id)).filter((r) => actor !== null || r.applied === 1);
    const effects: DocumentEffect[] = rows.map((r) => ({
      id: r.id, type: r.type as DocumentEffect['type'], affectingDocumentId: r.affecting_document_id, affectingTitle: r.affecting_title,
      affectingDocNo: r.affecting_doc_no, affectedArticle: r.affected_article, inForceOn: r.in_force_on, applied: r.applied === 1,
    }));
    const effectiveFrom = edition.effective_from ?? edition.written_on ?? edition.published_at?.slice(0, 10);
    if (!effectiveFrom) throw new AppError('VALIDATION_FAILED', 409, { summary: '尚未填写实施日期 / no effective date yet' });
    const result = normativeStatus({ effectiveFrom, expiresOn: edition.expires_on, repealedOn: edition.repealed_on }, effects, asOf);
    return {
      asOf,
      status: result.status,
      statusName: normativeStatusNames[result.status].zh,
      since: result.since,
      notice: result.notice?.zh ?? null,
      pendingNotice: actor === null ? null : (result.pendingNotice?.zh ?? null),
      effects: effects.map((e) => ({ type: e.type, affectingDocumentId: e.affectingDocumentId, affectingTitle: e.affectingTitle ?? null, affectedArticle: e.affectedArticle ?? null, inForceOn: e.inForceOn, applied: e.applied })),
    };
  }

  /**
   * Records effects of `affectingId` inside the caller's transaction (clean-up results, revocation decisions), with
   * the matching links; like every effect they apply when the affecting document is published.
   */
  async recordEffects(db: Kysely<DB>, actorId: string | null, affectingId: string, effects: { affectedDocumentId: string; type: DocumentEffect['type']; inForceOn: string }[]): Promise<void> {
    const repo = new DocumentRepository(db);
    const relations = new RelationsRepository(db);
    for (const e of effects) {
      await relations.insert({ id: newId(), affecting_document_id: affectingId, affected_document_id: e.affectedDocumentId, type: e.type, affected_article: null, in_force_on: e.inForceOn, applied: 0, created_by: actorId, created_at: nowIso() });
      // 失效 has no link type of its own: the link only says the two documents belong together.
      const linkType = e.type === 'repeals' || e.type === 'replaces' || e.type === 'amends' ? e.type : 'related';
      await repo.insertLink({ id: newId(), from_document_id: affectingId, to_document_id: e.affectedDocumentId, type: linkType, created_by: actorId, created_at: nowIso() });
    }
  }

  /**
   * Called by the workflow when a document is published, inside its transaction: its recorded effects apply and
   * the affected documents' stored statuses follow (document.validity_changed for each that changed).
   */
  async onPublished(tx: Tx, documentId: string): Promise<string[]> {
    const affected = await new RelationsRepository(tx.db).applyEffectsBy(documentId);
    await this.refreshStatus(tx, affected);
    return affected;
  }

  private async reaches(repo: DocumentRepository, start: string, target: string): Promise<boolean> {
    const edges = new Map<string, string[]>();
    for (const type of DIRECTED) for (const l of await repo.linksOfType(type)) edges.set(l.from_document_id, [...(edges.get(l.from_document_id) ?? []), l.to_document_id]);
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      const next = queue.shift()!;
      if (next === target) return true;
      for (const n of edges.get(next) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return false;
  }

  private async titles(repo: DocumentRepository, docs: DocumentWithOrg[], publicView: boolean) {
    const map = new Map<string, { title: string; docNo: string | null }>();
    for (const d of docs) {
      const editionId = publicView ? d.published_edition_id : (d.open_edition_id ?? d.published_edition_id);
      const e = editionId ? await repo.findEdition(editionId) : undefined;
      if (e) map.set(d.id, { title: e.title, docNo: e.doc_no });
    }
    return map;
  }
}

export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
