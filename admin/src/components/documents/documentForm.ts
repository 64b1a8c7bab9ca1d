// Between the editor's form values and the API: dates as dayjs, blanks as null; metadata checks before saving.
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { checkMetadata } from '../../../../src/modules/documents/domain/metadata-rules.ts';
import { addWorkingDays } from '../../../../src/platform/calendar/working-days.ts';
import type { Disclosure, DocumentCreateInput, DocumentFields, DocumentItem, DocumentKind, NormativeKind } from '../../types';
import { blankToNull } from '../format';

export const DATE_FIELDS = ['writtenOn', 'effectiveFrom', 'expiresOn', 'repealedOn', 'formedOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];

export interface DocumentFormValues extends Record<DateField, Dayjs | null | undefined> {
  organisationId?: string;
  title?: string;
  kind: DocumentKind;
  /** 'none' stands for "not a normative document" (a Select cannot hold null). */
  normativeKind: NormativeKind | 'none';
  docNo?: string | null;
  topic?: string | null;
  genre?: string | null;
  issuer?: string | null;
  disclosure: Disclosure;
  disclosureReason?: string | null;
  scope?: string | null;
  keywords?: string[];
  summary?: string | null;
  note?: string | null;
  changeNote?: string | null;
  bodyHtml?: string;
}

export const NEW_DOCUMENT: Partial<DocumentFormValues> = {
  kind: 'document',
  normativeKind: 'none',
  disclosure: 'proactive',
  keywords: [],
  bodyHtml: '',
};

const toDay = (v: string | null) => (v ? dayjs(v) : null);
const fromDay = (v: Dayjs | null | undefined) => (v && v.isValid() ? v.format('YYYY-MM-DD') : null);

export function toFormValues(doc: DocumentItem): DocumentFormValues {
  const e = doc.edition;
  return {
    organisationId: doc.organisationId,
    title: e.title,
    kind: doc.kind,
    normativeKind: doc.normativeKind ?? 'none',
    docNo: e.docNo,
    topic: e.topic,
    genre: e.genre,
    issuer: e.issuer,
    writtenOn: toDay(e.writtenOn),
    effectiveFrom: toDay(e.effectiveFrom),
    expiresOn: toDay(e.expiresOn),
    repealedOn: toDay(e.repealedOn),
    formedOn: toDay(e.formedOn),
    disclosure: e.disclosure,
    disclosureReason: e.disclosureReason,
    scope: e.scope,
    keywords: e.keywords,
    summary: e.summary,
    note: e.note,
    changeNote: e.changeNote,
    bodyHtml: e.bodyHtml,
  };
}

/** The editable fields (PATCH body without lockVersion). */
export function toFields(v: DocumentFormValues): DocumentFields {
  const fields: DocumentFields = {
    title: (v.title ?? '').trim(),
    bodyHtml: v.bodyHtml ?? '',
    docNo: blankToNull(v.docNo),
    topic: v.topic ?? null,
    genre: v.genre ?? null,
    issuer: blankToNull(v.issuer),
    disclosure: v.disclosure,
    disclosureReason: v.disclosure === 'withheld' ? blankToNull(v.disclosureReason) : null,
    scope: blankToNull(v.scope),
    keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    summary: blankToNull(v.summary),
    note: blankToNull(v.note),
  };
  for (const f of DATE_FIELDS) fields[f] = fromDay(v[f]);
  if (v.changeNote !== undefined) fields.changeNote = blankToNull(v.changeNote);
  return fields;
}

export function toCreateInput(v: DocumentFormValues): DocumentCreateInput {
  return {
    ...toFields(v),
    organisationId: v.organisationId ?? '',
    title: (v.title ?? '').trim(),
    kind: v.kind,
    normativeKind: v.normativeKind === 'none' ? null : v.normativeKind,
  };
}

export interface MetadataCheck {
  /** Field name → messages that block saving. */
  errors: { name: string; message: string }[];
  /** Shown above the form; never blocking (e.g. publication later than 20 working days). */
  warnings: string[];
}

/** The pure rules of domain.md §5.1 (dates, order, 内容概述 length, 不予公开 reason), run before saving. */
export function checkFields(fields: DocumentFields, publishedAt?: string | null): MetadataCheck {
  const result = checkMetadata(
    {
      writtenOn: fields.writtenOn,
      publishedOn: publishedAt ? dayjs(publishedAt).format('YYYY-MM-DD') : null,
      effectiveFrom: fields.effectiveFrom,
      expiresOn: fields.expiresOn,
      repealedOn: fields.repealedOn,
      formedOn: fields.formedOn,
      summary: fields.summary,
      disclosure: fields.disclosure,
      withheldReason: fields.disclosureReason,
    },
    // 条例 Art. 26: warns when publication falls more than 20 working days after the information was formed.
    { today: dayjs().format('YYYY-MM-DD'), addWorkingDays },
  );
  const name = (path: string) => (path === 'withheldReason' ? 'disclosureReason' : path);
  return {
    errors: result.errors.filter((i) => i.path !== 'publishedOn').map((i) => ({ name: name(i.path), message: i.zh })),
    warnings: [...result.errors.filter((i) => i.path === 'publishedOn'), ...result.warnings].map((i) => i.zh),
  };
}
