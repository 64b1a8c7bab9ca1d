// File type sniffing for attachments and imports: binary formats by their magic bytes (file-type), text
// formats by extension plus content checks. A file whose name and content disagree in a dangerous way
// (a .pdf or .txt that is really HTML, an executable named .docx) is refused.
import { fileTypeFromBuffer } from 'file-type';
import { decodeText, looksLikeText } from './decode.ts';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'markdown' | 'text' | 'image' | 'jsonl';

export interface SniffedFile {
  mime: string;
  /** The extension that matches the content (may differ from the file name for images: a .jpg that is PNG). */
  ext: string;
  kind: FileKind;
}

export type FileCheck = { ok: true; type: SniffedFile } | { ok: false; reason: string };

/** Default size limits; callers may pass their own. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_RICH_TEXT_CHARS = 2 * 1024 * 1024;

const BINARY_KINDS: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'image',
  jpg: 'image',
  gif: 'image',
  webp: 'image',
};

const EXTENSION_KINDS: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  csv: 'csv',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

const TEXT_MIME: Partial<Record<FileKind, [string, string]>> = {
  csv: ['text/csv', 'csv'],
  html: ['text/html', 'html'],
  markdown: ['text/markdown', 'md'],
  text: ['text/plain', 'txt'],
  jsonl: ['application/jsonl', 'jsonl'],
};

// What a browser would sniff as active content if served with a wrong or missing type.
const MARKUP = /^\s*<(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|meta|\?xml)\b/i;

/** The lower-case extension of a file name without the dot ('' if none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function checkText(buffer: Uint8Array, claimed: FileKind): FileCheck {
  if (!looksLikeText(buffer)) return { ok: false, reason: `content is binary, not ${claimed}` };
  const { text } = decodeText(buffer.subarray(0, 64 * 1024));
  if (claimed !== 'html' && MARKUP.test(text)) return { ok: false, reason: `content is HTML, not ${claimed}` };
  if (claimed === 'jsonl') {
    try {
      const first: unknown = JSON.parse(
        decodeText(buffer)
          .text.split(/\r?\n/)
          .find((l) => l.trim()) ?? 'null',
      );
      if (typeof first !== 'object' || first === null || Array.isArray(first)) throw new Error('not an object');
    } catch {
      return { ok: false, reason: 'the first line is not a JSON object' };
    }
  }
  if (claimed === 'html' && !/<[a-z!]/i.test(text)) return { ok: false, reason: 'content is not HTML' };
  const [mime, ext] = TEXT_MIME[claimed]!;
  return { ok: true, type: { mime, ext, kind: claimed } };
}

/** Checks a file's content against its name; returns the type or the reason it is refused. */
export async function checkFile(buffer: Uint8Array, filename: string, options: { maxBytes?: number } = {}): Promise<FileCheck> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (buffer.length > maxBytes) return { ok: false, reason: `file is larger than ${maxBytes} bytes` };
  if (buffer.length === 0) return { ok: false, reason: 'file is empty' };
  const ext = extensionOf(filename);
  const claimed = EXTENSION_KINDS[ext];
  const detected = await fileTypeFromBuffer(buffer);
  if (detected) {
    const kind = BINARY_KINDS[detected.ext];
    if (!kind) return { ok: false, reason: `unsupported content type ${detected.mime}${ext ? ` (named .${ext})` : ''}` };
    if (claimed && TEXT_MIME[claimed]) return { ok: false, reason: `content is ${detected.ext}, not .${ext}` };
    // A binary format named as another allowed binary format (.jpg that is PNG, .pdf that is DOCX) is harmless: use the content's type.
    return { ok: true, type: { mime: detected.mime, ext: detected.ext, kind } };
  }
  if (!claimed) return { ok: false, reason: ext ? `unsupported file type .${ext}` : 'unknown file type without extension' };
  if (!TEXT_MIME[claimed]) {
    const head = looksLikeText(buffer) ? decodeText(buffer.subarray(0, 4096)).text : '';
    return { ok: false, reason: MARKUP.test(head) ? `content is HTML, not .${ext}` : `content does not match .${ext}` };
  }
  return checkText(buffer, claimed);
}

/** The file's type from its content and name, or null when it is unsupported or disagrees with its name. */
export async function sniff(buffer: Uint8Array, filename: string): Promise<SniffedFile | null> {
  const result = await checkFile(buffer, filename, { maxBytes: Number.POSITIVE_INFINITY });
  return result.ok ? result.type : null;
}
