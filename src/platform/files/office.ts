// DOCX (mammoth) and XLSX/CSV (exceljs) text extraction.
import { Readable } from 'node:stream';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { decodeText } from './decode.ts';
import { sanitizeRichText } from './sanitize.ts';

export interface SheetText {
  sheet: string;
  cells: { ref: string; text: string }[];
}

/** Raw text and sanitised HTML of a DOCX. External files referenced by the document are never read. */
export async function extractDocx(buffer: Uint8Array): Promise<{ text: string; html: string; warnings: string[] }> {
  const input = { buffer: Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  const raw = await mammoth.extractRawText(input);
  const html = await mammoth.convertToHtml(input, { externalFileAccess: false });
  const warnings = [...raw.messages, ...html.messages].map((m) => m.message);
  return { text: raw.value.replace(/\n{3,}/g, '\n\n').trim(), html: sanitizeRichText(html.value), warnings: [...new Set(warnings)] };
}

function sheetsOf(workbook: ExcelJS.Workbook): SheetText[] {
  return workbook.worksheets.map((sheet) => {
    const cells: { ref: string; text: string }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const text = cell.text.trim();
        if (text) cells.push({ ref: cell.address, text });
      });
    });
    return { sheet: sheet.name, cells };
  });
}

/** Sheets as text: one line per row, cells separated by tabs, each sheet headed by its name. */
export function sheetsToText(sheets: SheetText[]): string {
  return sheets
    .map(({ sheet, cells }) => {
      const rows = new Map<number, string[]>();
      for (const { ref, text } of cells) {
        const row = Number(/\d+$/.exec(ref)![0]);
        rows.set(row, [...(rows.get(row) ?? []), text]);
      }
      return [sheet, ...[...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, texts]) => texts.join('\t'))].join('\n');
    })
    .join('\n\n');
}

/** Every non-empty cell of every sheet of an XLSX workbook, as displayed text. */
export async function extractXlsx(buffer: Uint8Array): Promise<SheetText[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types name the Buffer of older @types/node.
  await workbook.xlsx.load(
    Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0],
  );
  return sheetsOf(workbook);
}

/** Cells of a CSV file (UTF-8 or GB18030); values are kept as written, not converted to numbers or dates. */
export async function extractCsv(buffer: Uint8Array, sheetName = 'CSV'): Promise<SheetText[]> {
  const workbook = new ExcelJS.Workbook();
  const { text } = decodeText(buffer);
  await workbook.csv.read(Readable.from([text]), { sheetName, map: (value: unknown) => value } as never);
  return sheetsOf(workbook);
}
