import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { minimalDocx, minimalPdf } from '../../../platform/files/test-fixtures.ts';
import { prepareImport, readImportSources, type ImportItem } from './index.ts';

const LAW = {
  path: 'DLC/x/示例条例(2020-05-14).md',
  title: '示例条例',
  date: '2020-05-14',
  info: ['2020年5月14日 示例市人民代表大会常务委员会第二次会议通过'],
  body: '第一条 为了示例，制定本条例。',
};

async function folder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gongkai-import-'));
  await mkdir(join(root, 'a/b'), { recursive: true });
  await writeFile(
    join(root, 'a/notice.docx'),
    minimalDocx([
      ['', '宜府办发〔2023〕5号'],
      ['Heading1', '宜昌市人民政府办公室关于印发政务公开工作要点的通知'],
      ['', '各县市区人民政府：'],
      ['', '宜昌市人民政府办公室'],
      ['', '2023年4月17日'],
    ]),
  );
  await writeFile(join(root, 'a/b/scan.pdf'), minimalPdf([['关于做好政务公开工作的通知', '宜昌市人民政府办公室', '2023年5月8日']]));
  await writeFile(join(root, 'a/fake.pdf'), '<!DOCTYPE html><html><script>alert(1)</script></html>');
  await writeFile(
    join(root, 'page.html'),
    '<html><head><title>政策文件 - 宜昌市人民政府</title><script>x()</script></head><body><h1>关于开展政务公开调研的通知</h1><p>发文字号：宜府办函〔2023〕12号</p><p>各单位：请按时报送。</p></body></html>',
  );
  await writeFile(
    join(root, 'law.md'),
    `# 示例条例\n\n2020年5月14日 示例市人民代表大会常务委员会第二次会议通过\n\n<!-- INFO END -->\n\n${LAW.body}\n`,
  );
  await writeFile(join(root, 'gbk.txt'), Buffer.from('B9D8D3DACBB5C3F7B5C4CDA8D6AA0A', 'hex')); // 关于说明的通知\n in GBK
  const lines = [JSON.stringify(LAW), '', '{not json', JSON.stringify({ ...LAW, title: '示例条例二' })].join('\n');
  await writeFile(join(root, 'laws.jsonl'), lines);
  await writeFile(join(root, 'laws2.jsonl.gz'), gzipSync(lines + '\n'));
  await writeFile(join(root, 'broken.jsonl.gz'), 'not gzip at all');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('s').addRow(['x']);
  await writeFile(join(root, 'table.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
  await writeFile(join(root, 'old.doc'), 'x');
  await writeFile(join(root, '.hidden.txt'), 'x');
  await symlink(join(root, 'law.md'), join(root, 'link.md'));
  return root;
}

const summary = (root: string, items: ImportItem[]) =>
  items.map((i) => [
    relative(root, i.path),
    i.kind,
    i.line ?? null,
    i.kind === 'failed' ? i.reason.replace(/^(invalid JSON):.*/, '$1') : null,
  ]);

test('a folder is walked in name order; unimportable files are reported with a reason', async () => {
  const root = await folder();
  try {
    const items: ImportItem[] = [];
    for await (const item of readImportSources(root)) items.push(item);
    assert.deepEqual(summary(root, items), [
      ['a/b/scan.pdf', 'pdf', null, null],
      ['a/fake.pdf', 'failed', null, 'content is HTML, not .pdf'],
      ['a/notice.docx', 'docx', null, null],
      ['broken.jsonl.gz', 'failed', 1, 'cannot read: incorrect header check'],
      ['gbk.txt', 'text', null, null],
      ['law.md', 'markdown', null, null],
      ['laws.jsonl', 'jsonl', 1, null],
      ['laws.jsonl', 'failed', 3, 'invalid JSON'],
      ['laws.jsonl', 'jsonl', 4, null],
      ['laws2.jsonl.gz', 'jsonl', 1, null],
      ['laws2.jsonl.gz', 'failed', 3, 'invalid JSON'],
      ['laws2.jsonl.gz', 'jsonl', 4, null],
      ['old.doc', 'failed', null, 'not an importable document type (.doc)'],
      ['page.html', 'html', null, null],
      ['table.xlsx', 'failed', null, 'not an importable document type (.xlsx)'],
    ]);

    const prepared = new Map<string, Awaited<ReturnType<typeof prepareImport>>>();
    for (const item of items)
      if (item.kind !== 'failed') prepared.set(`${relative(root, item.path)}#${item.line ?? ''}`, await prepareImport(item));
    const docx = prepared.get('a/notice.docx#')!;
    assert.deepEqual(
      [docx.metadata.title, docx.metadata.docNo, docx.metadata.writtenOn, docx.metadata.issuer, docx.bodyFormat],
      ['宜昌市人民政府办公室关于印发政务公开工作要点的通知', '宜府办发〔2023〕5号', '2023-04-17', '宜昌市人民政府办公室', 'html'],
    );
    assert.match(docx.html!, /^<p>宜府办发〔2023〕5号<\/p><h1>/);
    const pdf = prepared.get('a/b/scan.pdf#')!.metadata;
    assert.deepEqual([pdf.title, pdf.writtenOn, pdf.issuer], ['关于做好政务公开工作的通知', '2023-05-08', '宜昌市人民政府办公室']);
    const html = prepared.get('page.html#')!;
    assert.deepEqual([html.metadata.title, html.metadata.docNo], ['关于开展政务公开调研的通知', '宜府办函〔2023〕12号']);
    assert.ok(!html.html!.includes('script') && !html.metadata.body.includes('x()'));
    assert.equal(prepared.get('gbk.txt#')!.metadata.title, '关于说明的通知');
    const md = prepared.get('law.md#')!;
    const jsonl = prepared.get('laws.jsonl#1')!;
    assert.deepEqual(
      [md.metadata.title, md.metadata.writtenOn, md.metadata.issuer],
      ['示例条例', '2020-05-14', '示例市人民代表大会常务委员会'],
    );
    assert.equal(jsonl.metadata.contentHash, md.metadata.contentHash, 'same law, same hash, whatever the source');
    assert.equal(prepared.get('laws2.jsonl.gz#1')!.metadata.contentHash, md.metadata.contentHash);
    assert.notEqual(prepared.get('laws.jsonl#4')!.metadata.contentHash, md.metadata.contentHash);
    assert.equal(jsonl.sourceKey, `${join(root, 'laws.jsonl')}#1`);

    // Re-reading gives the same hashes: the import is idempotent by content.
    const again = await prepareImport(items.find((i) => i.kind === 'docx')! as Parameters<typeof prepareImport>[0]);
    assert.equal(again.metadata.contentHash, docx.metadata.contentHash);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a single file can be given; limits are enforced; a missing path throws', async () => {
  const root = await folder();
  try {
    const one: ImportItem[] = [];
    for await (const item of readImportSources(join(root, 'law.md'))) one.push(item);
    assert.deepEqual(summary(root, one), [['law.md', 'markdown', null, null]]);
    const small: ImportItem[] = [];
    for await (const item of readImportSources(join(root, 'a'), { maxFileBytes: 100 })) small.push(item);
    assert.ok(small.every((i) => i.kind === 'failed' && /larger than 100 bytes|HTML/.test(i.reason)));
    const long: ImportItem[] = [];
    for await (const item of readImportSources(join(root, 'laws.jsonl'), { maxLineBytes: 50 })) long.push(item);
    assert.deepEqual(
      long.map((i) => [i.kind, i.line]),
      [
        ['failed', 1],
        ['failed', 3],
        ['failed', 4],
      ],
    );
    await assert.rejects(async () => {
      for await (const _ of readImportSources(join(root, 'missing'))) void _;
    }, /ENOENT/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
