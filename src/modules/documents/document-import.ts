// Bulk import, the database side: one prepared source (import/prepare.ts) becomes one document, or a new edition of
// the document imported from the same source before, or nothing when its content has not changed. Everything for one
// document happens in one unit of work, audited as document.import.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, parseJson } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { DEFAULT_MAX_RICH_TEXT_CHARS, htmlToText, sanitizeRichText } from '../../platform/files/index.ts';
import type { OrganisationService, OrgRef } from '../organisations/index.ts';
import { CatalogRepository } from './catalog.repository.ts';
import { DocumentRepository, type DocumentWithOrg, type EditionRow } from './documents.repository.ts';
import type { DocumentWorkflow } from './document-workflow.ts';
import type { EditionMetadata } from './documents.presenter.ts';
import type { PreparedDocument } from './import/index.ts';
import { editionStateNames, type EditionState } from './domain/index.ts';

export type ImportStatus = 'imported' | 'updated' | 'skipped';
export interface ImportOptions {
  orgId: string;
  columnId?: string | null;
  /** Put the document live at once (publishImported: no review, it is the historical record). */
  publish: boolean;
  /** Do all the work, then roll the unit of work back: nothing is written. */
  dryRun: boolean;
  /** The user recorded as creator when the actor has none (the CLI system actor); created_by must name a user. */
  createdBy?: string | null;
}
export interface ImportResult {
  status: ImportStatus;
  documentId: string;
  /** Things worth a line in the report that did not stop the import (a 发文字号 already used in the organisation). */
  warnings: string[];
}

/** Why one source could not be imported; its message goes into the failure report. */
export class ImportError extends Error {
  override name = 'ImportError';
}

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export const IMPORT_CHANGE_NOTE = '批量导入更新';
const LIMITS = { title: 300, docNo: 60, issuer: 100, note: 100 } as const;

