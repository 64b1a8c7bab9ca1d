// Files: type sniffing, text extraction and rich-text sanitising for attachments and imports.
export { decodeText, looksLikeText, type DecodedText, type TextEncodingName } from './decode.ts';
export {
  checkFile,
  sniff,
  extensionOf,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_IMPORT_FILE_BYTES,
  DEFAULT_MAX_RICH_TEXT_CHARS,
  type FileCheck,
  type FileKind,
  type SniffedFile,
} from './sniff.ts';
export { extractText, type ExtractedText } from './extract.ts';
export { sanitizeRichText, htmlToText, htmlTitle } from './sanitize.ts';
export type { SheetText } from './office.ts';
export type { PdfPageText } from './pdf.ts';
export { FsFileStore, blobKey, sha256Of, type FileStore, type StoredBlob } from './file-store.ts';
export { checkAttachment, type AttachmentCheck } from './attachment-type.ts';
