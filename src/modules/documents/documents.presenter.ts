import { parseJson, toBool } from '../../platform/db/ids.ts';
import type { DocumentDto, EditionDto } from './documents.schemas.ts';
import type { DocumentWithOrg, EditionRow } from './documents.repository.ts';

/** Metadata kept as JSON on the edition (fields nobody filters or sorts by). */
export type EditionMetadata = {
  issuer?: string | null;
  formedOn?: string | null;
  disclosureReason?: string | null;
  scope?: string | null;
  keywords?: string[];
  summary?: string | null;
  note?: string | null;
  /** The default-validity rule that filled 有效期至 (null: typed by the editor, or no rule). */
  validityRule?: { id: string; years: number | null; note: string } | null;
};

export function presentEdition(e: EditionRow): EditionDto {
  const m = parseJson<EditionMetadata>(e.metadata, {});
  return {
    id: e.id,
    version: `${e.version_major}.${e.version_minor}`,
    changeType: e.change_type,
    changeNote: e.change_note,
    state: e.state,
    lockVersion: e.lock_version,
    title: e.title,
    bodyHtml: e.body_html,
    docNo: e.doc_no,
    topic: e.topic,
    genre: e.genre,
    issuer: m.issuer ?? null,
    writtenOn: e.written_on,
    effectiveFrom: e.effective_from,
    expiresOn: e.expires_on,
    repealedOn: e.repealed_on,
    formedOn: m.formedOn ?? null,
    disclosure: e.disclosure,
    disclosureReason: m.disclosureReason ?? null,
    scope: m.scope ?? null,
    keywords: m.keywords ?? [],
    summary: m.summary ?? null,
    note: m.note ?? null,
    validityRule: m.validityRule ?? null,
    submittedBy: e.submitted_by,
    submittedAt: e.submitted_at,
    decidedBy: e.decided_by,
    decisionReason: e.decision_reason,
    scheduledAt: e.scheduled_at,
    publishedAt: e.published_at,
    urgent: toBool(e.urgent),
    endedReason: e.ended_reason,
    updatedAt: e.updated_at,
  };
}

export function presentDocument(d: DocumentWithOrg, edition: EditionRow): DocumentDto {
  return {
    id: d.id,
    slug: d.slug,
    kind: d.kind,
    normativeKind: d.normative_kind,
    organisationId: d.org_id,
    organisationName: d.org_name,
    indexNo: d.index_no,
    registrationNo: d.registration_no,
    validityStatus: d.validity_status,
    validityStatusOn: d.validity_status_on,
    publicState: d.public_state,
    edition: presentEdition(edition),
    publishedEditionId: d.published_edition_id,
    createdBy: d.created_by,
    createdAt: d.created_at,
  };
}

/** The public view: review data, reasons for rejection and the lock version are internal. */
export function presentPublic(d: DocumentWithOrg, edition: EditionRow): DocumentDto {
  const dto = presentDocument(d, edition);
  return {
    ...dto,
    createdBy: null,
    validityStatusOn: null,
    edition: { ...dto.edition, validityRule: null, lockVersion: 0, submittedBy: null, submittedAt: null, decidedBy: null, decisionReason: null, scheduledAt: null },
  };
}
