// Attachments: sniff, extract and scan DOCX, PDF (per page), XLSX and CSV (per cell), HTML and text. A file that
// cannot be read is itself a blocking 'unreadable' finding naming the file and the problem, so a review never
// passes silently.
import { checkFile, extensionOf, extractText, DEFAULT_MAX_ATTACHMENT_BYTES, type FileKind, type SheetText } from '../../../platform/files/index.ts';
import { scanText } from './scan-text.ts';
import type { Finding, FindingLocation, ScanOptions } from './types.ts';

const KIND_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'DOCX', xlsx: 'XLSX', csv: 'CSV', html: 'HTML', text: '纯文本', markdown: 'Markdown', jsonl: 'JSONL', image: '图片' };
/** Extensions that name the same format as a sniffed kind (a .pdf holding a DOCX lies about itself). */
const KIND_EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], csv: ['csv'], html: ['html', 'htm'], markdown: ['md', 'markdown'], text: ['txt', 'text', ''], jsonl: ['jsonl'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
};

export function unreadable(filename: string, problemZh: string, problemEn: string, location: FindingLocation = {}): Finding {
  const text = filename;
  return {
    category: 'unreadable',
    severity: 'block',
    blocking: true,
    start: 0,
    end: text.length,
    text,
    masked: text,
    message: { zh: `文件“${filename}”无法审查：${problemZh}`, en: `File "${filename}" could not be reviewed: ${problemEn}` },
    ruleId: 'file.unreadable',
    location: { ...location, filename },
  };
}

function humanSize(bytes: number): string {
  if (bytes >= 1_048_576) return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} 字节`;
}

/** checkFile's English reasons in words a reviewer understands. */
function explain(reason: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^file is larger than (\d+) bytes$/.exec(reason))) return `超过大小上限（${humanSize(Number(m[1]))}）`;
  if (reason === 'file is empty') return '文件为空';
  if ((m = /^content is binary, not (\w+)$/.exec(reason))) return `内容是二进制数据，不是${KIND_NAMES[m[1]!] ?? m[1]}文本（文件损坏或类型不符）`;
  if ((m = /^content is (\w+), not \.?(\w+)$/.exec(reason))) return `文件类型与扩展名不符：内容是 ${KIND_NAMES[m[1]!] ?? m[1]!.toUpperCase()}，扩展名却是 .${m[2]}`;
  if ((m = /^content does not match \.(\w+)$/.exec(reason))) return `内容与扩展名 .${m[1]} 不符（文件损坏或类型不符）`;
  if ((m = /^unsupported content type (\S+)/.exec(reason))) return `不支持的文件格式（${m[1]}），无法提取文字`;
  if ((m = /^unsupported file type \.(\w+)$/.exec(reason))) return `不支持的文件类型 .${m[1]}`;
  if (reason === 'unknown file type without extension') return '没有扩展名，内容也无法识别';
  return `无法识别（${reason}）`;
}

function extractionProblem(err: unknown): [string, string] {
  const e = err as { name?: string; message?: string };
  const message = e?.message ?? String(err);
  if (e?.name === 'PasswordException' || /password|encrypt/i.test(message)) return ['PDF 已加密（设有打开密码），无法提取文字', 'the PDF is encrypted (password protected)'];
  return [`文件已损坏或无法解析（${message.slice(0, 120)}）`, `the file is damaged or cannot be parsed (${message.slice(0, 120)})`];
}

/** Cells are scanned one by one (offsets are into the cell), with the column's header as context for keyword rules. */
function scanSheets(sheets: readonly SheetText[], options: ScanOptions, base: FindingLocation): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets) {
    const headers = new Map<string, string>();
    const firstRow = sheet.cells.length ? /\d+$/.exec(sheet.cells[0]!.ref)?.[0] : undefined;
    for (const cell of sheet.cells) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell.ref) ?? [];
      if (col && row === firstRow) headers.set(col, cell.text);
    }
    for (const cell of sheet.cells) {
      const col = /^[A-Z]+/.exec(cell.ref)?.[0] ?? '';
      const header = headers.get(col);
      const prefix = header && header !== cell.text ? `${header.slice(0, 20)}：` : '';
      const found = scanText(prefix + cell.text, { ...options, location: { ...base, sheet: sheet.sheet, cell: cell.ref } });
      for (const f of found) {
        if (f.start < prefix.length) continue;
        f.start -= prefix.length;
        f.end -= prefix.length;
        out.push(f);
      }
    }
  }
  return out;
}

export async function scanFile(buffer: Uint8Array, filename: string, options: ScanOptions & { maxBytes?: number } = {}): Promise<Finding[]> {
  const { maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES, ...scanOptions } = options;
  const base: FindingLocation = { ...options.location, filename };
  const checked = await checkFile(buffer, filename, { maxBytes });
  if (!checked.ok) {
    const zh = explain(checked.reason);
    return [unreadable(filename, zh, checked.reason, base)];
  }
  const kind = checked.type.kind;
  const findings: Finding[] = [];
  const ext = extensionOf(filename);
  if (!KIND_EXTENSIONS[kind].includes(ext)) {
    findings.push(unreadable(filename, `文件类型与扩展名不符：内容是 ${KIND_NAMES[kind] ?? kind}，扩展名却是 .${ext}（已按实际内容审查）`, `the content is ${kind}, not .${ext}`, base));
  }
  if (kind === 'image') {
    return [...findings, unreadable(filename, '图片中的文字无法自动识别（不做 OCR），须人工审查', 'images are not read (no OCR); review by hand', base)];
  }
  let extracted;
  try {
    extracted = await extractText(buffer, kind, { maxPdfPages: Number.MAX_SAFE_INTEGER });
  } catch (err) {
    const [zh, en] = extractionProblem(err);
    return [...findings, unreadable(filename, zh, en, base)];
  }
  if (extracted.text.includes('\uFFFD') && (extracted.text.match(/\uFFFD/g) ?? []).length > Math.max(3, extracted.text.length / 100)) {
    findings.push(unreadable(filename, '文字编码无法识别（大量乱码），部分内容可能未被审查', 'the text encoding could not be recognised', base));
  }
  if (extracted.pages) {
    for (const page of extracted.pages) findings.push(...scanText(page.text, { ...scanOptions, location: { ...base, page: page.page } }));
    if (extracted.pages.length > 0 && extracted.pages.every((p) => p.text.trim() === '')) {
      findings.push(unreadable(filename, 'PDF 中没有可提取的文字（可能是扫描件），须人工审查', 'the PDF has no text layer (probably scanned)', base));
    }
    return findings;
  }
  if (extracted.sheets) return [...findings, ...scanSheets(extracted.sheets, scanOptions, base)];
  return [...findings, ...scanText(extracted.text, { ...scanOptions, location: base })];
}
