import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAttachment } from './index.ts';
import { minimalDocx, minimalPdf } from './test-fixtures.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MB = 1_048_576;

test('accepted types pass when the name agrees with the content', async () => {
  assert.equal((await checkAttachment(minimalPdf([['x']]), '通知.pdf', MB)).ok, true);
  assert.equal((await checkAttachment(minimalDocx([['', '正文']]), '通知.DOCX', MB)).ok, true);
  assert.equal((await checkAttachment(PNG, '图.png', MB)).ok, true);
  assert.equal((await checkAttachment(Buffer.from('<html><body><p>正文</p></body></html>'), '正文.htm', MB)).ok, true);
  assert.equal((await checkAttachment(Buffer.from('纯文本说明'), '说明.txt', MB)).ok, true);
});

test('a name that disagrees with the content is refused with what the content really is', async () => {
  const docxAsPdf = await checkAttachment(minimalDocx([['', '正文']]), '通知.pdf', MB);
  assert.deepEqual(docxAsPdf, { ok: false, code: 'ATTACHMENT_MISMATCH', params: { ext: 'pdf', actual: 'Word 文档（DOCX）' } });
  const pngAsJpg = await checkAttachment(PNG, '图.jpg', MB);
  assert.equal(pngAsJpg.ok, false);
  const htmlAsPdf = await checkAttachment(Buffer.from('<!doctype html><script>alert(1)</script>'), '通知.pdf', MB);
  assert.deepEqual(htmlAsPdf, { ok: false, code: 'ATTACHMENT_MISMATCH', params: { ext: 'pdf', actual: '文本（或网页）' } });
  const htmlAsTxt = await checkAttachment(Buffer.from('<html><script>x</script></html>'), 'a.txt', MB);
  assert.equal(htmlAsTxt.ok, false);
});

test('unsupported, empty and oversized files are refused', async () => {
  assert.deepEqual(await checkAttachment(Buffer.from('MZ\x90\x00'), 'setup.exe', MB), { ok: false, code: 'ATTACHMENT_UNSUPPORTED', params: { ext: '.exe' } });
  assert.deepEqual(await checkAttachment(Buffer.from('x'), 'noext', MB), { ok: false, code: 'ATTACHMENT_UNSUPPORTED', params: { ext: '无扩展名' } });
  assert.deepEqual(await checkAttachment(Buffer.alloc(0), 'a.pdf', MB), { ok: false, code: 'ATTACHMENT_EMPTY', params: {} });
  assert.deepEqual(await checkAttachment(Buffer.alloc(MB + 1), 'a.pdf', MB), { ok: false, code: 'ATTACHMENT_TOO_LARGE', params: { limitMb: 1 } });
});
