// Scans an edition (title, body, metadata, every attachment) and keeps its findings. Findings are stored per
// edition with the fingerprint of the content and the dictionary version they were computed from; whenever either
// moved (a save, an attachment upload or delete, a dictionary change) the next read or gate check scans again.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { FileStore } from '../../platform/files/index.ts';
import { reviewEdition, type ReviewEdition } from '../documents/index.ts';
import { scanFile, scanMetadata, scanText, type Finding, type MaskingRules, type ScanOptions } from './scanner/index.ts';
import { ReviewRepository, type FindingRow } from './review.repository.ts';
import type { Dictionaries } from './dictionaries.ts';

export type ScanSettings = { allowPhones: string[]; allowEmailDomains: string[]; masking?: MaskingRules; beijingToday: () => string };

export type EditionFindings = { edition: ReviewEdition; findings: FindingRow[]; scannedAt: string; rescanned: boolean };

export class EditionScanner {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly files: FileStore,
    private readonly dictionaries: Dictionaries,
    private readonly settings: ScanSettings,
  ) {}

  /**
   * The edition's current findings, scanning first when they are stale. Pass `tx.db` inside a transaction; the
   * scan itself reads attachment blobs, so callers that can should call this before their transaction.
   */
  async current(editionId: string, db: Kysely<DB> = this.db): Promise<EditionFindings | undefined> {
    const edition = await reviewEdition(db, editionId);
    if (!edition) return undefined;
    const repo = new ReviewRepository(db);
    const { version, compiled } = await this.dictionaries.compiled(db);
    const fingerprint = fingerprintOf(edition);
    const scan = await repo.findScan(editionId);
    if (scan && scan.fingerprint === fingerprint && scan.dictionary_version === version) {
      return { edition, findings: await repo.findings(editionId), scannedAt: scan.scanned_at, rescanned: false };
    }
    const options: ScanOptions = { dictionary: compiled, allowPhones: this.settings.allowPhones, allowEmailDomains: this.settings.allowEmailDomains, masking: this.settings.masking };
    const found = await this.scanContent(edition, options);
    const rows = toRows(edition, found);
    const scannedAt = nowIso();
    await repo.replaceFindings({ edition_id: editionId, document_id: edition.documentId, fingerprint, dictionary_version: version, scanned_at: scannedAt }, rows);
    return { edition, findings: rows, scannedAt, rescanned: true };
  }

  private async scanContent(e: ReviewEdition, options: ScanOptions): Promise<Finding[]> {
    const out: Finding[] = [];
    out.push(...scanText(e.title, { ...options, location: { field: 'title' } }));
    out.push(...scanText(e.bodyText, { ...options, location: { field: 'body' } }));
    if (e.note) out.push(...scanText(e.note, { ...options, location: { field: 'note' } }));
    out.push(...scanMetadata({ title: e.title, docNo: e.docNo, writtenOn: e.writtenOn, publishedOn: e.publishedAt?.slice(0, 10) ?? null, disclosure: e.disclosure, note: e.note, today: this.settings.beijingToday() }));
    for (const a of e.attachments) {
      const location = { attachmentId: a.id, filename: a.filename };
      const blob = await this.files.get(a.storageKey);
      if (!blob) {
        // A review never passes because a file could not be read.
        out.push(unreadable(a.filename, a.id, '文件在存储中缺失', 'the stored file is missing'));
        continue;
      }
      try {
        out.push(...(await scanFile(blob, a.filename, { ...options, location })).map((f) => ({ ...f, location: { ...location, ...f.location } })));
      } catch (err) {
        out.push(unreadable(a.filename, a.id, `无法读取：${(err as Error).message}`, `cannot be read: ${(err as Error).message}`));
      }
    }
    return out;
  }
}

function unreadable(filename: string, attachmentId: string, zh: string, en: string): Finding {
  return {
    category: 'unreadable', severity: 'block', blocking: true, start: 0, end: 0, text: '', masked: '',
    message: { zh: `附件“${filename}”${zh}，无法审查`, en: `Attachment “${filename}”: ${en}; it cannot be reviewed` },
    ruleId: 'unreadable', location: { attachmentId, filename },
  };
}

/** Everything a finding can depend on: a change to any of it makes stored findings stale. */
export function fingerprintOf(e: ReviewEdition): string {
  const h = createHash('sha256');
  for (const part of [e.title, e.bodyText, e.docNo ?? '', e.writtenOn ?? '', e.publishedAt?.slice(0, 10) ?? '', e.disclosure, e.note ?? '']) h.update(part).update('\u0000');
  for (const a of e.attachments) h.update(`${a.id}:${a.sha256}:${a.filename}\u0000`);
  return h.digest('hex');
}

/** Where a finding is, as a key part and as a Chinese label. */
export function locationKey(f: Pick<FindingRow, 'field' | 'attachment_id' | 'page' | 'sheet' | 'cell'>): string {
  return [f.attachment_id ? `a:${f.attachment_id}` : `f:${f.field ?? ''}`, f.page ?? '', f.sheet ?? '', f.cell ?? ''].join('/');
}

const FIELD_NAMES: Record<string, string> = { body: '正文', title: '标题', note: '附注', docNo: '发文字号', writtenOn: '成文日期', publishedOn: '发布日期', disclosure: '公开方式' };

export function locationLabel(f: Pick<FindingRow, 'field' | 'filename' | 'page' | 'sheet' | 'cell'>): string {
  if (f.filename) {
    const parts = [`附件“${f.filename}”`];
    if (f.page != null) parts.push(`第 ${f.page} 页`);
    if (f.sheet) parts.push(`工作表“${f.sheet}”`);
    if (f.cell) parts.push(`单元格 ${f.cell}`);
    return parts.join(' ');
  }
  return FIELD_NAMES[f.field ?? ''] ?? f.field ?? '元数据';
}

function toRows(e: ReviewEdition, found: Finding[]): FindingRow[] {
  const seen = new Map<string, number>();
  return found.map((f, seq) => {
    const loc = { field: f.location.field ?? null, attachment_id: f.location.attachmentId ?? null, page: f.location.page ?? null, sheet: f.location.sheet ?? null, cell: f.location.cell ?? null };
    // Keyed by what and where (the matched text only as a hash: keys travel into overrides and dismissals), not by
    // offset: an override survives edits elsewhere in the text.
    const base = `${f.category}|${f.ruleId}|${locationKey(loc)}|${createHash('sha256').update(f.text).digest('hex').slice(0, 16)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const key = `${base}|${n}`;
    return {
      id: createHash('sha256').update(`${e.editionId}\u0000${key}`).digest('hex').slice(0, 32),
      edition_id: e.editionId,
      document_id: e.documentId,
      finding_key: key,
      category: f.category,
      severity: f.severity,
      blocking: f.blocking ? 1 : 0,
      ...loc,
      filename: f.location.filename ?? null,
      start_offset: f.start,
      end_offset: f.end,
      text: f.text,
      masked: f.masked,
      message_zh: f.message.zh,
      message_en: f.message.en,
      suggestion: f.suggestion ?? null,
      rule_id: f.ruleId,
      seq,
      context_before: f.context?.before ?? null,
      context_after: f.context?.after ?? null,
    };
  });
}
