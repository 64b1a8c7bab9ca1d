import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { parseDocNumber } from '../../platform/text/doc-number.ts';
import { htmlToText, sanitizeRichText } from '../../platform/files/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository, type DocumentWithOrg, type EditionRow } from './documents.repository.ts';
import { presentDocument, presentPublic, type EditionMetadata } from './documents.presenter.ts';
import { applyValidityRule, checkMetadata, defaultValidityRules, type NormativeKind, type ValidityRule } from './domain/index.ts';
import { beijingToday } from './document-relations.ts';
import type { CreateDocumentInput, DocumentDto, UpdateDocumentInput } from './documents.schemas.ts';
import type { DocumentAttachments } from './document-attachments.ts';

const EDITABLE = new Set(['draft', 'rejected']);

/**
 * Documents and their editions: drafting, editing with optimistic locking, new editions (copy-on-write).
 * Reading needs document.read, changing needs document.edit on the document's organisation subtree; anything
 * outside answers exactly like a missing document.
 */
export class DocumentService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly attachments?: DocumentAttachments,
    /** Default 有效期 rules (GONGKAI_VALIDITY_RULES), applied on save to normative documents without an expiry. */
    private readonly validityRules: readonly ValidityRule[] = defaultValidityRules,
  ) {}

  async list(actor: Actor, query: { organisationId?: string; state?: string; q?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const orgPath = query.organisationId ? (await this.orgs.requireReadable(actor, query.organisationId).catch(() => ({ path: '/-/' }))).path : undefined;
    const filter = { roots: scopeRoots(actor, 'document.read'), orgPath, state: query.state, q: query.q };
    const repo = new DocumentRepository(this.db);
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    const docs = new Map((await repo.findMany(rows.map((r) => r.document_id))).map((d) => [d.id, d]));
    return { items: rows.map((r) => presentDocument(docs.get(r.document_id)!, r)), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<DocumentDto> {
    const repo = new DocumentRepository(this.db);
    const doc = await repo.find(id);
    if (!doc || !can(actor, 'document.read', doc.org_path)) throw new NotFoundError();
    const edition = (await repo.findEdition(doc.open_edition_id ?? doc.published_edition_id!))!;
    return { ...presentDocument(doc, edition), attachments: (await this.attachments?.ofEdition(doc.id, edition.id)) ?? [] };
  }

  /**
   * What the public sees: the published edition only, without internal review data. A withdrawn document keeps its
   * page (with the reason); an unpublished one answers 410 Gone and names its replacement, if any.
   */
  async getPublic(idOrSlug: string): Promise<DocumentDto> {
    const repo = new DocumentRepository(this.db);
    const doc = (await repo.find(idOrSlug)) ?? (await repo.findBySlug(idOrSlug));
    if (!doc || !doc.published_edition_id || doc.public_state === 'none') throw new NotFoundError();
    if (doc.public_state === 'unpublished') throw new AppError('GONE', 410, { replacement: doc.replacement_document_id ?? '' });
    const edition = (await repo.findEdition(doc.published_edition_id))!;
    return { ...presentPublic(doc, edition), attachments: (await this.attachments?.ofEdition(doc.id, edition.id)) ?? [] };
  }

  /** Published documents for the portal and feeds, newest first: by organisation subtree, kind, normative only. */
  async listPublic(query: { organisationId?: string; kind?: 'document' | 'interpretation'; normative?: boolean; q?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.organisationId ? (await this.orgs.refs([query.organisationId])).get(query.organisationId) : undefined;
    if (query.organisationId && !org) throw new NotFoundError();
    const filter = { roots: null, orgPath: org?.path, publicOnly: true, kind: query.kind, normative: query.normative, q: query.q };
    const repo = new DocumentRepository(this.db);
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    const docs = new Map((await repo.findMany(rows.map((r) => r.document_id))).map((d) => [d.id, d]));
    return { items: rows.map((r) => presentPublic(docs.get(r.document_id)!, r)), total, page, pageSize };
  }

  /** 更新记录: every edition that was public, oldest first, with its version and change note. */
  async changeLog(idOrSlug: string): Promise<{ version: string; changeType: string; changeNote: string | null; publishedAt: string | null }[]> {
    const repo = new DocumentRepository(this.db);
    const doc = (await repo.find(idOrSlug)) ?? (await repo.findBySlug(idOrSlug));
    if (!doc || !doc.published_edition_id) throw new NotFoundError();
    return (await repo.editionsOf(doc.id))
      .filter((e) => e.published_at && ['published', 'superseded', 'withdrawn'].includes(e.state))
      .map((e) => ({ version: `${e.version_major}.${e.version_minor}`, changeType: e.change_type, changeNote: e.change_note, publishedAt: e.published_at }));
  }

  /** Staff with read access get the working view; everyone else the public one. */
  async view(actor: Actor, id: string): Promise<DocumentDto> {
    const doc = await new DocumentRepository(this.db).find(id);
    if (doc && can(actor, 'document.read', doc.org_path)) return this.get(actor, id);
    return this.getPublic(id);
  }

  async create(actor: Actor, input: CreateDocumentInput): Promise<DocumentDto> {
    const org = (await this.orgs.refs([input.organisationId])).get(input.organisationId);
    if (!org || !can(actor, 'document.edit', org.path)) throw ValidationError.field('organisationId', 'unknownOrg');
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const now = nowIso();
      const documentId = newId();
      const fields = { ...emptyEdition(documentId, actor, now), ...(await editionFields(repo, org.id, documentId, input)) };
      const edition = { ...fields, ...defaultValidity(fields, input.normativeKind ?? null, input, this.validityRules) };
      assertMetadata(edition);
      const doc = {
        id: documentId,
        org_id: org.id,
        slug: documentId,
        kind: input.kind ?? 'document',
        normative_kind: input.normativeKind ?? null,
        index_no: null,
        registration_no: null,
        validity_status: null,
        validity_status_on: null,
        validity_next_on: null,
        published_edition_id: null,
        open_edition_id: edition.id,
        public_state: 'none' as const,
        replacement_document_id: null,
        source_key: null,
        content_hash: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertDocument(doc);
      await repo.insertEdition(edition);
      const dto = presentDocument({ ...doc, org_path: org.path, org_name: org.name }, edition);
      await tx.audit({ action: 'document.create', entityType: 'document', entityId: documentId, org, after: dto });
      return dto;
    });
  }

  async update(actor: Actor, id: string, input: UpdateDocumentInput): Promise<DocumentDto> {
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const { doc, edition } = await this.requireOpenEdition(repo, actor, id);
      if (!EDITABLE.has(edition.state)) throw new ConflictError('DOC_NOT_EDITABLE', { state: edition.state });
      const lockVersion = input.lockVersion ?? edition.lock_version;
      const fields = { ...(await editionFields(repo, doc.org_id, doc.id, input, edition)), updated_at: nowIso() };
      const patch = { ...fields, ...defaultValidity({ ...edition, ...fields }, doc.normative_kind, input, this.validityRules) };
      assertMetadata({ ...edition, ...patch });
      if (!(await repo.updateEdition(edition.id, lockVersion, patch))) throw new ConflictError('EDIT_CONFLICT');
      await repo.updateDocument(doc.id, { updated_at: patch.updated_at });
      const after = (await repo.findEdition(edition.id))!;
      const dto = presentDocument(doc, after);
      await tx.audit({ action: 'document.update', entityType: 'document', entityId: id, org: { id: doc.org_id, path: doc.org_path }, before: presentDocument(doc, edition).edition, after: dto.edition });
      return dto;
    });
  }

  /** Starts a new edition from the published one (copy-on-write); only one open edition at a time. */
  async newEdition(actor: Actor, id: string, changeType: 'major' | 'minor', changeNote: string | null | undefined): Promise<DocumentDto> {
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const doc = await repo.find(id);
      if (!doc || !can(actor, 'document.edit', doc.org_path)) throw new NotFoundError();
      if (doc.open_edition_id) throw new ConflictError('OPEN_EDITION_EXISTS');
      if (!doc.published_edition_id) throw new ConflictError('NOT_PUBLISHED_YET');
      const base = (await repo.findEdition(doc.published_edition_id))!;
      const now = nowIso();
      const edition: EditionRow = {
        ...base,
        id: newId(),
        version_major: changeType === 'major' ? base.version_major + 1 : base.version_major,
        version_minor: changeType === 'major' ? 0 : base.version_minor + 1,
        change_type: changeType,
        change_note: changeNote ?? null,
        state: 'draft',
        lock_version: 0,
        submitted_by: null, submitted_at: null, decided_by: null, decided_at: null, decision_reason: null,
        scheduled_at: null, published_by: null, published_at: null, urgent: 0, ended_reason: null,
        created_by: actor.userId, created_at: now, updated_at: now,
      };
      await repo.insertEdition(edition);
      const copied = (await this.attachments?.copyToEdition(tx, base.id, edition.id)) ?? 0;
      await repo.updateDocument(id, { open_edition_id: edition.id, updated_at: now });
      await tx.audit({ action: 'document.new_edition', entityType: 'document', entityId: id, org: { id: doc.org_id, path: doc.org_path }, after: { version: `${edition.version_major}.${edition.version_minor}`, changeType, attachmentsCopied: copied } });
      return { ...presentDocument({ ...doc, open_edition_id: edition.id }, edition), attachments: (await this.attachments?.ofEdition(doc.id, edition.id, tx.db)) ?? [] };
    });
  }

  countInOrg(db: Kysely<DB>, orgId: string): Promise<number> {
    return new DocumentRepository(db).countInOrg(orgId);
  }

  private async requireOpenEdition(repo: DocumentRepository, actor: Actor, id: string): Promise<{ doc: DocumentWithOrg; edition: EditionRow }> {
    const doc = await repo.find(id);
    // Not editable here answers like missing: a reader of the city's drafts learns nothing from a 403.
    if (!doc || !can(actor, 'document.edit', doc.org_path)) throw new NotFoundError();
    if (!doc.open_edition_id) throw new ConflictError('DOC_NOT_EDITABLE', { state: doc.public_state });
    return { doc, edition: (await repo.findEdition(doc.open_edition_id))! };
  }
}


