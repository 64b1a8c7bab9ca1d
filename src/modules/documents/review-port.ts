// What the documents module offers pre-publication review (the review module) without either reading the other's
// tables: a read model of an edition's reviewable content, and the PublicationGate hook the workflow calls before
// approving or publishing. Documents does not import review; review registers its gate in the container.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/unit-of-work.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Refusal } from './domain/index.ts';

export type GatedEvent = 'approve' | 'publish' | 'urgent_publish' | 'schedule';

export type GateContext = {
  documentId: string;
  editionId: string;
  event: GatedEvent;
  actor: Actor;
  /** The scheduler publishing a scheduled edition (no user acts). */
  scheduled: boolean;
  now: string;
};

/**
 * Checked inside the workflow's transaction before an approving or publishing transition. `prepare` runs before
 * the transaction (slow work such as scanning attachments); `check` must only use `tx.db`. A refusal stops the
 * transition; `afterApproved` lets the gate record what the transition implies (e.g. the final sign-off).
 */
export interface PublicationGate {
  prepare?(editionId: string): Promise<void>;
  check(tx: Tx, ctx: GateContext): Promise<Refusal | null>;
  afterTransition?(tx: Tx, ctx: GateContext): Promise<void>;
}

export type ReviewAttachment = { id: string; filename: string; sha256: string; storageKey: string; text: string | null };

export type ReviewEdition = {
  documentId: string;
  editionId: string;
  orgId: string;
  orgPath: string;
  kind: 'document' | 'interpretation';
  normativeKind: string | null;
  genre: string | null;
  state: string;
  version: string;
  title: string;
  bodyHtml: string;
  bodyText: string;
  docNo: string | null;
  writtenOn: string | null;
  publishedAt: string | null;
  disclosure: string;
  note: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  lockVersion: number;
  isOpen: boolean;
  isPublished: boolean;
  attachments: ReviewAttachment[];
};

/** The edition's reviewable content, or undefined. */
export async function reviewEdition(db: Kysely<DB>, editionId: string): Promise<ReviewEdition | undefined> {
  const e = await db
    .selectFrom('doc_edition')
    .innerJoin('doc_document', 'doc_document.id', 'doc_edition.document_id')
    .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
    .selectAll('doc_edition')
    .select(['doc_document.org_id', 'iam_org.path as org_path', 'doc_document.kind', 'doc_document.normative_kind', 'doc_document.open_edition_id', 'doc_document.published_edition_id'])
    .where('doc_edition.id', '=', editionId)
    .executeTakeFirst();
  if (!e) return undefined;
  const attachments = await db
    .selectFrom('doc_attachment')
    .select(['id', 'filename', 'sha256', 'storage_key', 'text'])
    .where('edition_id', '=', editionId)
    .orderBy('sort_order')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  let note: string | null = null;
  try {
    const meta = JSON.parse(e.metadata) as { note?: string | null };
    note = meta.note ?? null;
  } catch {
    note = null;
  }
  return {
    documentId: e.document_id,
    editionId: e.id,
    orgId: e.org_id,
    orgPath: e.org_path,
    kind: e.kind,
    normativeKind: e.normative_kind,
    genre: e.genre,
    state: e.state,
    version: `${e.version_major}.${e.version_minor}`,
    title: e.title,
    bodyHtml: e.body_html,
    bodyText: e.body_text,
    docNo: e.doc_no,
    writtenOn: e.written_on,
    publishedAt: e.published_at,
    disclosure: e.disclosure,
    note,
    submittedBy: e.submitted_by,
    submittedAt: e.submitted_at,
    lockVersion: e.lock_version,
    isOpen: e.open_edition_id === e.id,
    isPublished: e.published_edition_id === e.id,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, sha256: a.sha256, storageKey: a.storage_key, text: a.text })),
  };
}

/** The document's open and published edition ids, its organisation and title (for review lists). */
export async function reviewDocument(db: Kysely<DB>, documentId: string) {
  return db
    .selectFrom('doc_document')
    .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
    .select(['doc_document.id', 'doc_document.org_id', 'iam_org.path as org_path', 'iam_org.name as org_name', 'doc_document.open_edition_id', 'doc_document.published_edition_id', 'doc_document.public_state'])
    .where('doc_document.id', '=', documentId)
    .executeTakeFirst();
}

/** Whether an interpretation is linked to the document ('interprets' points from the interpretation to it). */
export async function hasInterpretation(db: Kysely<DB>, documentId: string, publishedOnly = false): Promise<boolean> {
  let q = db
    .selectFrom('doc_link')
    .innerJoin('doc_document as i', 'i.id', 'doc_link.from_document_id')
    .select('doc_link.id')
    .where('doc_link.to_document_id', '=', documentId)
    .where('doc_link.type', '=', 'interprets');
  if (publishedOnly) q = q.where('i.public_state', '=', 'published');
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Published editions in id order after `afterEditionId`, for batched re-scans. */
export async function publishedEditionIds(db: Kysely<DB>, afterEditionId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('doc_document')
    .select('published_edition_id')
    .where('public_state', '=', 'published')
    .where('published_edition_id', 'is not', null)
    .where('published_edition_id', '>', afterEditionId)
    .orderBy('published_edition_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.published_edition_id!);
}
