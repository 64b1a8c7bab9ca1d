import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, extractDocumentMetadata } from './metadata.ts';

// Text as mammoth or pdfjs give it for a document laid out by GB/T 9704 (domain.md §5.6).
const OFFICIAL = `宜昌市人民政府办公室文件

宜府办发〔2023〕５号

宜昌市人民政府办公室
关于印发2023年宜昌市政务公开工作要点的通知

各县市区人民政府，市政府各部门、各直属机构：
《2023年宜昌市政务公开工作要点》已经市人民政府同意，现印发给你们，请结合实际认真贯彻落实（宜府办发〔2022〕3号同时废止）。

宜昌市人民政府办公室
二〇二三年四月十七日
（此件公开发布）

2023年宜昌市政务公开工作要点
一、强化重点领域信息公开
抄送：市委办公室。
宜昌市人民政府办公室\u3000\u3000\u30002023年4月18日印发`;

test('an official document: masthead, 发文字号, wrapped title, 落款, 附注', () => {
  const m = extractDocumentMetadata(OFFICIAL);
  assert.equal(m.title, '宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知');
  assert.equal(m.docNo, '宜府办发〔2023〕5号');
  assert.equal(m.writtenOn, '2023-04-17');
  assert.equal(m.issuer, '宜昌市人民政府办公室');
  assert.equal(m.note, '（此件公开发布）');
  assert.equal(m.publishedOn, null);
  assert.ok(m.body.startsWith('宜昌市人民政府办公室文件\n\n宜府办发〔2023〕５号\n\n各县市区人民政府'), m.body.slice(0, 80));
  assert.ok(!m.body.includes('关于印发2023年宜昌市政务公开工作要点的通知'));
});

test('a joint document: several organs over the date, on one line or several', () => {
  const text =
    '关于做好2024年惠企政策兑现工作的通知\n各有关单位：\n现将有关事项通知如下。\n\n宜昌市财政局　　宜昌市税务局\n宜昌市市场监督管理局\n2024年1月5日\n';
  const m = extractDocumentMetadata(text);
  assert.equal(m.title, '关于做好2024年惠企政策兑现工作的通知');
  assert.equal(m.issuer, '宜昌市财政局、宜昌市税务局、宜昌市市场监督管理局');
  assert.equal(m.writtenOn, '2024-01-05');
  assert.equal(m.docNo, null);
});

test('a portal page: metadata table, repeated title, navigation and footer noise', () => {
  const page = [
    '首页 > 政务公开 > 政策文件',
    '【字体：大 中 小】',
    '索引号：11420500MB1234567X/2023-00012\t主题分类：综合政务\\政务公开',
    '发文机关：宜昌市人民政府办公室\t成文日期：2023年04月17日',
    '发文字号：宜府办发(2023)005号\t发布日期：2023-04-18',
    '标题：宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知',
    '宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知',
    '各县市区人民政府：',
    '现印发给你们。',
    '如有疑问请联系我们。',
    '【打印】 【关闭】',
    '主办单位：宜昌市人民政府办公室  网站标识码：4205000001',
  ].join('\n');
  const m = extractDocumentMetadata(page);
  assert.deepEqual(
    { title: m.title, docNo: m.docNo, writtenOn: m.writtenOn, publishedOn: m.publishedOn, issuer: m.issuer, body: m.body },
    {
      title: '宜昌市人民政府办公室关于印发2023年宜昌市政务公开工作要点的通知',
      docNo: '宜府办发〔2023〕5号',
      writtenOn: '2023-04-17',
      publishedOn: '2023-04-18',
      issuer: '宜昌市人民政府办公室',
      body: '各县市区人民政府：\n现印发给你们。\n如有疑问请联系我们。',
    },
  );
});

test('the content hash ignores whitespace and blank lines, and sees any change of words', () => {
  const a = extractDocumentMetadata(OFFICIAL);
  const b = extractDocumentMetadata(OFFICIAL.replace(/\n/g, '\r\n\r\n').replace(/。/g, '。  '));
  assert.equal(a.contentHash, b.contentHash);
  assert.notEqual(a.contentHash, extractDocumentMetadata(OFFICIAL.replace('一、强化', '一、加强')).contentHash);
  assert.equal(contentHash('标题', '正文\n\n 第二段 '), contentHash('标题', '正文\n第二段'));
  assert.match(a.contentHash, /^[0-9a-f]{64}$/);
});

test('numbered headings are not titles', () => {
  assert.equal(extractDocumentMetadata('二、工作措施\n（一）加强领导小组\n第一条 规定\n1.实施方案').title, null);
});

test('a text without any recognisable metadata gives nulls, not guesses', () => {
  const m = extractDocumentMetadata('这是一段没有标题的说明文字，内容较长，不以文种结尾。\n第二段。');
  assert.deepEqual([m.docNo, m.writtenOn, m.issuer, m.note], [null, null, null, null]);
  assert.equal(m.title, null);
});
