// Text extraction by kind, for search, review and body import.
import { decodeText } from './decode.ts';
import { extractCsv, extractDocx, extractXlsx, sheetsToText, type SheetText } from './office.ts';
import { extractPdfPages, type PdfPageText } from './pdf.ts';
import { htmlTitle, htmlToText, sanitizeRichText } from './sanitize.ts';
import type { FileKind } from './sniff.ts';

export interface ExtractedText {
  /** All text, for search and review. */
  text: string;
  /** PDF: text of each page. */
  pages?: PdfPageText[];
  /** XLSX and CSV: non-empty cells of each sheet. */
  sheets?: SheetText[];
  /** DOCX and HTML: the body as sanitised rich text. */
  html?: string;
  /** HTML: the page <title> (or first <h1>). */
  title?: string;
  /** Text files: the encoding that was detected. */
  encoding?: string;
  /** Conversion warnings (DOCX). */
  warnings?: string[];
}

/** Extracts text from a file of a sniffed kind. Images yield no text (no OCR). Throws on a damaged file. */
export async function extractText(buffer: Uint8Array, kind: FileKind, options: { maxPdfPages?: number } = {}): Promise<ExtractedText> {
  switch (kind) {
    case 'docx': {
      const { text, html, warnings } = await extractDocx(buffer);
      return { text, html, warnings };
    }
    case 'pdf': {
      const pages = await extractPdfPages(buffer, { maxPages: options.maxPdfPages });
      return { text: pages.map((p) => p.text).join('\n\n'), pages };
    }
    case 'xlsx': {
      const sheets = await extractXlsx(buffer);
      return { text: sheetsToText(sheets), sheets };
    }
    case 'csv': {
      const sheets = await extractCsv(buffer);
      return { text: sheetsToText(sheets), sheets };
    }
    case 'html': {
      const { text: source, encoding } = decodeText(buffer);
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? source;
      return { text: htmlToText(source), html: sanitizeRichText(body), title: htmlTitle(source), encoding };
    }
    case 'markdown':
    case 'text':
    case 'jsonl': {
      const { text, encoding } = decodeText(buffer);
      return { text: text.replace(/\r\n?/g, '\n'), encoding };
    }
    case 'image':
      return { text: '' };
  }
}
