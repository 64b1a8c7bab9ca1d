import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { checkAttachment, extensionOf, extractText, type FileStore } from '../../platform/files/index.ts';
import { DocumentRepository, type DocumentWithOrg, type EditionRow } from './documents.repository.ts';
import { AttachmentRepository, type AttachmentSummary } from './attachments.repository.ts';
import { presentAttachments } from './attachments.presenter.ts';
import type { AttachmentDto, UpdateAttachmentInput } from './attachments.schemas.ts';

const EDITABLE = new Set(['draft', 'rejected']);
/** Extracted text kept per attachment; beyond this a file is still stored, its text is cut (search needs no more). */
const MAX_TEXT_CHARS = 2_000_000;

/**
 * Files attached to a document's editions. Changing them needs document.edit on the document's organisation subtree
 * and an editable (draft or rejected) edition; reading needs document.read, except that anyone may download the
 * attachments of the edition the public sees. Blobs are content-addressed, so a new edition shares them.
 */
export class DocumentAttachments {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  get maxUploadBytes(): number {
    return this.maxBytes;
  }

  async list(actor: Actor, documentId: string, editionId: string): Promise<AttachmentDto[]> {
    const { doc } = await this.requireEdition(new DocumentRepository(this.db), actor, 'document.read', documentId, editionId);
    return presentAttachments(doc.id, await new AttachmentRepository(this.db).listForEdition(editionId));
  }

  /** For a document view: the attachments of one edition, in reading order. */
  async ofEdition(documentId: string, editionId: string, db: Kysely<DB> = this.db): Promise<AttachmentDto[]> {
    return presentAttachments(documentId, await new AttachmentRepository(db).listForEdition(editionId));
  }

  /**
   * Checks the file (size, type sniffed from the content and agreeing with the name), extracts its text, stores
   * the blob and records the attachment. Any refusal leaves nothing behind.
   */
  async upload(actor: Actor, documentId: string, editionId: string, filename: string, data: Buffer): Promise<AttachmentDto> {
    // Refuse early, before the (possibly slow) extraction, when the edition cannot take attachments anyway.
    await this.requireEditable(new DocumentRepository(this.db), actor, documentId, editionId);
    const name = cleanName(filename);
    const checked = await checkAttachment(data, name, this.maxBytes);
    if (!checked.ok) throw new AppError(checked.code, checked.code === 'ATTACHMENT_TOO_LARGE' ? 413 : checked.code === 'ATTACHMENT_UNSUPPORTED' ? 415 : 400, checked.params);
    let text: string;
    try {
      text = (await extractText(data, checked.type.kind)).text.slice(0, MAX_TEXT_CHARS);
    } catch {
      throw new AppError('ATTACHMENT_DAMAGED', 400, { kind: checked.type.ext.toUpperCase() });
    }
    const blob = await this.store.put(data);
    try {
      return await this.uow(actor, async (tx) => {
        const { doc } = await this.requireEditable(new DocumentRepository(tx.db), actor, documentId, editionId, tx);
        const repo = new AttachmentRepository(tx.db);
        const row = {
          id: newId(), edition_id: editionId, filename: name, mime: checked.type.mime, size: data.length, sha256: blob.sha256, storage_key: blob.key,
          text: text.trim() ? text : null, accessible: 0, html_version_of: null, sort_order: await repo.nextSortOrder(editionId), created_at: nowIso(),
        };
        await repo.insert(row);
        await tx.audit({ ...this.entry('document.attachment_add', doc), after: { editionId, attachmentId: row.id, name, mime: row.mime, size: row.size, sha256: row.sha256 } });
        return presentAttachments(doc.id, [{ ...row, text_chars: row.text?.length ?? 0 }])[0]!;
      });
    } catch (err) {
      // The blob is ours alone when this upload created it and no row took it up: remove it, so nothing is half-saved.
      if (blob.created && !(await new AttachmentRepository(this.db).blobInUse(blob.sha256))) await this.store.delete(blob.key);
      throw err;
    }
  }

  async update(actor: Actor, documentId: string, editionId: string, attachmentId: string, input: UpdateAttachmentInput): Promise<AttachmentDto[]> {
    await this.uow(actor, async (tx) => {
      const { doc } = await this.requireEditable(new DocumentRepository(tx.db), actor, documentId, editionId, tx);
      const repo = new AttachmentRepository(tx.db);
      const att = await repo.find(editionId, attachmentId);
      if (!att) throw new NotFoundError();
      const patch: Parameters<AttachmentRepository['update']>[1] = {};
      if (input.name !== undefined) patch.filename = keepExtension(cleanName(input.name, 'name'), att.filename);
      if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
      if (input.htmlVersionOf !== undefined) {
        if (input.htmlVersionOf !== null) {
          const original = await repo.find(editionId, input.htmlVersionOf);
          if (!original || att.mime !== 'text/html' || original.mime === 'text/html') throw new AppError('ATTACHMENT_VERSION_INVALID', 400);
          // The HTML version is the accessible one unless the editor says otherwise in the same request.
          if (input.accessible === undefined) patch.accessible = 1;
        }
        patch.html_version_of = input.htmlVersionOf;
      }
      if (input.accessible !== undefined) patch.accessible = input.accessible ? 1 : 0;
      await repo.update(att.id, patch);
      const after = (await repo.find(editionId, att.id))!;
      await tx.audit({ ...this.entry('document.attachment_update', doc), before: snapshot(att), after: snapshot(after) });
    });
    return this.list(actor, documentId, editionId);
  }

