import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, systemActor, type Actor } from '../../platform/authz/actor.ts';
import { isRoleCode, roles as roleTable, type RoleCode } from '../../platform/authz/roles.ts';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository, type DocumentWithOrg, type EditionRow } from './documents.repository.ts';
import { presentDocument } from './documents.presenter.ts';
import type { DocumentRelations } from './document-relations.ts';
import type { LedgerAction, LedgerService } from '../ledger/index.ts';
import { editionContents } from './ledger-content.ts';
import type { RegistrationNumbers } from './registration-numbers.ts';
import type { DocumentActionInput, DocumentDto } from './documents.schemas.ts';
import { defaultEditionRules, transition, type EditionEvent, type EditionRules, type EditionState, type Refusal } from './domain/index.ts';
import type { GateContext, GatedEvent, PublicationGate } from './review-port.ts';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber } from './domain/index.ts';

import { DOCUMENT_PUBLISHED, DOCUMENT_REMOVED } from './document-events.ts';

export { DOCUMENT_PUBLISHED, DOCUMENT_REMOVED, DOCUMENT_VALIDITY_CHANGED } from './document-events.ts';

/** Events that act on the published edition; the rest act on the open one. */
const ON_PUBLISHED = new Set(['withdraw', 'unpublish', 'approve_retrospectively']);

const REFUSAL_STATUS: Record<string, number> = { role_not_allowed: 403, four_eyes: 403, four_eyes_urgent: 403, invalid_transition: 409, unknown_event: 400, review_blocking: 409, review_steps: 409, interpretation_required: 409 };

/** Transitions the publication gate (pre-publication review) must let through. */
const GATED = new Set<string>(['approve', 'publish', 'urgent_publish']);

/**
 * A reviewer correcting a leak in published content (review re-scan: mask and republish) publishes the corrected
 * minor edition at once, as an urgent publication: it still needs a second person's retrospective approval, which
 * keeps the four-eyes rule after the fact.
 */
const CORRECTION_RULES: EditionRules = {
  ...defaultEditionRules,
  roles: { ...defaultEditionRules.roles, submit: ['editor', 'reviewer', 'office_admin', 'sysadmin'], urgent_publish: ['reviewer', 'office_admin', 'sysadmin'] },
  fourEyes: defaultEditionRules.fourEyes.filter((e) => e !== 'urgent_publish'),
};

