import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanMetadata } from './index.ts';

const rules = (meta: Parameters<typeof scanMetadata>[0]) => scanMetadata(meta).map((f) => [f.ruleId, f.location.field, f.severity, f.blocking]);

test('consistent metadata has no findings', () => {
  assert.deepEqual(rules({ title: '通知', docNo: '宜府办发〔2024〕5号', writtenOn: '2024-03-01', publishedOn: '2024-03-05', disclosure: 'proactive', note: '此件公开发布', today: '2024-06-01' }), []);
  assert.deepEqual(rules({ today: '2024-06-01' }), []);
});

test('成文日期 after 发布日期, future dates, 发文字号 year, missing 附注 on 主动公开', () => {
  assert.deepEqual(rules({ writtenOn: '2024-03-09', publishedOn: '2024-03-05', today: '2024-06-01' }), [['metadata.written_after_published', 'writtenOn', 'high', true]]);
  assert.deepEqual(rules({ writtenOn: '2024-07-01', publishedOn: '2024-08-01', today: '2024-06-01' }), [
    ['metadata.future_written', 'writtenOn', 'high', true],
    ['metadata.future_published', 'publishedOn', 'medium', false],
  ]);
  assert.deepEqual(rules({ docNo: '宜府办发〔2023〕5号', writtenOn: '2024-01-03', today: '2024-06-01' }), [['metadata.doc_no_year', 'docNo', 'medium', false]]);
  assert.deepEqual(rules({ docNo: '宜府办发[2024]5号', writtenOn: '2024-01-03', today: '2024-06-01' }), []);
  assert.deepEqual(rules({ disclosure: '主动公开', note: '  ', today: '2024-06-01' }), [['metadata.missing_note', 'note', 'medium', false]]);
  assert.deepEqual(rules({ disclosure: 'on_request', today: '2024-06-01' }), []);
  const [f] = scanMetadata({ writtenOn: '2024-03-09', publishedOn: '2024-03-05', today: '2024-06-01' });
  assert.equal(f?.message.zh, '成文日期 2024-03-09 晚于发布日期 2024-03-05');
});