  /** Sets the order of an edition's attachments; `ids` must list each of them once. */
  async reorder(actor: Actor, documentId: string, editionId: string, ids: string[]): Promise<AttachmentDto[]> {
    await this.uow(actor, async (tx) => {
      const { doc } = await this.requireEditable(new DocumentRepository(tx.db), actor, documentId, editionId, tx);
      const repo = new AttachmentRepository(tx.db);
      const current = await repo.listForEdition(editionId);
      if (ids.length !== current.length || !current.every((a) => ids.includes(a.id))) throw new AppError('ATTACHMENT_ORDER_INVALID', 400);
      for (const [i, id] of ids.entries()) await repo.update(id, { sort_order: i });
      await tx.audit({ ...this.entry('document.attachment_reorder', doc), before: { editionId, ids: current.map((a) => a.id) }, after: { editionId, ids } });
    });
    return this.list(actor, documentId, editionId);
  }

  async remove(actor: Actor, documentId: string, editionId: string, attachmentId: string): Promise<void> {
    const removed = await this.uow(actor, async (tx) => {
      const { doc } = await this.requireEditable(new DocumentRepository(tx.db), actor, documentId, editionId, tx);
      const repo = new AttachmentRepository(tx.db);
      const att = await repo.find(editionId, attachmentId);
      if (!att) throw new NotFoundError();
      await repo.delete(att.id);
      await tx.audit({ ...this.entry('document.attachment_delete', doc), before: snapshot(att) });
      return att;
    });
    // Earlier editions usually share the blob; it goes only when no attachment uses it any more.
    if (!(await new AttachmentRepository(this.db).blobInUse(removed.sha256))) await this.store.delete(removed.storage_key);
  }

  /**
   * The attachment and its bytes. Staff who may read the document get any edition's; everyone else only those of
   * the edition the public sees (published or withdrawn documents). Anything else answers like a missing file.
   */
  async open(actor: Actor, documentId: string, editionId: string, attachmentId: string): Promise<{ attachment: AttachmentDto; data: Buffer }> {
    const doc = await new DocumentRepository(this.db).find(documentId);
    if (!doc) throw new NotFoundError();
    const staff = can(actor, 'document.read', doc.org_path);
    const publicEdition = (doc.public_state === 'published' || doc.public_state === 'withdrawn') && doc.published_edition_id === editionId;
    if (!staff && !publicEdition) throw new NotFoundError();
    const edition = await new DocumentRepository(this.db).findEdition(editionId);
    if (!edition || edition.document_id !== doc.id) throw new NotFoundError();
    const att = await new AttachmentRepository(this.db).find(editionId, attachmentId);
    if (!att) throw new NotFoundError();
    const data = await this.store.get(att.storage_key);
    if (!data) throw new NotFoundError();
    return { attachment: presentAttachments(doc.id, [att])[0]!, data };
  }

  /** Called by newEdition inside its transaction: the new edition starts with the same files. */
  async copyToEdition(tx: Tx, fromEditionId: string, toEditionId: string): Promise<number> {
    return new AttachmentRepository(tx.db).copyToEdition(fromEditionId, toEditionId);
  }

  private entry(action: string, doc: DocumentWithOrg) {
    return { action, entityType: 'document', entityId: doc.id, org: { id: doc.org_id, path: doc.org_path } };
  }

  private async requireEdition(repo: DocumentRepository, actor: Actor, permission: 'document.read' | 'document.edit', documentId: string, editionId: string): Promise<{ doc: DocumentWithOrg; edition: EditionRow }> {
    const doc = await repo.find(documentId);
    // Outside the actor's subtree answers like missing: another county's editor learns nothing.
    if (!doc || !can(actor, permission, doc.org_path)) throw new NotFoundError();
    const edition = await repo.findEdition(editionId);
    if (!edition || edition.document_id !== doc.id) throw new NotFoundError();
    return { doc, edition };
  }

  /** Inside a transaction, also takes the edition's row lock, so a concurrent submit cannot slip in between. */
  private async requireEditable(repo: DocumentRepository, actor: Actor, documentId: string, editionId: string, tx?: Tx) {
    const found = await this.requireEdition(repo, actor, 'document.edit', documentId, editionId);
    const notEditable = () => new ConflictError('DOC_NOT_EDITABLE', { state: stateNames[found.edition.state] ?? found.edition.state });
    if (!EDITABLE.has(found.edition.state)) throw notEditable();
    if (tx && !(await new AttachmentRepository(tx.db).lockEditable(editionId, nowIso()))) throw notEditable();
    return found;
  }
}

const stateNames: Record<string, string> = {
  submitted: '待审核', approved: '已审核', scheduled: '定时发布', published: '已发布', superseded: '已被取代', withdrawn: '已撤回', unpublished: '已撤销发布',
};

/** The display name: no directories, no control characters, trimmed. */
function cleanName(raw: string, field = 'filename'): string {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  if (!name) throw ValidationError.field(field, 'required');
  return name;
}

/** A renamed attachment keeps the extension its content was checked against, so downloads stay what they say. */
function keepExtension(name: string, previous: string): string {
  const ext = extensionOf(previous);
  return !ext || extensionOf(name) === ext ? name : `${name}.${ext}`;
}

function snapshot(a: AttachmentSummary) {
  return { editionId: a.edition_id, attachmentId: a.id, name: a.filename, accessible: a.accessible === 1, sortOrder: a.sort_order, htmlVersionOf: a.html_version_of };
}
