// Metadata of an imported document, read from its own text: title, 发文字号, 成文日期, issuer, 附注,
// the body without page furniture, and a content hash that makes re-imports idempotent.
import { createHash } from 'node:crypto';
import { normaliseDocNumber } from '../../../platform/text/doc-number.ts';
import { findChineseDates, isoDate } from './dates.ts';
import { metadataFromInfo, type InfoMetadata } from './info-lines.ts';
import { organFromTitle } from './organs.ts';
import { stripPageNoise } from './page-noise.ts';
import { findDocNoLine, findMasthead, findNote, findSignature, findTitle } from './signature.ts';

export interface MetadataHints {
  /** An authoritative title (a JSONL `title` field). */
  title?: string | null;
  /** A weak title used only when the text has none (an HTML <title>). */
  fallbackTitle?: string | null;
  /** Header lines of a law (lawrefbook `info`). */
  info?: string[] | null;
  /** A date known from outside the text (lawrefbook `date`, from the file name), YYYY-MM-DD. */
  date?: string | null;
  /** The source file name; "条例(2003-04-07).md" also gives a title and a date. */
  filename?: string | null;
}

export interface DocumentMetadata {
  title: string | null;
  /** 发文字号, normalised (宜府办发〔2023〕5号; orders as 国务院令第374号). */
  docNo: string | null;
  /** 成文日期, YYYY-MM-DD. */
  writtenOn: string | null;
  /** 实施日期 when the text states it (laws: "2003年10月1日 施行"), YYYY-MM-DD. */
  effectiveOn: string | null;
  /** 发布日期 from a portal's metadata lines, YYYY-MM-DD. */
  publishedOn: string | null;
  /** 发布机构 / 发文机关. */
  issuer: string | null;
  /** 附注 marking such as （此件公开发布）. */
  note: string | null;
  body: string;
  /** sha256 (hex) of the normalised title and body. */
  contentHash: string;
}

const INFO_END = /<!--\s*INFO END\s*-->/;
const IN_FORCE_CLAUSE =
  /本(?:条例|规定|办法|细则|规则|决定|解释|法|意见|通知|方案|措施|制度|实施意见|实施细则)自(.{8,16}?日)起(?:施行|实施|生效|执行)/u;

/** 实施日期 from the closing clause "本条例自2002年7月1日起施行" in the last lines of the body. */
function inForceDate(lines: string[]): string | null {
  const tail = lines.filter((l) => l.trim()).slice(-6);
  for (const line of tail.reverse()) {
    const clause = IN_FORCE_CLAUSE.exec(line);
    const date = clause ? findChineseDates(clause[1]!)[0]?.date : undefined;
    if (date) return date;
  }
  return null;
}

function normaliseForHash(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** sha256 of the normalised title and body: whitespace and blank lines do not change it. */
export function contentHash(title: string | null, body: string): string {
  return createHash('sha256')
    .update(`${normaliseForHash(title ?? '')}\n\n${normaliseForHash(body)}`)
    .digest('hex');
}

function dateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return findChineseDates(value, { iso: true })[0]?.date ?? null;
}

function fromFilename(filename: string | null | undefined): { title: string | null; date: string | null } {
  const base = (filename ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]+(\.gz)?$/, '');
  const dated = /^(.*?)\s*[（(](\d{4}-\d{2}-\d{2})[）)]$/.exec(base);
  return { title: (dated ? dated[1]! : base).trim() || null, date: dated ? dateOf(dated[2]) : null };
}

/** Splits a lawrefbook-style Markdown file into its title, header (info) lines and body. */
function splitMarkdown(text: string): { title: string | null; info: string[]; body: string } {
  const marker = INFO_END.exec(text);
  const head = marker ? text.slice(0, marker.index) : '';
  const body = marker ? text.slice(marker.index + marker[0].length) : text;
  const headLines = head
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let title = headLines.find((l) => /^#\s/.test(l))?.replace(/^#\s+/, '') ?? null;
  let rest = body;
  if (!marker) {
    const first = /^\s*#\s+(.+)\n?/.exec(body);
    if (first) {
      title = first[1]!.trim();
      rest = body.slice(first[0].length);
    }
  }
  return { title, info: headLines.filter((l) => !l.startsWith('#')), body: rest };
}

/** Extracts document metadata from plain text (DOCX/PDF/HTML text, Markdown, a web capture or a JSONL body). */
export function extractDocumentMetadata(text: string, hints: MetadataHints = {}): DocumentMetadata {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const md = splitMarkdown(source);
  const { lines, fields } = stripPageNoise(md.body.split('\n'));
  const infoLines = hints.info?.length ? hints.info : md.info;
  const info: InfoMetadata | null = infoLines.length ? metadataFromInfo(infoLines) : null;
  const named = fromFilename(hints.filename);

  const docNoLine = findDocNoLine(lines);
  const found = md.title || hints.title || fields.title ? null : findTitle(lines, docNoLine);
  const title = hints.title?.trim() || md.title || fields.title || found?.title || hints.fallbackTitle?.trim() || named.title;
  const signature = findSignature(lines);

  const docNo = (fields.docNo && normaliseDocNumber(fields.docNo)) || docNoLine?.docNo || info?.docNo || null;
  const writtenOn = dateOf(fields.writtenOn) ?? info?.writtenOn ?? signature?.date ?? dateOf(hints.date) ?? named.date;
  const issuer = fields.issuer || info?.issuer || signature?.issuer || findMasthead(lines) || (title ? organFromTitle(title) : null);

  const skip = new Set(found?.indexes ?? []);
  if (!found && title) {
    // A page that prints the title again over the text: drop that copy from the body.
    const copy = lines.slice(0, 40).findIndex((line) => line.trim() === title.trim());
    if (copy >= 0) skip.add(copy);
  }
  const body = lines
    .filter((_, i) => !skip.has(i))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    title: title || null,
    docNo,
    writtenOn,
    effectiveOn: info?.effectiveOn ?? inForceDate(lines),
    publishedOn: dateOf(fields.publishedOn),
    issuer,
    note: findNote(lines),
    body,
    contentHash: contentHash(title || null, body),
  };
}

/** Text and hints of a JSONL record: lawrefbook ({title, date, info, body}) and similar ({title, content}). */
export function documentInputFromRecord(record: Record<string, unknown>): { text: string; hints: MetadataHints } | null {
  const text = [record.body, record.content, record.text, record.full_text].find((v): v is string => typeof v === 'string');
  if (text === undefined) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const info = Array.isArray(record.info) ? record.info.filter((l): l is string => typeof l === 'string') : null;
  return {
    text,
    hints: { title: str(record.title), info, date: str(record.date) ?? str(record.publish_date), filename: str(record.path) },
  };
}
