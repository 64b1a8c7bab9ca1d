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
import type { DocumentActionInput, DocumentDto } from './documents.schemas.ts';
import { transition, type EditionEvent, type EditionState, type Refusal } from './domain/index.ts';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber } from './domain/index.ts';

export const DOCUMENT_PUBLISHED = 'document.published';
export const DOCUMENT_REMOVED = 'document.removed';
/** A published document's validity changed because a later document's effect applied. */
export const DOCUMENT_VALIDITY_CHANGED = 'document.validity_changed';

/** Events that act on the published edition; the rest act on the open one. */
const ON_PUBLISHED = new Set(['withdraw', 'unpublish', 'approve_retrospectively']);

const REFUSAL_STATUS: Record<string, number> = { role_not_allowed: 403, four_eyes: 403, four_eyes_urgent: 403, invalid_transition: 409, unknown_event: 400 };

/** Moves editions through the lifecycle table (domain/edition-lifecycle.ts) and carries out its effects. */
export class DocumentWorkflow {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly relations: DocumentRelations,
    private readonly indexPattern = DEFAULT_INDEX_PATTERN,
  ) {}

  async act(actor: Actor, id: string, input: DocumentActionInput): Promise<DocumentDto> {
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
      await this.uow(systemActor('定时发布'), async (tx) => {
        const repo = new DocumentRepository(tx.db);
        const doc = (await repo.find(e.document_id))!;
        const edition = (await repo.findEdition(e.id))!;
        if (edition.state !== 'scheduled') return;
        await this.apply(tx, repo, systemActor('定时发布'), doc, edition, { type: 'publish' }, now);
        published += 1;
      });
    }
    return published;
  }

  private async apply(tx: Tx, repo: DocumentRepository, actor: Actor, doc: DocumentWithOrg, edition: EditionRow, event: EditionEvent, now = nowIso()): Promise<DocumentDto> {
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
    });
    if (!result.ok) throw refused(result.reason);

    const ePatch: Partial<EditionRow> = { state: result.next, updated_at: now };
    const dPatch: Partial<DocumentWithOrg> = { updated_at: now };
    const userId = actor.userId ?? null;
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
          for (const affected of await this.relations.onPublished(tx.db, doc.id)) {
            await tx.emit({ topic: DOCUMENT_VALIDITY_CHANGED, payload: { documentId: affected } });
          }
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
        // notify, gone, ledger_append, record_superseded_by: carried by later modules (notifications, ledger).
      }
    }
    // A withdrawn document keeps its page, with a banner and the reason; an unpublished one answers 410 or redirects.
    if (result.next === 'withdrawn') dPatch.public_state = 'withdrawn';
    if (result.next === 'unpublished') dPatch.public_state = 'unpublished';
    if (!(await repo.updateEdition(edition.id, edition.lock_version, ePatch))) throw new AppError('EDIT_CONFLICT', 409);
    await repo.updateDocument(doc.id, dPatch);
    await repo.insertHistory({ id: newId(), edition_id: edition.id, from_state: edition.state, to_state: result.next, event: event.type, actor_id: userId, reason: reasonOf(event), at: now });
    const after = (await repo.findEdition(edition.id))!;
    const docAfter = { ...doc, ...dPatch } as DocumentWithOrg;
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
    for (const affected of await this.relations.onPublished(tx.db, documentId)) {
      await tx.emit({ topic: DOCUMENT_VALIDITY_CHANGED, payload: { documentId: affected } });
    }
    await repo.insertHistory({ id: newId(), edition_id: editionId, from_state: edition.state, to_state: 'published', event: 'import', actor_id: tx.actor.userId, reason: null, at: now });
    await tx.emit({ topic: DOCUMENT_PUBLISHED, payload: { documentId, editionId } });
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
