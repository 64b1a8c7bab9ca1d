import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { checkFile, decodeText, DEFAULT_MAX_ATTACHMENT_BYTES, extensionOf, sniff } from './index.ts';
import { minimalDocx, minimalPdf, zip } from './test-fixtures.ts';

// 1×1 PNG (a real, complete image).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
// "中文政务公开,第一条" in GBK/GB18030.
const GBK = Buffer.from('D6D0CEC4D5FECEF1B9ABBFAA2CB5DAD2BBCCF5', 'hex');

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('目录').addRow(['索引号', '名称']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('binary formats are recognised by content', async () => {
  assert.deepEqual(await sniff(minimalPdf([['x']]), '通知.pdf'), { mime: 'application/pdf', ext: 'pdf', kind: 'pdf' });
  assert.equal((await sniff(minimalDocx([['', '正文']]), '通知.docx'))?.kind, 'docx');
  assert.equal((await sniff(await xlsx(), '目录.XLSX'))?.kind, 'xlsx');
  assert.deepEqual(await sniff(PNG, 'logo.png'), { mime: 'image/png', ext: 'png', kind: 'image' });
  // Harmless disagreement between two allowed binary types: the content wins.
  assert.deepEqual(await sniff(PNG, 'photo.jpg'), { mime: 'image/png', ext: 'png', kind: 'image' });
  assert.equal((await sniff(minimalPdf([['x']]), 'no-extension'))?.kind, 'pdf');
});

test('text formats are recognised by extension and checked', async () => {
  const text = (s: string) => Buffer.from(s, 'utf8');
  assert.equal((await sniff(text('索引号,名称\n1,通知\n'), 'a.csv'))?.kind, 'csv');
  assert.equal((await sniff(text('<p>正文</p>'), 'a.htm'))?.kind, 'html');
  assert.equal((await sniff(text('# 标题\n\n第一条'), 'a.md'))?.mime, 'text/markdown');
  assert.equal((await sniff(text('通知正文'), 'a.txt'))?.kind, 'text');
  assert.equal((await sniff(text('{"title":"条例"}\n{"title":"办法"}\n'), 'laws.jsonl'))?.kind, 'jsonl');
  assert.equal((await sniff(GBK, 'gbk.txt'))?.kind, 'text');
  assert.equal((await sniff(GBK, 'gbk.csv'))?.kind, 'csv');
});

test('dangerous or meaningless disagreements are refused with a reason', async () => {
  const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
  const refusals: [Buffer, string, RegExp][] = [
    [html, '公告.pdf', /HTML, not \.pdf/],
    [html, '公告.docx', /HTML, not \.docx/],
    [Buffer.from('  <svg onload="alert(1)"></svg>'), 'logo.png', /HTML, not \.png/],
    [html, 'notes.txt', /HTML, not text/],
    [Buffer.from('<script>alert(1)</script>'), 'readme.md', /HTML, not markdown/],
    [Buffer.from('<html><body>x</body></html>'), 'data.csv', /HTML, not csv/],
    [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), '通知.docx', /unsupported content type/],
    [minimalPdf([['x']]), 'notes.txt', /content is pdf, not \.txt/],
    [Buffer.from('plain text'), '通知.pdf', /does not match \.pdf/],
    [Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]), 'a.md', /binary/],
    [Buffer.from('not json\n'), 'a.jsonl', /JSON object/],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', /unsupported file type \.svg/],
    [Buffer.from('text'), 'old.doc', /unsupported file type \.doc/],
    [Buffer.from('text'), 'README', /without extension/],
    [zip({ 'a.txt': 'x' }), 'a.docx', /unsupported content type application\/zip/],
    [Buffer.alloc(0), 'a.txt', /empty/],
  ];
  for (const [buffer, name, reason] of refusals) {
    const result = await checkFile(buffer, name);
    assert.equal(result.ok, false, name);
    if (!result.ok) assert.match(result.reason, reason, name);
    assert.equal(await sniff(buffer, name), null, name);
  }
});

test('size limits: the attachment default applies unless the caller sets one', async () => {
  assert.equal(DEFAULT_MAX_ATTACHMENT_BYTES, 50 * 1024 * 1024);
  const result = await checkFile(Buffer.from('0123456789'), 'a.txt', { maxBytes: 5 });
  assert.deepEqual(result, { ok: false, reason: 'file is larger than 5 bytes' });
});

test('text decoding: UTF-8, GB18030 when UTF-8 is invalid, UTF-16 with a BOM', () => {
  assert.deepEqual(decodeText(GBK), { text: '中文政务公开,第一条', encoding: 'gb18030' });
  assert.deepEqual(decodeText(Buffer.from('\ufeff中文', 'utf8')), { text: '中文', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.from('\ufeff中文', 'utf16le')), { text: '中文', encoding: 'utf-16le' });
  assert.equal(extensionOf('C:\\docs\\通知.PDF'), 'pdf');
  assert.equal(extensionOf('.bashrc'), '');
});
