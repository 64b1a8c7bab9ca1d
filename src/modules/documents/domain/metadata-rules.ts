// Pure checks of a document's metadata (domain.md §5.1, §1.4). Each check returns field issues
// `{ path, code, zh, en, params }`; `checkMetadata` sorts them into errors (block saving) and warnings
// (shown, never blocking). Dates are `YYYY-MM-DD` in China time (see dates.ts `toChinaDate`).
import { formatZhDate, isIsoDate } from './dates.ts';

export type Disclosure = 'proactive' | 'on_request' | 'withheld';

export interface DocumentMetadataInput {
  /** 成文日期 */
  writtenOn?: string | null;
  /** 发布日期 (for a draft: absent; the late check then assumes publication today) */
  publishedOn?: string | null;
  /** 实施日期 */
  effectiveFrom?: string | null;
  /** 有效期至 */
  expiresOn?: string | null;
  /** 废止日期 */
  repealedOn?: string | null;
  /** The date the information was formed or changed (条例 Art. 26). */
  formedOn?: string | null;
  /** 内容概述 */
  summary?: string | null;
  /** 公开方式 */
  disclosure?: Disclosure | null;
  /** 不予公开 reason */
  withheldReason?: string | null;
}

export type DateField = 'writtenOn' | 'publishedOn' | 'effectiveFrom' | 'expiresOn' | 'repealedOn' | 'formedOn';

export interface FieldIssue {
  path: string;
  code: string;
  zh: string;
  en: string;
  params?: Record<string, unknown>;
}

/** Adds n working days (the calendar module's function); may flag a year without a loaded schedule. */
export type AddWorkingDays = (date: string, n: number) => string | { date: string; provisional?: boolean };

export interface MetadataCheckOptions {
  /** Today's date in China. */
  today: string;
  /** Earliest plausible date (catches 0202 for 2022). Default 1949-10-01. */
  minDate?: string;
  /** Default 100 characters (a local rule [S], domain.md §5.1). */
  summaryMaxChars?: number;
  /** A scheduled edition may carry a future 发布日期. Default false. */
  allowFuturePublication?: boolean;
  /** 实施日期 before 成文日期 (retroactive effect). Default 'error'. */
  retroactiveEffect?: 'error' | 'warning';
  /** Art. 26: 20 working days. */
  publishWithinWorkingDays?: number;
  /** Without it the late-publication check is skipped. */
  addWorkingDays?: AddWorkingDays;
}

export const dateFieldNames: Record<DateField, { zh: string; en: string }> = {
  writtenOn: { zh: '成文日期', en: 'date written' },
  publishedOn: { zh: '发布日期', en: 'publication date' },
  effectiveFrom: { zh: '实施日期', en: 'date in force' },
  expiresOn: { zh: '有效期至', en: 'valid until' },
  repealedOn: { zh: '废止日期', en: 'repeal date' },
  formedOn: { zh: '信息形成或变更日期', en: 'date the information was formed or changed' },
};

const NO_FUTURE: readonly DateField[] = ['writtenOn', 'publishedOn', 'formedOn'];
const fi = (path: string, code: string, zh: string, en: string, params?: Record<string, unknown>): FieldIssue =>
  params ? { path, code, zh, en, params } : { path, code, zh, en };
const present = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Malformed, impossible, implausibly early and (where not allowed) future dates. */
export function checkDateValues(meta: DocumentMetadataInput, opts: MetadataCheckOptions): FieldIssue[] {
  const out: FieldIssue[] = [];
  const min = opts.minDate ?? '1949-10-01';
  for (const field of Object.keys(dateFieldNames) as DateField[]) {
    const v = meta[field];
    if (!present(v)) continue;
    const name = dateFieldNames[field];
    if (!isIsoDate(v)) {
      out.push(fi(field, 'invalid_date', `${name.zh}“${v}”不是有效日期（格式：YYYY-MM-DD）。`, `The ${name.en} “${v}” is not a valid date (YYYY-MM-DD).`));
    } else if (v < min) {
      out.push(fi(field, 'date_too_early', `${name.zh}不能早于${formatZhDate(min)}。`, `The ${name.en} cannot be before ${min}.`, { min }));
    } else if (v > opts.today && NO_FUTURE.includes(field) && !(field === 'publishedOn' && opts.allowFuturePublication)) {
      out.push(fi(field, 'date_in_future', `${name.zh}不能晚于今天。`, `The ${name.en} cannot be in the future.`, { today: opts.today }));
    }
  }
  return out;
}

