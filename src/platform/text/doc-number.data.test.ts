// Real data: 43,316 scraped 发文字号 values from ../shared/data/docnumbers/*.xlsx (see its README).
// 4,993 rows have an empty doc_number; the share is over the non-empty values. Values that are not document
// numbers at all (a bare label, dates, URLs) count as not parsed and are listed by category.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDocNumber, parseOrderNumber } from './doc-number.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

const DIR = sharedData('docnumbers');
const COLUMN = /^(doc_number|document_number_parsed)$/;

function category(value: string): string {
  if (parseDocNumber(value)) return 'standard';
  if (parseOrderNumber(value)) return /令/.test(value) ? 'order (令第N号)' : 'announcement (…YYYY年第N号)';
  if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/.test(value)) return 'not a number: a date';
  if (/^https?:\/\//.test(value)) return 'not a number: a URL';
  if (/^发文字号[:：]?\s*$/.test(value)) return 'not a number: empty label';
  return 'unparsed';
}

test('发文字号 parser on every real value in docnumbers/*.xlsx', { skip: !existsSync(DIR) && 'no ../shared/data' }, async () => {
  const counts = new Map<string, number>();
  const unparsed: string[] = [];
  let rows = 0;
  let total = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.xlsx'))) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(DIR, file));
    for (const sheet of workbook.worksheets) {
      let col = 0;
      sheet.getRow(1).eachCell((cell, n) => {
        if (COLUMN.test(cell.text.trim())) col = n;
      });
      assert.ok(col > 0, `${file}: no doc_number column`);
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        rows++;
        const value = row.getCell(col).text.trim();
        if (!value) return;
        total++;
        const cat = category(value);
        counts.set(cat, (counts.get(cat) ?? 0) + 1);
        if (cat === 'unparsed') unparsed.push(value);
      });
    }
  }
  const share = (n: number, of = total) => `${((100 * n) / of).toFixed(2)}%`;
  const standard = counts.get('standard') ?? 0;
  const orders = (counts.get('order (令第N号)') ?? 0) + (counts.get('announcement (…YYYY年第N号)') ?? 0);
  const notNumbers = [...counts].filter(([k]) => k.startsWith('not a number')).reduce((s, [, v]) => s + v, 0);
  const numberLike = total - notNumbers;
  console.log(`发文字号: ${rows} rows, ${total} non-empty values`);
  for (const [cat, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${cat}: ${n} (${share(n)})`);
  console.log(`  parsed, all non-empty values: standard ${share(standard)}, standard or order ${share(standard + orders)}`);
  console.log(`  parsed, values that are document numbers: ${share(standard + orders, numberLike)} of ${numberLike}`);
  console.log(`  unparsed examples: ${unparsed.slice(0, 20).join(' | ')}`);
  assert.equal(rows, 43_316);
  assert.ok(standard / total >= 0.98, 'standard form, share of all non-empty values');
  assert.ok((standard + orders) / total >= 0.998, 'standard or order form, share of all non-empty values');
});