/** Moves editions through the lifecycle table (domain/edition-lifecycle.ts) and carries out its effects. */
export class DocumentWorkflow {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly relations: DocumentRelations,
    private readonly ledger: LedgerService,
    private readonly indexPattern = DEFAULT_INDEX_PATTERN,
    private readonly registration?: RegistrationNumbers,
  ) {}

  private gate: PublicationGate | null = null;

  /** Registered by the container (the review module); documents never imports review. */
  setPublicationGate(gate: PublicationGate): void {
    this.gate = gate;
  }

  async act(actor: Actor, id: string, input: DocumentActionInput): Promise<DocumentDto> {
    if (this.gate?.prepare && GATED.has(input.action)) {
      const d = await new DocumentRepository(this.db).find(id);
      if (d?.open_edition_id && can(actor, 'document.read', d.org_path)) await this.gate.prepare(d.open_edition_id);
    }
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const doc = await repo.find(id);
      if (!doc || !can(actor, 'document.read', doc.org_path)) throw new NotFoundError();
      const editionId = ON_PUBLISHED.has(input.action) ? doc.published_edition_id : doc.open_edition_id;
      const edition = editionId ? await repo.findEdition(editionId) : undefined;
      const event = toEvent(input);
      if (!edition) throw refused({ code: 'invalid_transition', zh: '当前没有可执行此操作的版本', en: 'No edition this action applies to' });
      return this.apply(tx, repo, actor, doc, edition, event);
    });
  }

  /** Publishes scheduled editions whose time has come; run by the maintenance loop, so it survives restarts. */
  async publishDue(now = nowIso()): Promise<number> {
    const due = await new DocumentRepository(this.db).dueScheduled(now);
    let published = 0;
    for (const e of due) {
      await this.gate?.prepare?.(e.id);
      await this.uow(systemActor('定时发布'), async (tx) => {
        const repo = new DocumentRepository(tx.db);
        const doc = (await repo.find(e.document_id))!;
        const edition = (await repo.findEdition(e.id))!;
        if (edition.state !== 'scheduled') return;
        // A scheduled edition whose review now blocks (e.g. the dictionary changed) must not go live: it goes back
        // to approved, unscheduled, with the reason in its history.
        const held = await this.gate?.check(tx, { documentId: doc.id, editionId: edition.id, event: 'publish', actor: tx.actor, scheduled: true, now });
        if (held) {
          await repo.updateEdition(edition.id, edition.lock_version, { state: 'approved', scheduled_at: null, updated_at: now });
          await repo.insertHistory({ id: newId(), edition_id: edition.id, from_state: 'scheduled', to_state: 'approved', event: 'gate_hold', actor_id: null, reason: held.zh, at: now });
          await tx.audit({ action: 'document.scheduled_publish_held', entityType: 'document', entityId: doc.id, org: { id: doc.org_id, path: doc.org_path }, after: { reason: held.zh, refusal: held.code } });
          return;
        }
        await this.apply(tx, repo, systemActor('定时发布'), doc, edition, { type: 'publish' }, now);
        published += 1;
      });
    }
    return published;
  }

  /**
   * Urgent correction by a reviewer (review queue: mask and republish): submits the open draft and publishes it at
   * once as an urgent publication with the reason; a second person approves it retrospectively.
   */
  async publishCorrection(actor: Actor, id: string, reason: string): Promise<DocumentDto> {
    const d = await new DocumentRepository(this.db).find(id);
    if (d?.open_edition_id && can(actor, 'document.read', d.org_path)) await this.gate?.prepare?.(d.open_edition_id);
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const doc = await repo.find(id);
      if (!doc || !can(actor, 'document.review', doc.org_path) || !doc.open_edition_id) throw new NotFoundError();
      let edition = (await repo.findEdition(doc.open_edition_id))!;
      if (edition.state === 'draft') {
        await this.apply(tx, repo, actor, doc, edition, { type: 'submit' }, nowIso(), CORRECTION_RULES);
        edition = (await repo.findEdition(edition.id))!;
      }
      return this.apply(tx, repo, actor, (await repo.find(id))!, edition, { type: 'urgent_publish', reason }, nowIso(), CORRECTION_RULES);
    });
  }

  private async apply(tx: Tx, repo: DocumentRepository, actor: Actor, doc: DocumentWithOrg, edition: EditionRow, event: EditionEvent, now = nowIso(), rules: EditionRules = defaultEditionRules): Promise<DocumentDto> {
    const result = transition(edition.state as EditionState, event, {
      actor: { id: actor.userId ?? 'system', roles: rolesOn(actor, doc.org_path), system: actor.kind === 'system' },
      submitterId: edition.submitted_by,
      now,
      edition: {
        documentId: doc.id,
        // The first edition introduces the document: there is nothing to describe a change against.
        changeType: edition.version_major === 1 && edition.version_minor === 0 ? 'minor' : edition.change_type,
        changeNote: edition.change_note,
        publishAt: edition.scheduled_at,
        retrospectiveApprovalRequired: edition.urgent === 1 && !edition.decided_by,
        urgentPublishedBy: edition.urgent === 1 ? edition.published_by : null,
      },
    }, rules);
    if (!result.ok) throw refused(result.reason);
    // publishDue has already checked a scheduled edition (and holds it back instead of failing).
    const scheduled = actor.kind === 'system' && event.type === 'publish' && edition.state === 'scheduled';
    const gateCtx: GateContext | null = this.gate && GATED.has(event.type) ? { documentId: doc.id, editionId: edition.id, event: event.type as GatedEvent, actor, scheduled, now } : null;
    if (gateCtx && !scheduled) {
      const held = await this.gate!.check(tx, gateCtx);
      if (held) throw refused(held);
    }

    const ePatch: Partial<EditionRow> = { state: result.next, updated_at: now };
    const dPatch: Partial<DocumentWithOrg> = { updated_at: now };
    const userId = actor.userId ?? null;
    let ledgerAction: LedgerAction | null = null;
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'record_submitter':
          Object.assign(ePatch, { submitted_by: userId, submitted_at: now });
          break;
        case 'record_approver':
        case 'record_retrospective_approval':
          Object.assign(ePatch, { decided_by: userId, decided_at: now, decision_reason: null });
          break;
        case 'record_reason':
          if (event.type === 'reject') Object.assign(ePatch, { decided_by: userId, decided_at: now, decision_reason: effect.reason });
          else ePatch.ended_reason = effect.reason;
          break;
        case 'record_urgent':
          Object.assign(ePatch, { urgent: 1, decided_by: null, decided_at: null, decision_reason: effect.reason });
          break;
        case 'reset_review':
          Object.assign(ePatch, { decided_by: null, decided_at: null, scheduled_at: null });
          break;
        case 'schedule_job':
          ePatch.scheduled_at = effect.publishAt;
          break;
        case 'cancel_job':
          ePatch.scheduled_at = null;
          break;
        case 'supersede_previous':
          if (doc.published_edition_id && doc.published_edition_id !== edition.id) await this.supersede(repo, doc.published_edition_id, edition.id, now);
          break;
        case 'set_live':
          Object.assign(ePatch, { published_by: ePatch.published_by ?? userId, published_at: now });
          Object.assign(dPatch, { published_edition_id: edition.id, open_edition_id: null, public_state: 'published', replacement_document_id: null });
          if (!doc.index_no) dPatch.index_no = await this.nextIndexNumber(tx, repo, doc, now);
          await this.registration?.assignOnPublish(tx, doc, now);
          await this.relations.onPublished(tx, doc.id);
          break;
        case 'clear_live':
          dPatch.public_state = 'unpublished';
          break;
        case 'redirect':
          dPatch.replacement_document_id = effect.replacementDocumentId;
          break;
        case 'index':
          await tx.emit({ topic: DOCUMENT_PUBLISHED, payload: { documentId: doc.id, editionId: edition.id } });
          break;
        case 'deindex':
          await tx.emit({ topic: DOCUMENT_REMOVED, payload: { documentId: doc.id, editionId: edition.id } });
          break;
        case 'ledger_append':
          ledgerAction = effect.action;
          break;
        // notify, gone, record_superseded_by: carried by later modules (notifications).
      }
    }
    // A withdrawn document keeps its page, with a banner and the reason; an unpublished one answers 410 or redirects.
    if (result.next === 'withdrawn') dPatch.public_state = 'withdrawn';
    if (result.next === 'unpublished') dPatch.public_state = 'unpublished';
    if (!(await repo.updateEdition(edition.id, edition.lock_version, ePatch))) throw new AppError('EDIT_CONFLICT', 409);
    await repo.updateDocument(doc.id, dPatch);
    // Publishing, withdrawing or unpublishing changes what the public status is computed from (the indexer hears
    // the publish/remove event itself).
    if (doc.normative_kind) await this.relations.refreshStatus(tx, [doc.id], { emit: false });
    await repo.insertHistory({ id: newId(), edition_id: edition.id, from_state: edition.state, to_state: result.next, event: event.type, actor_id: userId, reason: reasonOf(event), at: now });
    if (ledgerAction) await this.appendLedger(tx, doc, edition, ledgerAction, now);
    if (gateCtx) await this.gate!.afterTransition?.(tx, gateCtx);
    const after = (await repo.findEdition(edition.id))!;
    const docAfter = (await repo.find(doc.id))!;
    await tx.audit({
      action: `document.${event.type}`,
      entityType: 'document',
      entityId: doc.id,
      org: { id: doc.org_id, path: doc.org_path },
      before: { state: edition.state, version: `${edition.version_major}.${edition.version_minor}` },
      after: { state: result.next, reason: reasonOf(event), indexNo: docAfter.index_no },
    });
    return presentDocument(docAfter, after);
  }

  /**
   * Bulk import only: puts an imported edition live without review, as the historical record it is (the import
   * itself is audited). Everything else publishes through the lifecycle table.
   */
  async publishImported(tx: Tx, documentId: string, editionId: string, publishedOn?: string | null): Promise<void> {
    const repo = new DocumentRepository(tx.db);
    const doc = (await repo.find(documentId))!;
    const edition = (await repo.findEdition(editionId))!;
    const now = nowIso();
    if (doc.published_edition_id && doc.published_edition_id !== editionId) await this.supersede(repo, doc.published_edition_id, editionId, now);
    const publishedAt = publishedOn ? `${publishedOn}T00:00:00.000Z` : now;
    await repo.updateEdition(editionId, edition.lock_version, { state: 'published', published_at: publishedAt, updated_at: now });
    await repo.updateDocument(documentId, {
      published_edition_id: editionId,
      open_edition_id: null,
      public_state: 'published',
      index_no: doc.index_no ?? (await this.nextIndexNumber(tx, repo, doc, now)),
      updated_at: now,
    });
    await this.relations.onPublished(tx, documentId);
    await this.relations.refreshStatus(tx, [documentId], { emit: false });
    await repo.insertHistory({ id: newId(), edition_id: editionId, from_state: edition.state, to_state: 'published', event: 'import', actor_id: tx.actor.userId, reason: null, at: now });
    await this.appendLedger(tx, doc, edition, 'publish', now);
    await tx.emit({ topic: DOCUMENT_PUBLISHED, payload: { documentId, editionId } });
  }

  /** Records the edition's content hash in the publication ledger, in this transaction (after the rows are written). */
  private async appendLedger(tx: Tx, doc: DocumentWithOrg, edition: EditionRow, action: LedgerAction, now: string): Promise<void> {
    const content = (await editionContents(tx.db, [edition.id])).get(edition.id)!;
    await this.ledger.append(tx.db, {
      at: now,
      action,
      documentId: doc.id,
      editionId: edition.id,
      orgId: doc.org_id,
      version: `${edition.version_major}.${edition.version_minor}`,
      content,
    });
  }

  private async supersede(repo: DocumentRepository, previousId: string, byId: string, now: string): Promise<void> {
    const prev = await repo.findEdition(previousId);
    if (!prev || prev.state !== 'published') return;
    await repo.updateEdition(prev.id, prev.lock_version, { state: 'superseded', updated_at: now });
    await repo.insertHistory({ id: newId(), edition_id: prev.id, from_state: 'published', to_state: 'superseded', event: 'supersede', actor_id: null, reason: byId, at: now });
  }

  /** 索引号 from the configured pattern; organisations without a USCC fall back to their division code. */
  private async nextIndexNumber(tx: Tx, repo: DocumentRepository, doc: DocumentWithOrg, now: string): Promise<string> {
    const org = (await this.orgs.refs([doc.org_id], tx.db)).get(doc.org_id)!;
    const year = Number(now.slice(0, 4));
    const seq = await repo.nextSequence(doc.org_id, `index:${year}`);
    const values = { uscc: org.uscc, divisionCode: org.divisionCode, orgCode: doc.org_id.slice(-8), year, month: Number(now.slice(5, 7)), seq };
    for (const pattern of [this.indexPattern, '{DIV}/{YYYY}-{seq:05}', '{ORG}/{YYYY}-{seq:05}']) {
      const formatted = formatIndexNumber(pattern, values);
      if (formatted.ok) return formatted.value;
    }
    return `${doc.org_id.slice(-8)}/${year}-${String(seq).padStart(5, '0')}`;
  }
}