/** Order between dates; only dates that are themselves valid are compared. */
export function checkDateOrder(meta: DocumentMetadataInput, opts: Pick<MetadataCheckOptions, 'retroactiveEffect'> = {}): FieldIssue[] {
  const d = (f: DateField) => (isIsoDate(meta[f]) ? (meta[f] as string) : null);
  const [written, published, effective, expires, repealed] = [d('writtenOn'), d('publishedOn'), d('effectiveFrom'), d('expiresOn'), d('repealedOn')];
  const out: FieldIssue[] = [];
  if (written && published && written > published) {
    out.push(fi('writtenOn', 'written_after_published', '成文日期不能晚于发布日期。', 'The date written cannot be after the publication date.'));
  }
  if (effective && written && effective < written) {
    out.push(
      fi('effectiveFrom', 'effective_before_written', '实施日期早于成文日期（溯及既往），请核实。', 'The date in force is before the date written (retroactive); please check.', {
        severity: opts.retroactiveEffect ?? 'error',
      }),
    );
  }
  if (repealed && effective && repealed < effective) {
    out.push(fi('repealedOn', 'repealed_before_effective', '废止日期不能早于实施日期。', 'The repeal date cannot be before the date in force.'));
  }
  if (expires && effective && expires < effective) {
    out.push(fi('expiresOn', 'expires_before_effective', '有效期截止日不能早于实施日期。', 'The end of validity cannot be before the date in force.'));
  }
  return out;
}

/** 内容概述 at most `max` characters (counted as Unicode code points, after trimming). */
export function checkSummary(summary: string | null | undefined, max = 100): FieldIssue[] {
  const n = present(summary) ? [...summary.trim()].length : 0;
  return n > max
    ? [fi('summary', 'summary_too_long', `内容概述不能超过${max}个字（现为${n}个字）。`, `The summary must be at most ${max} characters (it has ${n}).`, { max, length: n })]
    : [];
}

/** 不予公开 needs a reason. */
export function checkDisclosure(meta: Pick<DocumentMetadataInput, 'disclosure' | 'withheldReason'>): FieldIssue[] {
  return meta.disclosure === 'withheld' && !present(meta.withheldReason)
    ? [fi('withheldReason', 'withheld_reason_required', '选择“不予公开”时须填写理由。', 'A reason is required when the information is withheld.')]
    : [];
}

/**
 * 条例 Art. 26: proactive information is published within 20 working days of being formed or changed.
 * Returns a warning when publication (or, for a draft, publication today) falls after the deadline.
 */
export function checkLatePublication(meta: DocumentMetadataInput, opts: MetadataCheckOptions): FieldIssue[] {
  if (!opts.addWorkingDays || !isIsoDate(meta.formedOn) || meta.disclosure === 'withheld' || meta.disclosure === 'on_request') return [];
  const projected = !present(meta.publishedOn);
  const published = projected ? opts.today : meta.publishedOn!;
  if (!isIsoDate(published)) return [];
  const days = opts.publishWithinWorkingDays ?? 20;
  const r = opts.addWorkingDays(meta.formedOn, days);
  const deadline = typeof r === 'string' ? r : r.date;
  const provisional = typeof r === 'string' ? false : Boolean(r.provisional);
  if (published <= deadline) return [];
  const params = { formedOn: meta.formedOn, deadline, days, projected, provisional };
  const when = projected ? '如今天发布，将' : '发布日期';
  const whenEn = projected ? 'Published today, this would be' : 'Publication was';
  return [
    fi(
      'publishedOn',
      'late_publication',
      `${when}超过信息形成或变更之日起${days}个工作日的期限（${formatZhDate(deadline)}${provisional ? '，按暂定日历计算' : ''}），见《政府信息公开条例》第二十六条。`,
      `${whenEn} later than ${days} working days after the information was formed or changed (deadline ${deadline}${provisional ? ', provisional calendar' : ''}; Regulations Art. 26).`,
      params,
    ),
  ];
}

/** All checks; `errors` block saving, `warnings` are shown. */
export function checkMetadata(meta: DocumentMetadataInput, opts: MetadataCheckOptions): { errors: FieldIssue[]; warnings: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const i of [...checkDateValues(meta, opts), ...checkDateOrder(meta, opts), ...checkSummary(meta.summary, opts.summaryMaxChars), ...checkDisclosure(meta)]) {
    (i.params?.severity === 'warning' ? warnings : errors).push(i);
  }
  warnings.push(...checkLatePublication(meta, opts));
  return { errors, warnings };
}
