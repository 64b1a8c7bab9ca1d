import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { extractText, sniff } from './index.ts';
import { minimalDocx, minimalPdf } from './test-fixtures.ts';

test('DOCX: raw text and sanitised HTML for body import', async () => {
  const docx = minimalDocx([
    ['', '宜府办发〔2023〕5号'],
    ['Heading1', '宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知'],
    ['', '各县市区人民政府：', { bold: true }],
    ['', '<script>alert(1)</script> 现印发给你们。'],
  ]);
  const kind = (await sniff(docx, '通知.docx'))!.kind;
  const result = await extractText(docx, kind);
  assert.equal(
    result.text,
    '宜府办发〔2023〕5号\n\n宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知\n\n各县市区人民政府：\n\n<script>alert(1)</script> 现印发给你们。',
  );
  assert.equal(
    result.html,
    '<p>宜府办发〔2023〕5号</p><h1>宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知</h1>' +
      '<p><strong>各县市区人民政府：</strong></p><p>&lt;script&gt;alert(1)&lt;/script&gt; 现印发给你们。</p>',
  );
});

test('PDF: text per page, including Chinese set in a non-embedded CJK font', async () => {
  const pdf = minimalPdf([
    ['Yichang open government', 'Page one'],
    ['宜昌市政务公开工作要点', 'Page two'],
  ]);
  const result = await extractText(pdf, 'pdf');
  assert.deepEqual(result.pages, [
    { page: 1, text: 'Yichang open government\nPage one' },
    { page: 2, text: '宜昌市政务公开工作要点\nPage two' },
  ]);
  assert.equal(result.text, 'Yichang open government\nPage one\n\n宜昌市政务公开工作要点\nPage two');
  await assert.rejects(extractText(Buffer.from('%PDF-1.4\ngarbage'), 'pdf'));
});

test('XLSX: every sheet and non-empty cell as displayed', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  sheet.addRow(['索引号', '名称', '件数']);
  sheet.addRow(['11420500MB1234567X/2023-00001', '政务公开工作要点', 3]);
  sheet.getCell('C3').value = { formula: 'C2*2', result: 6 };
  workbook.addWorksheet('空表');
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const result = await extractText(buffer, (await sniff(buffer, 'a.xlsx'))!.kind);
  assert.deepEqual(result.sheets, [
    {
      sheet: '目录',
      cells: [
        { ref: 'A1', text: '索引号' },
        { ref: 'B1', text: '名称' },
        { ref: 'C1', text: '件数' },
        { ref: 'A2', text: '11420500MB1234567X/2023-00001' },
        { ref: 'B2', text: '政务公开工作要点' },
        { ref: 'C2', text: '3' },
        { ref: 'C3', text: '6' },
      ],
    },
    { sheet: '空表', cells: [] },
  ]);
  assert.equal(result.text, '目录\n索引号\t名称\t件数\n11420500MB1234567X/2023-00001\t政务公开工作要点\t3\n6\n\n空表');
});

test('CSV: values kept as written, UTF-8 and GB18030', async () => {
  const utf8 = await extractText(Buffer.from('编号,名称,日期\n007,"通知,附件",2023-04-17\n', 'utf8'), 'csv');
  assert.deepEqual(utf8.sheets?.[0]?.cells, [
    { ref: 'A1', text: '编号' },
    { ref: 'B1', text: '名称' },
    { ref: 'C1', text: '日期' },
    { ref: 'A2', text: '007' },
    { ref: 'B2', text: '通知,附件' },
    { ref: 'C2', text: '2023-04-17' },
  ]);
  const gbk = await extractText(Buffer.from('D6D0CEC4D5FECEF1B9ABBFAA2CB5DAD2BBCCF5', 'hex'), 'csv');
  assert.deepEqual(
    gbk.sheets?.[0]?.cells.map((c) => c.text),
    ['中文政务公开', '第一条'],
  );
});

test('HTML: text without scripts or styles, blocks on lines, title, sanitised body', async () => {
  const page =
    '<html><head><title>关于印发要点的通知 - 宜昌市人民政府</title><style>p{color:red}</style></head>' +
    '<body><div class="nav">首页 &gt; 政策文件</div><h1>关于印发要点的通知</h1><p onclick="x()">各县市区&nbsp;人民政府：</p>' +
    '<script>document.write("bad")</script><table><tr><th>发文字号</th><td>宜府办发〔2023〕5号</td></tr></table>' +
    '<p>A &amp; B &lt;C&gt;</p></body></html>';
  const result = await extractText(Buffer.from(page), 'html');
  assert.equal(result.title, '关于印发要点的通知 - 宜昌市人民政府');
  assert.equal(result.text, '首页 > 政策文件\n关于印发要点的通知\n各县市区 人民政府：\n发文字号\t宜府办发〔2023〕5号\nA & B <C>');
  assert.equal(
    result.html,
    '首页 &gt; 政策文件<h1>关于印发要点的通知</h1><p>各县市区\u00a0人民政府：</p><table><tr><th>发文字号</th><td>宜府办发〔2023〕5号</td></tr></table><p>A &amp; B &lt;C&gt;</p>',
  );
});

test('Markdown and text are returned as they are; images have no text', async () => {
  assert.deepEqual(await extractText(Buffer.from('# 条例\r\n\r\n第一条', 'utf8'), 'markdown'), {
    text: '# 条例\n\n第一条',
    encoding: 'utf-8',
  });
  assert.deepEqual(await extractText(Buffer.from('D6D0CEC4', 'hex'), 'text'), { text: '中文', encoding: 'gb18030' });
  assert.deepEqual(await extractText(Buffer.alloc(10), 'image'), { text: '' });
});