/** The roles an actor holds that cover this organisation. */
function rolesOn(actor: Actor, orgPath: string): RoleCode[] {
  if (actor.kind === 'system') return Object.keys(roleTable) as RoleCode[];
  const scoped = actor.grants.filter((g) => orgPath.startsWith(g.orgPath) && isRoleCode(g.role)).map((g) => g.role);
  return [...new Set(scoped)];
}

function toEvent(input: DocumentActionInput): EditionEvent {
  const reason = input.reason?.trim() ?? '';
  switch (input.action) {
    case 'reject':
    case 'withdraw':
      return { type: input.action, reason };
    case 'unpublish':
      return { type: 'unpublish', reason, replacementDocumentId: input.replacementDocumentId ?? null };
    case 'schedule':
      return { type: 'schedule', publishAt: input.publishAt ?? '' };
    case 'urgent_publish':
      return { type: 'urgent_publish', reason: reason || undefined };
    default:
      return { type: input.action } as EditionEvent;
  }
}

function reasonOf(event: EditionEvent): string | null {
  return 'reason' in event && event.reason ? event.reason : null;
}

function refused(reason: Refusal): AppError {
  return new AppError('TRANSITION_REFUSED', REFUSAL_STATUS[reason.code] ?? 400, { reason: { zh: reason.zh, en: reason.en }, refusal: reason.code });
}
