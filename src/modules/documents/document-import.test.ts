import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { systemActor, type Actor } from '../../platform/authz/actor.ts';
import { rowCounts } from '../../platform/db/introspect.ts';
import { prepareImport, type ImportSource } from './import/index.ts';
import { addArticleAnchors, chineseNumeral, DocumentImporter, ImportError, importBody, textToHtml, type ImportOptions } from './document-import.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

const SAMPLES = sharedData('corpus/lawrefbook-samples');
const TCM = readFileSync(join(SAMPLES, '中医药条例(2003-04-07).md'), 'utf8');
const actor = systemActor('导入测试');

const prepare = (text: string, path = 'samples/中医药条例(2003-04-07).md') =>
  prepareImport({ path, kind: path.endsWith('.html') ? 'html' : 'markdown', buffer: Buffer.from(text, 'utf8') } as ImportSource);

test('numerals, Markdown and anchors: articles, chapters and sections get ids; text is escaped', () => {
  assert.deepEqual(['一', '十二', '二十', '一百零五', '一千二百三十四', '两百', '3', '条'].map(chineseNumeral), [1, 12, 20, 105, 1234, 200, 3, null]);
  const html = textToHtml('# 总标题\n\n## 第一章  总则\n\n第一条 <script>alert(1)</script> 为了**规范**。\n\n| 条文 | 罪名 |\n|---|---|\n| 第一条 | 甲 |\n\n#### 5.1 细目', 'markdown');
  assert.match(html, /^<h2>总标题<\/h2>\n<h2>第一章 {2}总则<\/h2>\n<p>第一条 &lt;script&gt;alert\(1\)&lt;\/script&gt; 为了<strong>规范<\/strong>。<\/p>/);
  assert.match(html, /<table><thead><tr><th>条文<\/th><th>罪名<\/th><\/tr><\/thead><tbody><tr><td>第一条<\/td><td>甲<\/td><\/tr><\/tbody><\/table>/);
  assert.match(html, /<h4>5\.1 细目<\/h4>$/);
  assert.equal(textToHtml('# 不是标题\n第二行 <b>', 'text'), '<p># 不是标题</p>\n<p>第二行 &lt;b&gt;</p>');

  const anchored = addArticleAnchors(
    '<h2>第一章 总则</h2><p>第一条 甲</p><p>第一百零五条　乙</p><p>第三条之二 丙</p><p>依照第三条规定</p><p>第四条规定的事项</p>' +
      '<h3>第二节 细则</h3><p><strong>第六条</strong> 丁</p><p>第一条 附件里的重复</p>',
  );
  assert.equal(
    anchored,
    '<h2 id="chap-1">第一章 总则</h2><p id="art-1">第一条 甲</p><p id="art-105">第一百零五条　乙</p><p id="art-3-2">第三条之二 丙</p>' +
      '<p>依照第三条规定</p><p>第四条规定的事项</p><h3 id="chap-1-sec-2">第二节 细则</h3><p id="art-6"><strong>第六条</strong> 丁</p><p>第一条 附件里的重复</p>',
  );
});

test('the body: lawrefbook Markdown becomes anchored HTML; HTML sources are sanitised and lose the repeated title', async () => {
  const md = importBody(await prepare(TCM));
  assert.match(md.html, /^<h2 id="chap-1">第一章 总则<\/h2>\n<p id="art-1">第一条 为了继承和发展中医药学/);
  assert.match(md.html, /<p id="art-39">第三十九条 本条例自2003年10月1日起施行。<\/p>$/);
  assert.ok(!md.html.includes('INFO END') && !md.text.includes('##'), 'header lines and Markdown marks are gone');
  assert.match(md.text, /^第一章 总则\n第一条 为了继承/);

  const page =
    '<html><head><title>宜昌市某办法</title></head><body><h1>宜昌市某办法</h1><p onclick="x()">第一条 为了规范。</p>' +
    '<script>alert(1)</script><p>第二条 本办法自发布之日起施行。</p></body></html>';
  const html = importBody(await prepare(page, 'x/page.html'));
  assert.equal(html.html, '<p id="art-1">第一条 为了规范。</p><p id="art-2">第二条 本办法自发布之日起施行。</p>');

  const empty = await prepare('# 只有标题\n\n<!-- INFO END -->\n');
  assert.throws(() => importBody(empty), (e: unknown) => e instanceof ImportError && e.message === '正文为空');
});

async function setup(t: TestContext) {
  const { services } = await buildTestApp(t);
  const admin = (await services.users.findByUsername('admin'))!;
  const org = (await services.organisations.tree(actor)).find((o) => o.name === '西陵区')!;
  const importer = new DocumentImporter(services.database.db, services.uow, services.organisations, services.workflow);
  const options: ImportOptions = { orgId: org.id, publish: true, dryRun: false, createdBy: admin.id };
  return { services, importer, options, org };
}

const counts = (s: TestApp['services']) => rowCounts(s.database);

