import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDocNo, normaliseIndexNo } from './numbers.ts';

test('发文字号 spellings seen in real data give one key', () => {
  const key = '宜府办发〔2023〕5号';
  for (const raw of [
    '宜府办发〔2023〕5号',
    '宜府办发[2023]05号',
    '宜府办发（2023）第5号',
    ' 发文字号：宜府辦發〔２０２３〕５號 ',
    '\u200b宜府办发﹝2023﹞5号',
    '文号: 宜府办发【2023】5号',
  ]) {
    assert.equal(normaliseDocNo(raw), key, raw);
  }
  assert.equal(normaliseDocNo('重庆市人民政府令第 359 号'), '重庆市人民政府令第359号');
  assert.notEqual(normaliseDocNo('宜府办发〔2023〕6号'), key);
});

test('values that are not document numbers are compacted, empty ones are null', () => {
  assert.equal(normaliseDocNo('HFGS—2017—9'), 'hfgs—2017—9');
  assert.equal(normaliseDocNo('  '), null);
  assert.equal(normaliseDocNo(null), null);
});

test('索引号 keys: NFKC, lower case, no spaces', () => {
  assert.equal(normaliseIndexNo(' 11441700007280420Y/2021-00050 '), '11441700007280420y/2021-00050');
  assert.equal(normaliseIndexNo('０００014349/2017-00110'), '000014349/2017-00110');
  assert.equal(normaliseIndexNo(''), null);
});
