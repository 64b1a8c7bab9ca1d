// One import item to one document: text extracted by kind, metadata read from the text. No database.
import { extractText } from '../../../platform/files/index.ts';
import { documentInputFromRecord, extractDocumentMetadata, type DocumentMetadata } from './metadata.ts';
import type { ImportSource } from './sources.ts';

export interface PreparedDocument {
  /** Stable key of the source: the file path, or path#line for a JSONL record. */
  sourceKey: string;
  metadata: DocumentMetadata;
  /** Sanitised rich-text body when the source had one (DOCX, HTML). */
  html?: string;
  /** Which format the body is in: Markdown for .md and lawrefbook records, plain text otherwise. */
  bodyFormat: 'markdown' | 'text' | 'html';
}

/** Extracts text and metadata; throws (with a message for the failure report) when that is impossible. */
export async function prepareImport(source: ImportSource): Promise<PreparedDocument> {
  if (source.kind === 'jsonl') {
    const input = source.record ? documentInputFromRecord(source.record) : null;
    if (!input) throw new Error('record has no body, content or text field');
    const metadata = extractDocumentMetadata(input.text, input.hints);
    if (!metadata.title) throw new Error('record has no title');
    return { sourceKey: `${source.path}#${source.line ?? 0}`, metadata, bodyFormat: 'markdown' };
  }
  const extracted = await extractText(source.buffer, source.kind);
  if (!extracted.text.trim()) throw new Error('no text could be extracted (a scanned PDF needs OCR first)');
  const metadata = extractDocumentMetadata(extracted.text, { filename: source.path, fallbackTitle: extracted.title });
  if (!metadata.title) throw new Error('no title found');
  const bodyFormat = extracted.html ? 'html' : source.kind === 'markdown' ? 'markdown' : 'text';
  return { sourceKey: source.path, metadata, html: extracted.html, bodyFormat };
}
