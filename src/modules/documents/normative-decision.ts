import type { Tx } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { htmlToText, sanitizeRichText } from '../../platform/files/index.ts';
import { DocumentRepository } from './documents.repository.ts';
import type { DocumentRelations } from './document-relations.ts';
import type { DocumentWorkflow } from './document-workflow.ts';
import type { EffectType } from './domain/index.ts';

export type DecisionDocument = {
  orgId: string;
  title: string;
  bodyHtml: string;
  genre: string;
  publishedOn: string;
  effects: { affectedDocumentId: string; type: EffectType; inForceOn: string }[];
};

/**
 * Publishes, inside the caller's transaction, the document that carries a clean-up result or a revocation
 * decision, with its effects on other documents. The effects apply as it is published (like any affecting
 * document), so the affected documents' status follows and `document.validity_changed` is emitted for each.
 * The decision itself was taken and audited by the calling process, so the document goes live without the
 * editorial review (as imported historical documents do).
 */
export async function publishDecisionDocument(tx: Tx, relations: DocumentRelations, workflow: DocumentWorkflow, input: DecisionDocument): Promise<string> {
  const repo = new DocumentRepository(tx.db);
  const now = nowIso();
  const documentId = newId();
  const editionId = newId();
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  await repo.insertDocument({
    id: documentId, org_id: input.orgId, slug: documentId, kind: 'document', normative_kind: null, index_no: null, registration_no: null, validity_status: null, validity_status_on: null, validity_next_on: null,
    published_edition_id: null, open_edition_id: editionId, public_state: 'none', replacement_document_id: null, source_key: null, content_hash: null,
    created_by: tx.actor.userId, created_at: now, updated_at: now,
  });
  await repo.insertEdition({
    id: editionId, document_id: documentId, version_major: 1, version_minor: 0, change_type: 'major', change_note: null, state: 'draft', lock_version: 0,
    title: input.title, body_html: bodyHtml, body_text: htmlToText(bodyHtml), metadata: '{}', doc_no: null, doc_no_norm: null, topic: null, genre: input.genre,
    written_on: input.publishedOn, effective_from: input.publishedOn, expires_on: null, repealed_on: null, disclosure: 'proactive',
    submitted_by: null, submitted_at: null, decided_by: tx.actor.userId, decided_at: now, decision_reason: null, scheduled_at: null,
    published_by: tx.actor.userId, published_at: null, urgent: 0, ended_reason: null, created_by: tx.actor.userId, created_at: now, updated_at: now,
  });
  await relations.recordEffects(tx.db, tx.actor.userId, documentId, input.effects);
  await workflow.publishImported(tx, documentId, editionId, input.publishedOn);
  return documentId;
}

/** Minimal HTML escaping for the generated bodies (they are sanitised again on the way in). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
