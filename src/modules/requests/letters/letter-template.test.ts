import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { checkLetterTemplate, defaultLetterTemplate, fillLetter, sampleLetterData } from './letter-template.ts';
import { renderLetterDocx } from './letter-docx.ts';

const valid = {
  title: '政府信息公开申请答复书',
  paragraphs: [...defaultLetterTemplate.paragraphs],
  reconsiderationBody: '宜昌市人民政府',
  court: '宜昌市西陵区人民法院',
};
const messages = (r: ReturnType<typeof checkLetterTemplate>) =>
  r.ok ? [] : r.errors.map((e) => `${e.path}: ${(e.params as { zh: string }).zh}`);

describe('answer-letter template', () => {
  test('the default template is valid', () => {
    assert.equal(checkLetterTemplate(valid).ok, true);
  });
  test('unknown placeholders are named with the paragraph and the list of known ones', () => {
    const [m] = messages(
      checkLetterTemplate({
        ...valid,
        paragraphs: [valid.paragraphs[0]!, '联系人：{contactName}，电话 {phone}', ...valid.paragraphs.slice(1)],
      }),
    );
    assert.match(m!, /^paragraphs\.1: 第 2 段有未知的占位符 \{contactName\}、\{phone\}。可用的占位符：\{orgName\}/);
  });
  test('unpaired braces, a missing remedies notice and empty fields are refused', () => {
    assert.match(messages(checkLetterTemplate({ ...valid, paragraphs: ['答复见 {answerText', ...valid.paragraphs] }))[0]!, /花括号不成对/);
    assert.match(messages(checkLetterTemplate({ ...valid, paragraphs: valid.paragraphs.slice(0, 5) }))[0]!, /须告知救济途径/);
    const all = messages(checkLetterTemplate({ title: ' ', paragraphs: [], reconsiderationBody: '', court: '' }));
    assert.deepEqual(
      all.map((m) => m.split(':')[0]),
      ['title', 'reconsiderationBody', 'court', 'paragraphs'],
    );
  });
  test('filling: dates in Chinese, the files paragraph only with files, multi-line answers become paragraphs', () => {
    const data = { ...sampleLetterData('宜昌市司法局'), releasedFileNames: [], answerText: '第一行\n第二行' };
    const { paragraphs } = fillLetter(valid, data);
    assert.match(paragraphs[0]!, /本机关于2026年3月2日收到/);
    assert.ok(!paragraphs.some((p) => p.includes('随本答复书提供的信息')));
    assert.ok(paragraphs.includes('第一行') && paragraphs.includes('第二行'));
    assert.ok(fillLetter(valid, sampleLetterData('x')).paragraphs.includes('随本答复书提供的信息：2026年城区老旧小区改造项目清单.pdf。'));
  });
  test('the DOCX reads back with the applicant, outcome, basis, remedies and the organisation', async () => {
    const bytes = await renderLetterDocx(valid, sampleLetterData('宜昌市司法局'));
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    for (const s of [
      '政府信息公开申请答复书',
      '〔2026〕YS-2026-000001号',
      '张三：',
      '现答复如下：予以公开。',
      '依据：《中华人民共和国政府信息公开条例》第三十六条第（二）项。',
      '六十日内向宜昌市人民政府申请行政复议',
      '六个月内向宜昌市西陵区人民法院提起行政诉讼',
      '宜昌市司法局',
      '2026年3月20日',
    ])
      assert.ok(text.includes(s), `missing ${s}`);
  });
});
