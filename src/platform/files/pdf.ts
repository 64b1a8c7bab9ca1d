// PDF text per page with pdfjs-dist (legacy build for Node). Predefined CJK CMaps are loaded from the
// package so PDFs that use non-embedded Chinese fonts (UniGB-UCS2-H and friends) still yield text.
// Scanned PDFs (images only) yield empty pages: there is no OCR.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfPageText {
  page: number;
  text: string;
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

/** Text of each page of a PDF, in page order. Throws on a damaged or encrypted file. */
export async function extractPdfPages(buffer: Uint8Array, options: { maxPages?: number } = {}): Promise<PdfPageText[]> {
  const task = getDocument({
    data: new Uint8Array(buffer), // pdfjs takes ownership of the bytes it is given
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PdfPageText[] = [];
    const last = Math.min(doc.numPages, options.maxPages ?? 5000);
    for (let n = 1; n <= last; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextPiece[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      pages.push({ page: n, text: text.replace(/[ \t]+\n/g, '\n').trim() });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