export class DocumentImporter {
  private readonly orgCache = new Map<string, OrgRef>();
  private readonly columnCache = new Map<string, boolean>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly workflow: DocumentWorkflow,
  ) {}

  async importOne(actor: Actor, options: ImportOptions, prepared: PreparedDocument): Promise<ImportResult> {
    const org = await this.org(options.orgId);
    if (!can(actor, 'document.edit', org.path) || (options.publish && !can(actor, 'document.publish', org.path))) throw new NotFoundError();
    const createdBy = actor.userId ?? options.createdBy;
    if (!createdBy) throw new Error('an import needs a user recorded as creator (createdBy)');
    if (options.columnId && !(await this.columnOf(options.columnId, org.id))) throw new ImportError(`栏目 ${options.columnId} 不属于该机构`);
    // Unchanged since the last run: answered without building the body or opening a transaction (re-checked inside).
    const known = await this.findBySource(this.db, org.id, prepared.sourceKey);
    if (known && known.content_hash === prepared.metadata.contentHash) return { status: 'skipped', documentId: known.id, warnings: [] };
    checkMetadata(prepared);
    const body = importBody(prepared);
    const work = (tx: Tx) => this.apply(tx, org, options, createdBy, prepared, body);
    if (!options.dryRun) return this.uow(actor, work);
    // Dry run: the same work, then a marker thrown inside the unit of work rolls all of it back (audit and outbox too).
    return this.uow(actor, async (tx) => {
      throw new DryRunRollback(await work(tx));
    }).catch((err: unknown) => {
      if (err instanceof DryRunRollback) return err.result;
      throw err;
    });
  }

  private async apply(tx: Tx, org: OrgRef, options: ImportOptions, createdBy: string, prepared: PreparedDocument, body: Body): Promise<ImportResult> {
    const repo = new DocumentRepository(tx.db);
    const m = prepared.metadata;
    const found = await this.findBySource(tx.db, org.id, prepared.sourceKey);
    const doc = found ? (await repo.find(found.id))! : undefined;
    if (doc && doc.content_hash === m.contentHash) return { status: 'skipped', documentId: doc.id, warnings: [] };
    const warnings = m.docNo && (await repo.docNoTaken(org.id, m.docNo, doc?.id ?? '')) ? [`发文字号 ${m.docNo} 在本机构已被其他文件使用`] : [];
    const now = nowIso();
    const fields = contentFields(prepared, body);
    let documentId: string;
    let editionId: string;
    let version: string;
    if (!doc) {
      documentId = newId();
      const edition = newEditionRow(documentId, createdBy, now, fields);
      await repo.insertDocument({
        id: documentId, org_id: org.id, slug: documentId, kind: 'document', normative_kind: null, index_no: null, registration_no: null, validity_status: null, validity_status_on: null, validity_next_on: null,
        published_edition_id: null, open_edition_id: edition.id, public_state: 'none', replacement_document_id: null,
        source_key: prepared.sourceKey, content_hash: m.contentHash, created_by: createdBy, created_at: now, updated_at: now,
      });
      await repo.insertEdition(edition);
      if (options.columnId) await new CatalogRepository(tx.db).setDocumentColumns(documentId, [options.columnId], now);
      ({ id: editionId } = edition);
      version = '1.0';
    } else {
      documentId = doc.id;
      const edition = await this.changedEdition(repo, doc, createdBy, now, fields);
      await repo.updateDocument(doc.id, { content_hash: m.contentHash, updated_at: now });
      editionId = edition.id;
      version = `${edition.version_major}.${edition.version_minor}`;
    }
    if (options.publish) await this.workflow.publishImported(tx, documentId, editionId, m.publishedOn ?? m.writtenOn);
    const status: ImportStatus = doc ? 'updated' : 'imported';
    await tx.audit({
      action: 'document.import',
      entityType: 'document',
      entityId: documentId,
      org,
      after: { status, sourceKey: prepared.sourceKey, contentHash: m.contentHash, title: fields.title, docNo: fields.doc_no, version, published: options.publish },
    });
    return { status, documentId, warnings };
  }

  /**
   * The edition that takes the changed content: a new minor edition from the published one, or the open draft when
   * nobody has edited it since it was made. Anything else (a draft someone edited, an edition in review, a withdrawn
   * document) is left alone and reported: an import must not overwrite people's work or undo a withdrawal.
   */
  private async changedEdition(repo: DocumentRepository, doc: DocumentWithOrg, createdBy: string, now: string, fields: ContentFields): Promise<EditionRow> {
    if (doc.open_edition_id) {
      const open = (await repo.findEdition(doc.open_edition_id))!;
      if (open.state !== 'draft') throw new ImportError(`文件有正在处理的版本（${editionStateNames[open.state as EditionState]?.zh ?? open.state}），未更新`);
      if (open.lock_version > 0) throw new ImportError('文件的草稿已在系统中修改过，未覆盖');
      const patch = { ...fields, metadata: mergeMetadata(open.metadata, fields.metadata), change_note: doc.published_edition_id ? IMPORT_CHANGE_NOTE : open.change_note, updated_at: now };
      if (!(await repo.updateEdition(open.id, 0, patch))) throw new ImportError('文件正被他人修改，请稍后重试');
      return { ...open, ...patch, lock_version: 1 };
    }
    if (doc.public_state !== 'published' || !doc.published_edition_id) throw new ImportError(`文件已${doc.public_state === 'withdrawn' ? '撤回' : '取消发布'}，导入不会更新或重新发布它`);
    const base = (await repo.findEdition(doc.published_edition_id))!;
    const edition: EditionRow = {
      ...newEditionRow(doc.id, createdBy, now, fields),
      ...pick(base, ['topic', 'genre', 'expires_on', 'repealed_on', 'disclosure']),
      metadata: mergeMetadata(base.metadata, fields.metadata),
      version_major: base.version_major,
      version_minor: base.version_minor + 1,
      change_type: 'minor',
      change_note: IMPORT_CHANGE_NOTE,
    };
    await repo.insertEdition(edition);
    await repo.updateDocument(doc.id, { open_edition_id: edition.id, updated_at: now });
    return edition;
  }

  private findBySource(db: Kysely<DB>, orgId: string, sourceKey: string) {
    return db.selectFrom('doc_document').select(['id', 'content_hash']).where('org_id', '=', orgId).where('source_key', '=', sourceKey).executeTakeFirst();
  }

  private async org(id: string): Promise<OrgRef> {
    let org = this.orgCache.get(id);
    if (!org) {
      org = (await this.orgs.refs([id])).get(id);
      if (!org) throw new NotFoundError();
      this.orgCache.set(id, org);
    }
    return org;
  }

  private async columnOf(columnId: string, orgId: string): Promise<boolean> {
    const key = `${orgId}/${columnId}`;
    if (!this.columnCache.has(key)) this.columnCache.set(key, (await new CatalogRepository(this.db).findColumn(columnId))?.org_id === orgId);
    return this.columnCache.get(key)!;
  }
}