/**
 * Default 有效期至 of a normative document (normative-validity.ts): filled from the first matching rule while the
 * editor has not set one, counted from 实施日期 else 成文日期, and recomputed on later saves (title or dates may
 * change) until the editor types a date. The rule that applied is kept in the metadata for the editor to show.
 */
function defaultValidity(e: EditionRow, kind: NormativeKind | null, input: UpdateDocumentInput, rules: readonly ValidityRule[]): Partial<EditionRow> {
  if (!kind) return {};
  const meta = JSON.parse(e.metadata) as EditionMetadata;
  const typed = input.expiresOn !== undefined && input.expiresOn !== null && input.expiresOn !== '';
  if (typed || (e.expires_on && !meta.validityRule)) {
    if (!meta.validityRule) return {};
    return { metadata: JSON.stringify({ ...meta, validityRule: null }) };
  }
  const { rule, expiresOn } = applyValidityRule({ title: e.title, kind, effectiveFrom: e.effective_from, writtenOn: e.written_on }, rules);
  const applied = rule ? { id: rule.id, years: rule.years, note: rule.note } : null;
  return { expires_on: expiresOn, metadata: JSON.stringify({ ...meta, validityRule: applied }) };
}

/** The metadata rules of domain/metadata-rules.ts (date order, impossible dates, summary length, withheld reason). */
function assertMetadata(e: EditionRow): void {
  const meta = JSON.parse(e.metadata) as EditionMetadata;
  const { errors } = checkMetadata(
    {
      writtenOn: e.written_on, effectiveFrom: e.effective_from, expiresOn: e.expires_on, repealedOn: e.repealed_on,
      formedOn: meta.formedOn ?? null, summary: meta.summary ?? null, disclosure: e.disclosure, withheldReason: meta.disclosureReason ?? null,
    },
    { today: beijingToday() },
  );
  if (errors.length) throw new ValidationError(errors.map((i) => ({ path: i.path, code: 'custom', params: { zh: i.zh, en: i.en } })));
}

