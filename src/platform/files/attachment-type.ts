// Which files may be attached to a published document, and whether a file is what its name says. Stricter than
// checkFile: the extension must name the same format as the content (a .pdf that is really a DOCX is refused too),
// because the public downloads the file under that name.
import { fileTypeFromBuffer } from 'file-type';
import { checkFile, extensionOf, type SniffedFile } from './sniff.ts';
import { looksLikeText } from './decode.ts';

/** Accepted extensions → the content's canonical extension. */
const ACCEPTED: Record<string, string> = {
  pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', png: 'png', jpg: 'jpg', jpeg: 'jpg', gif: 'gif', webp: 'webp', html: 'html', htm: 'html', txt: 'txt',
};

const NAMES: Record<string, string> = {
  pdf: 'PDF 文档', docx: 'Word 文档（DOCX）', xlsx: 'Excel 表格（XLSX）', png: 'PNG 图片', jpg: 'JPEG 图片', gif: 'GIF 图片', webp: 'WEBP 图片',
  html: 'HTML 网页', txt: '纯文本', zip: 'ZIP 压缩包', exe: '可执行程序', doc: '旧版 Word 文档（DOC）', xls: '旧版 Excel 表格（XLS）', cfb: '旧版 Office 文档',
};

export type AttachmentCheck =
  | { ok: true; type: SniffedFile }
  | { ok: false; code: 'ATTACHMENT_TOO_LARGE' | 'ATTACHMENT_EMPTY' | 'ATTACHMENT_UNSUPPORTED' | 'ATTACHMENT_MISMATCH'; params: Record<string, string | number> };

/** What a file's content is, in words a clerk understands. */
async function describe(buffer: Uint8Array): Promise<string> {
  const detected = await fileTypeFromBuffer(buffer);
  if (detected) return NAMES[detected.ext] ?? `${detected.ext.toUpperCase()} 文件`;
  return looksLikeText(buffer) ? '文本（或网页）' : '无法识别的二进制数据';
}

export async function checkAttachment(buffer: Uint8Array, filename: string, maxBytes: number): Promise<AttachmentCheck> {
  if (buffer.length > maxBytes) return { ok: false, code: 'ATTACHMENT_TOO_LARGE', params: { limitMb: Math.floor(maxBytes / 1_048_576) } };
  if (buffer.length === 0) return { ok: false, code: 'ATTACHMENT_EMPTY', params: {} };
  const ext = extensionOf(filename);
  const expected = ACCEPTED[ext];
  if (!expected) return { ok: false, code: 'ATTACHMENT_UNSUPPORTED', params: { ext: ext ? `.${ext}` : '无扩展名' } };
  const checked = await checkFile(buffer, filename, { maxBytes });
  if (!checked.ok || checked.type.ext !== expected) return { ok: false, code: 'ATTACHMENT_MISMATCH', params: { ext, actual: checked.ok ? (NAMES[checked.type.ext] ?? checked.type.ext) : await describe(buffer) } };
  return { ok: true, type: checked.type };
}
