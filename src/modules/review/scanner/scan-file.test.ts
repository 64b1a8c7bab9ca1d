import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { minimalDocx, minimalPdf } from '../../../platform/files/test-fixtures.ts';
import { scanFile, type Finding } from './index.ts';
import { luhnComplete } from './scanner.testkit.ts';

const summary = (findings: Finding[]) => findings.map((f) => [f.category, f.text, f.location] as const);

/** A PDF whose trailer names a standard security handler with a user password (pdf.js asks for the password). */
function encryptedPdf(): Buffer {
  const plain = minimalPdf([['secret 13812341234']]).toString('latin1');
  const hex32 = 'A'.repeat(64);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'B'.repeat(64)}> /P -44 >>`;
  return Buffer.from(plain.replace('/Root 1 0 R', `/Root 1 0 R /Encrypt ${encrypt} /ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>]`), 'latin1');
}

test('PDF findings carry the page; DOCX and HTML findings the file name', async () => {
  const pdf = minimalPdf([['page one'], ['身份证 11010519491231002X']]);
  assert.deepEqual(summary(await scanFile(pdf, '名单.pdf', { location: { attachmentId: 'att1' } })), [
    ['id_card', '11010519491231002X', { attachmentId: 'att1', filename: '名单.pdf', page: 2 }],
  ]);
  const docx = minimalDocx([['', '机密★5年'], ['', '联系电话13812341234']]);
  assert.deepEqual(
    summary(await scanFile(docx, 'a.docx')).map(([c, t]) => [c, t]),
    [
      ['secret_marking', '机密★5年'],
      ['mobile', '13812341234'],
    ],
  );
  const html = Buffer.from('<html><body><p>邮箱 someone@example.com</p></body></html>');
  assert.deepEqual(summary(await scanFile(html, 'page.html')), [['email', 'someone@example.com', { filename: 'page.html' }]]);
});

test('XLSX and CSV findings carry sheet and cell; the column header anchors keyword rules', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('补贴名单');
  sheet.addRow(['姓名', '银行卡号', '联系电话']);
  const card = luhnComplete('621700123456789012');
  sheet.addRow(['某某', card, '13812341234']);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  assert.deepEqual(summary(await scanFile(xlsx, '名单.xlsx')), [
    ['bank_card', card, { filename: '名单.xlsx', sheet: '补贴名单', cell: 'B2' }],
    ['mobile', '13812341234', { filename: '名单.xlsx', sheet: '补贴名单', cell: 'C2' }],
  ]);
  const [f] = await scanFile(xlsx, '名单.xlsx');
  assert.equal(f?.start, 0);
  assert.equal(f?.severity, 'high', 'the header 银行卡号 is the context word');
  const csv = Buffer.from('姓名,手机\n某某,139 1234 1234\n');
  assert.deepEqual(summary(await scanFile(csv, 'a.csv')), [['mobile', '139 1234 1234', { filename: 'a.csv', sheet: 'CSV', cell: 'B2' }]]);
});

test('GB18030 text is decoded before scanning', async () => {
  const gb = Buffer.concat([Buffer.from('b5e7bbb0', 'hex'), Buffer.from('13812341234')]); // 电话 in GB18030
  assert.deepEqual(summary(await scanFile(gb, 'old.txt')), [['mobile', '13812341234', { filename: 'old.txt' }]]);
});

test('unreadable files are one blocking finding naming the file and the problem', async () => {
  const cases: [Uint8Array, string, RegExp, number?][] = [
    [encryptedPdf(), 'enc.pdf', /“enc\.pdf”.*PDF 已加密/],
    [Buffer.from('%PDF-1.4\n1 0 obj broken'), 'bad.pdf', /“bad\.pdf”.*(损坏|不符)/],
    [Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 200, 201]), 'data.txt', /“data\.txt”.*二进制/],
    [Buffer.from('x'.repeat(2048)), 'big.txt', /“big\.txt”.*超过大小上限（1 KB）/, 1024],
    [Buffer.alloc(0), 'empty.txt', /“empty\.txt”.*文件为空/],
    [Buffer.from('PK\u0003\u0004garbage that is not a zip'), 'broken.docx', /“broken\.docx”/],
    [minimalPdf([[]]), 'scan.pdf', /“scan\.pdf”.*没有可提取的文字/],
    [Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0ee7e0c0000000049454e44ae426082', 'hex'), 'photo.png', /“photo\.png”.*OCR/],
  ];
  for (const [buffer, name, message, maxBytes] of cases) {
    const findings = await scanFile(buffer, name, { maxBytes });
    const unreadable = findings.filter((f) => f.category === 'unreadable');
    assert.equal(unreadable.length, 1, `${name}: ${JSON.stringify(findings)}`);
    assert.equal(unreadable[0]!.blocking, true);
    assert.equal(unreadable[0]!.severity, 'block');
    assert.equal(unreadable[0]!.location.filename, name);
    assert.match(unreadable[0]!.message.zh, message, name);
  }
});

test('a file whose name lies about its type is flagged and still scanned by its content', async () => {
  const pdf = minimalPdf([['13812341234']]);
  const findings = await scanFile(pdf, 'report.docx');
  assert.deepEqual(
    findings.map((f) => f.category),
    ['unreadable', 'mobile'],
  );
  assert.match(findings[0]!.message.zh, /内容是 PDF，扩展名却是 \.docx/);
});