function emptyEdition(documentId: string, actor: Actor, now: string): EditionRow {
  return {
    id: newId(), document_id: documentId, version_major: 1, version_minor: 0, change_type: 'major', change_note: null,
    state: 'draft', lock_version: 0, title: '', body_html: '', body_text: '', metadata: '{}', doc_no: null, doc_no_norm: null,
    topic: null, genre: null, written_on: null, effective_from: null, expires_on: null, repealed_on: null, disclosure: 'proactive',
    submitted_by: null, submitted_at: null, decided_by: null, decided_at: null, decision_reason: null, scheduled_at: null,
    published_by: null, published_at: null, urgent: 0, ended_reason: null, created_by: actor.userId, created_at: now, updated_at: now,
  };
}

/** Input → edition columns: sanitised body, normalised 发文字号 (unique per organisation), metadata JSON. */
async function editionFields(repo: DocumentRepository, orgId: string, documentId: string, input: UpdateDocumentInput, current?: EditionRow): Promise<Partial<EditionRow>> {
  const out: Partial<EditionRow> = {};
  if (input.title !== undefined) out.title = input.title.trim();
  if (input.bodyHtml !== undefined) {
    out.body_html = sanitizeRichText(input.bodyHtml);
    out.body_text = htmlToText(out.body_html);
  }
  if (input.docNo !== undefined) {
    const raw = input.docNo?.trim() || null;
    const parsed = raw ? parseDocNumber(raw) : null;
    out.doc_no = parsed?.normalised ?? raw;
    out.doc_no_norm = parsed?.normalised ?? raw;
    if (out.doc_no_norm && (await repo.docNoTaken(orgId, out.doc_no_norm, documentId))) throw new ConflictError('DOC_NO_TAKEN', { docNo: out.doc_no_norm });
  }
  for (const [key, column] of [['topic', 'topic'], ['genre', 'genre'], ['writtenOn', 'written_on'], ['effectiveFrom', 'effective_from'], ['expiresOn', 'expires_on'], ['repealedOn', 'repealed_on']] as const) {
    if (input[key] !== undefined) (out as Record<string, unknown>)[column] = input[key] || null;
  }
  if (input.disclosure !== undefined) out.disclosure = input.disclosure;
  if (input.changeNote !== undefined) out.change_note = input.changeNote || null;
  const metaKeys = ['issuer', 'formedOn', 'disclosureReason', 'scope', 'keywords', 'summary', 'note'] as const;
  if (metaKeys.some((k) => input[k] !== undefined)) {
    const meta: EditionMetadata = current ? JSON.parse(current.metadata) : {};
    for (const k of metaKeys) if (input[k] !== undefined) (meta as Record<string, unknown>)[k] = input[k];
    out.metadata = JSON.stringify(meta);
  }
  return out;
}