type Body = { html: string; text: string };
type ContentFields = Pick<EditionRow, 'title' | 'body_html' | 'body_text' | 'metadata' | 'doc_no' | 'doc_no_norm' | 'written_on' | 'effective_from'>;

/** Limits of the editor's form (documents.schemas.ts) and the date rule of the issue: clear reasons, nothing saved. */
function checkMetadata(p: PreparedDocument): void {
  const m = p.metadata;
  for (const [key, label] of [['title', '标题'], ['docNo', '发文字号'], ['issuer', '发布机构'], ['note', '附注']] as const) {
    const value = m[key];
    if (value && value.length > LIMITS[key]) throw new ImportError(`${label}超过 ${LIMITS[key]} 个字符：${value.slice(0, 40)}…`);
  }
  if (!m.title?.trim()) throw new ImportError('没有标题');
  if (m.writtenOn && m.publishedOn && m.writtenOn > m.publishedOn) throw new ImportError(`成文日期 ${m.writtenOn} 晚于发布日期 ${m.publishedOn}`);
}

function contentFields(p: PreparedDocument, body: Body): ContentFields {
  const m = p.metadata;
  const meta: EditionMetadata = { ...(m.issuer ? { issuer: m.issuer } : {}), ...(m.note ? { note: m.note } : {}) };
  return { title: m.title!.trim(), body_html: body.html, body_text: body.text, metadata: JSON.stringify(meta), doc_no: m.docNo, doc_no_norm: m.docNo, written_on: m.writtenOn, effective_from: m.effectiveOn };
}

/** Fields the source states replace the edition's; what editors added (keywords, summary …) stays. */
function mergeMetadata(current: string, imported: string): string {
  return JSON.stringify({ ...parseJson<EditionMetadata>(current, {}), ...parseJson<EditionMetadata>(imported, {}) });
}