test('a new source becomes a published document; the same content again is skipped without writing', async (t) => {
  const { services, importer, options, org } = await setup(t);
  const columns = await services.catalog.columns(org.id);
  const prepared = await prepare(TCM);
  const first = await importer.importOne(actor, { ...options, columnId: columns[1]!.id }, prepared);
  assert.equal(first.status, 'imported');
  const doc = await services.documents.getPublic(first.documentId);
  assert.equal(doc.edition.title, '中华人民共和国中医药条例');
  assert.equal(doc.edition.docNo, '中华人民共和国国务院令第374号');
  assert.deepEqual([doc.edition.writtenOn, doc.edition.effectiveFrom, doc.edition.publishedAt], ['2003-04-07', '2003-10-01', '2003-04-07T00:00:00.000Z']);
  assert.deepEqual([doc.edition.issuer, doc.edition.disclosure, doc.edition.version, doc.publicState], ['中华人民共和国国务院', 'proactive', '1.0', 'published']);
  assert.ok(doc.indexNo, '索引号 assigned on publication');
  assert.equal((await services.catalog.publishedIn(columns[1]!.id)).total, 1);
  const audit = await services.database.db.selectFrom('aud_log').selectAll().where('action', '=', 'document.import').execute();
  assert.equal(audit.length, 1);
  assert.match(audit[0]!.after!, /"sourceKey":"samples\/中医药条例\(2003-04-07\)\.md"/);

  const before = await counts(services);
  const again = await importer.importOne(actor, options, await prepare(`${TCM}\n\n`));
  assert.deepEqual(again, { status: 'skipped', documentId: first.documentId, warnings: [] });
  assert.deepEqual(await counts(services), before, 'whitespace does not change the hash; nothing is written');
});

test('changed content: a new minor edition, published over the old one; drafts people edited and withdrawals are respected', async (t) => {
  const { services, importer, options, org } = await setup(t);
  const { documentId } = await importer.importOne(actor, options, await prepare(TCM));
  const changed = await prepare(`${TCM}\n\n第五十四条 测试新增的条款。`);
  assert.equal((await importer.importOne(actor, options, changed)).status, 'updated');
  const doc = await services.documents.getPublic(documentId);
  assert.deepEqual([doc.edition.version, doc.edition.changeType, doc.edition.changeNote], ['1.1', 'minor', '批量导入更新']);
  assert.match(doc.edition.bodyHtml, /<p id="art-54">第五十四条 测试新增的条款。<\/p>$/);
  assert.deepEqual((await services.documents.changeLog(documentId)).map((e) => e.version), ['1.0', '1.1']);

  // Without --publish: a draft edition; an untouched draft is refreshed in place; an edited one is left alone.
  const draftOptions = { ...options, publish: false };
  assert.equal((await importer.importOne(actor, draftOptions, await prepare(`${TCM}\n\n第五十四条 第二稿。`))).status, 'updated');
  assert.equal((await importer.importOne(actor, draftOptions, await prepare(`${TCM}\n\n第五十四条 第三稿。`))).status, 'updated');
  const working = await services.documents.get(actor, documentId);
  assert.deepEqual([working.edition.version, working.edition.state], ['1.2', 'draft']);
  assert.match(working.edition.bodyHtml, /第三稿/);
  assert.match((await services.documents.getPublic(documentId)).edition.bodyHtml, /测试新增的条款/, 'the public still sees 1.1');
  await services.documents.update(actor, documentId, { summary: '编辑改过' });
  await assert.rejects(importer.importOne(actor, options, await prepare(`${TCM}\n\n第五十四条 第四稿。`)), /草稿已在系统中修改过/);

  const { documentId: other } = await importer.importOne(actor, options, await prepare(TCM, 'samples/copy.md'));
  // Withdrawing is a reviewer's act (the system actor may not): the administrator does it.
  const adminActor: Actor = { ...actor, kind: 'user', userId: options.createdBy!, grants: [{ id: 'g', role: 'sysadmin', orgId: org.id, orgPath: (await services.organisations.refs([org.id])).get(org.id)!.path }] };
  await services.workflow.act(adminActor, other, { action: 'withdraw', reason: '测试撤回' });
  await assert.rejects(importer.importOne(actor, options, await prepare(`${TCM}\n\n新内容`, 'samples/copy.md')), /文件已撤回/);
  assert.equal((await services.documents.getPublic(other)).publicState, 'withdrawn');
});

test('dry run rolls everything back; a shared 发文字号 is a warning; a creator is required', async (t) => {
  const { services, importer, options } = await setup(t);
  const before = await counts(services);
  const dry = await importer.importOne(actor, { ...options, dryRun: true }, await prepare(TCM));
  assert.equal(dry.status, 'imported');
  assert.deepEqual(await counts(services), before);

  await importer.importOne(actor, options, await prepare(TCM));
  const second = await importer.importOne(actor, options, await prepare(TCM.replace('第一条 为了', '第一条 为了修订'), 'samples/修订版.md'));
  assert.deepEqual([second.status, second.warnings], ['imported', ['发文字号 中华人民共和国国务院令第374号 在本机构已被其他文件使用']]);
  await assert.rejects(importer.importOne(actor, { ...options, createdBy: null }, await prepare(TCM, 'samples/x.md')), /createdBy/);
  const long = await prepare(`# ${'长'.repeat(301)}\n\n第一条 内容`, 'samples/long.md');
  await assert.rejects(importer.importOne(actor, options, long), /标题超过 300 个字符/);
});