const pick = <T, K extends keyof T>(row: T, keys: K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

function newEditionRow(documentId: string, createdBy: string, now: string, fields: ContentFields): EditionRow {
  return {
    id: newId(), document_id: documentId, version_major: 1, version_minor: 0, change_type: 'major', change_note: null, state: 'draft', lock_version: 0,
    ...fields, topic: null, genre: null, expires_on: null, repealed_on: null, disclosure: 'proactive',
    submitted_by: null, submitted_at: null, decided_by: null, decided_at: null, decision_reason: null, scheduled_at: null,
    published_by: null, published_at: null, urgent: 0, ended_reason: null, created_by: createdBy, created_at: now, updated_at: now,
  };
}

// ---- body: sanitised HTML with anchors on articles (art-3, art-3-2 for 第三条之二), chapters (chap-2) and sections (chap-2-sec-1)

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const inline = (s: string) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

function pipeTable(rows: string[]): string {
  const cells = (row: string) => row.replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
  const header = rows.length > 1 && /^[\s|:-]+$/.test(rows[1]!) && rows[1]!.includes('-');
  const tr = (row: string, tag: 'th' | 'td') => `<tr>${cells(row).map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  const body = (header ? rows.slice(2) : rows).map((r) => tr(r, 'td')).join('');
  return `<table>${header ? `<thead>${tr(rows[0]!, 'th')}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

/**
 * Markdown as government texts use it (headings, one paragraph a line, pipe tables, **bold**), or plain text (one
 * paragraph a line), to HTML. Body headings start at h2: the page's h1 is the title.
 */
export function textToHtml(text: string, format: 'markdown' | 'text'): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const heading = format === 'markdown' ? /^(#{1,6})\s+(.*)$/.exec(line) : null;
    if (heading) {
      const level = Math.max(2, heading[1]!.length);
      out.push(`<h${level}>${inline(heading[2]!.trim())}</h${level}>`);
    } else if (format === 'markdown' && line.startsWith('|')) {
      const rows = [line];
      while (lines[i + 1]?.trim().startsWith('|')) rows.push(lines[++i]!.trim());
      out.push(pipeTable(rows));
    } else out.push(`<p>${format === 'markdown' ? inline(line) : escapeHtml(line)}</p>`);
  }
  return out.join('\n');
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百零五 → 105, 十二 → 12, 3 → 3; null when it is not a numeral. */
export function chineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    } else return null;
  }
  return total + digit || null;
}

const NUM = '[〇零一二三四五六七八九两十百千\\d]+';
const ANCHOR = new RegExp(`<(p|h[2-6])>((?:\\s|&nbsp;|<strong>)*)第(${NUM})(条|章|节)(?:之(${NUM}))?(?=[\\s\\u3000<]|&nbsp;|$)`, 'g');

/** Adds ids to the blocks that open an article, chapter or section (first occurrence of each id wins). */
export function addArticleAnchors(html: string): string {
  const used = new Set<string>();
  let chapter = 0;
  return html.replace(ANCHOR, (whole, tag: string, lead: string, num: string, kind: string, sub: string | undefined) => {
    const n = chineseNumeral(num);
    if (n === null) return whole;
    if (kind === '章') chapter = n;
    const subN = sub ? chineseNumeral(sub) : null;
    const id = kind === '条' ? `art-${n}${subN ? `-${subN}` : ''}` : kind === '章' ? `chap-${n}` : `chap-${chapter}-sec-${n}`;
    if (used.has(id)) return whole;
    used.add(id);
    return `<${tag} id="${id}">${whole.slice(tag.length + 2)}`;
  });
}

/**
 * The body to store. DOCX and HTML sources keep their sanitised rich text (without a leading copy of the title) unless
 * page furniture made up much of it (a web capture), when the cleaned text is used instead, as for the other kinds.
 */
export function importBody(p: PreparedDocument): Body {
  if (p.bodyFormat === 'html' && p.html) {
    const title = p.metadata.title?.trim();
    const html = sanitizeRichText(p.html).replace(/^\s*<(h[1-6]|p)>([^<]*)<\/\1>\s*/, (block, _t, text: string) => (text.trim() === title ? '' : block));
    const text = htmlToText(html);
    if (p.metadata.body.length >= 0.7 * text.length) return finish(addArticleAnchors(html), text);
  }
  const html = addArticleAnchors(sanitizeRichText(textToHtml(p.metadata.body, p.bodyFormat === 'markdown' ? 'markdown' : 'text')));
  return finish(html, htmlToText(html));
}

function finish(html: string, text: string): Body {
  if (!text.trim()) throw new ImportError('正文为空');
  if (html.length > DEFAULT_MAX_RICH_TEXT_CHARS) throw new ImportError(`正文超过 ${DEFAULT_MAX_RICH_TEXT_CHARS} 个字符`);
  return { html, text };
}
