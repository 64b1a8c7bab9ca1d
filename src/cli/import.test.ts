import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSource } from '../modules/documents/import/index.ts';
import { minimalDocx } from '../platform/files/test-fixtures.ts';
import { cli, counts, newInstance, noStack, seed, withServices, type Instance } from './cli.testkit.ts';
import { importSourceKey } from './import.ts';
import { cliActor } from './io.ts';
import { sharedData } from '../../test/support/shared-data.ts';

const CORPUS = sharedData('corpus');
const SAMPLES = join(CORPUS, 'lawrefbook-samples');
const TCM = '中医药条例(2003-04-07).md';

async function instance(t: TestContext): Promise<Instance> {
  const made = await newInstance();
  t.after(() => made.dispose());
  await seed(made);
  return made;
}

/** The document imported from a source key, as the public sees it. */
const publicDoc = (inst: Instance, sourceKey: string) =>
  withServices(inst, async (s) => {
    const row = await s.database.db.selectFrom('doc_document').select('id').where('source_key', '=', sourceKey).executeTakeFirstOrThrow();
    return s.documents.getPublic(row.id);
  });

test('source keys do not depend on the working directory', () => {
  const source = (path: string, extra: Partial<ImportSource> = {}) =>
    ({ path, kind: 'markdown', buffer: Buffer.alloc(0), ...extra }) as ImportSource;
  assert.equal(importSourceKey('/a/samples', source('/a/samples/sub/x.md')), 'samples/sub/x.md');
  assert.equal(importSourceKey('/a/samples/sub/x.md', source('/a/samples/sub/x.md')), 'sub/x.md');
  const line = { kind: 'jsonl' as const, line: 7 };
  assert.equal(
    importSourceKey('/c/laws.jsonl.gz', source('/c/laws.jsonl.gz', { ...line, record: { path: '法律/民法典.md' } })),
    'c/laws.jsonl#法律/民法典.md',
  );
  assert.equal(importSourceKey('/c/laws.jsonl', source('/c/laws.jsonl', { ...line, record: {} })), 'c/laws.jsonl#line 7');
});

test('the 39 lawrefbook samples import published into a column; running again changes nothing', async (t) => {
  const inst = await instance(t);
  const columnId = await withServices(inst, async (s) => {
    const org = (await s.organisations.tree(cliActor())).find((o) => o.divisionCode === '420500')!;
    return (await s.catalog.columns(org.id))[1]!.id;
  });
  const first = await cli(inst, ['import', SAMPLES, '--org', '420500', '--column', columnId, '--publish']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /^导入完成：新增 39，更新 0，未变 0，失败 0/);
  assert.ok(first.out.split('\n').includes('imported 39, updated 0, skipped 0, failed 0'), first.out);
  assert.match(first.err, /导入：39\/39/);

  const doc = await publicDoc(inst, `lawrefbook-samples/${TCM}`);
  assert.deepEqual(
    [
      doc.organisationName,
      doc.publicState,
      doc.edition.title,
      doc.edition.docNo,
      doc.edition.writtenOn,
      doc.edition.effectiveFrom,
      doc.edition.publishedAt,
    ],
    [
      '宜昌市',
      'published',
      '中华人民共和国中医药条例',
      '中华人民共和国国务院令第374号',
      '2003-04-07',
      '2003-10-01',
      '2003-04-07T00:00:00.000Z',
    ],
  );
  assert.match(doc.edition.bodyHtml, /<p id="art-1">第一条 为了继承和发展中医药学/);
  const court = await publicDoc(
    inst,
    'lawrefbook-samples/最高人民法院关于审理建设工程施工合同纠纷案件适用法律问题的解释（一）(2020-12-29).md',
  );
  assert.deepEqual(
    [court.edition.issuer, court.edition.writtenOn, court.edition.effectiveFrom],
    ['最高人民法院', '2020-12-25', '2021-01-01'],
  );
  const listed = await withServices(inst, async (s) => [
    (await s.documents.listPublic({ organisationId: doc.organisationId })).total,
    (await s.catalog.publishedIn(columnId)).total,
  ]);
  assert.deepEqual(listed, [39, 39]);

  const before = await counts(inst);
  const again = await cli(inst, ['import', SAMPLES, '--org', '420500', '--column', columnId, '--publish']);
  assert.equal(again.code, 0, again.err);
  assert.ok(again.out.includes('\nimported 0, updated 0, skipped 39, failed 0\n'), again.out);
  assert.deepEqual(await counts(inst), before, 'not even an audit row');
});

test('a sample of the JSONL corpus (read gzipped) imports, is idempotent, and --limit extends it', async (t) => {
  const inst = await instance(t);
  const gz = join(CORPUS, 'lawrefbook.jsonl.gz');
  const first = await cli(inst, ['import', gz, '--org', '420500', '--publish', '--limit', '200']);
  assert.equal(first.code, 0, first.err);
  assert.ok(first.out.includes('imported 200, updated 0, skipped 0, failed 0'), first.out);
  assert.match(first.err, /导入：200\/200/);
  const doc = await publicDoc(inst, 'corpus/lawrefbook.jsonl#DLC/上海地方法规/地方性法规/上海/上海口岸服务条例(2020-05-14).md');
  assert.deepEqual(
    [doc.edition.title, doc.edition.writtenOn, doc.edition.issuer],
    ['上海口岸服务条例', '2020-05-14', '上海市人民代表大会常务委员会'],
  );
  assert.match(doc.edition.bodyHtml, /^<h2 id="chap-1">第一章 {2}总则<\/h2>\n<p id="art-1">第一条 为了规范口岸开放/);

  const before = await counts(inst);
  const again = await cli(inst, ['import', gz, '--org', '420500', '--publish', '--limit', '200']);
  assert.ok(again.out.includes('imported 0, updated 0, skipped 200, failed 0'), again.out);
  assert.deepEqual(await counts(inst), before);
  const more = await cli(inst, ['import', gz, '--org', '420500', '--publish', '--limit', '230']);
  assert.ok(more.out.includes('imported 30, updated 0, skipped 200, failed 0'), more.out);
});

test('bad files are reported with their reasons while the others import', async (t) => {
  const inst = await instance(t);
  const dir = join(inst.dir, 'mixed');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  cpSync(join(SAMPLES, TCM), join(dir, TCM));
  writeFileSync(join(dir, 'fake.pdf'), '<html><body><p>第一条 这其实是网页</p></body></html>');
  writeFileSync(join(dir, 'sub', 'empty.docx'), '');
  writeFileSync(join(dir, 'sub', 'table.xlsx'), 'a,b\n1,2\n');
  writeFileSync(
    join(dir, 'sub', '宜昌市某办法.docx'),
    minimalDocx([
      ['Heading1', '宜昌市某办法'],
      ['', '第一条 为了规范管理，制定本办法。'],
      ['', '第二条 本办法自发布之日起施行。'],
    ]),
  );
  const record = (title: string, body: string) => JSON.stringify({ path: `x/${title}.md`, title, date: '2020-01-01', info: [], body });
  writeFileSync(join(dir, 'records.jsonl'), [record('甲条例', '第一条 甲。'), '{not json', record('空条例', '')].join('\n'));

  const run = await cli(inst, ['import', dir, '--org', '420502', '--publish']);
  assert.equal(run.code, 2, 'finished with failures');
  assert.ok(run.out.includes('\nimported 3, updated 0, skipped 0, failed 5\n'), run.out);
  const reportPath = /失败报告：(.+)/.exec(run.out)![1]!.trim();
  assert.ok(reportPath.startsWith(join(inst.env.GONGKAI_DATA_DIR!, 'import-reports')), reportPath);
  assert.match(run.err, /有 5 项导入失败，原因见失败报告：/);
  assert.ok(noStack(run.err), run.err);
  const report = readFileSync(reportPath, 'utf8');
  const reasons = Object.fromEntries(
    report
      .split('\n')
      .filter((l) => l.startsWith(dir))
      .map((l) => [l.slice(dir.length + 1).split('\t')[0], l.split('\t')[1]]),
  );
  assert.deepEqual(Object.keys(reasons).sort(), ['fake.pdf', 'records.jsonl:2', 'records.jsonl:3', 'sub/empty.docx', 'sub/table.xlsx']);
  assert.match(reasons['records.jsonl:2']!, /invalid JSON/);
  assert.equal(reasons['records.jsonl:3'], '正文为空');
  assert.match(reasons['sub/table.xlsx']!, /xlsx/);
  for (const reason of Object.values(reasons)) assert.ok(reason && reason.length >= 4, report);

  const docx = await publicDoc(inst, 'mixed/sub/宜昌市某办法.docx');
  assert.equal(docx.edition.title, '宜昌市某办法');
  assert.match(docx.edition.bodyHtml, /<p id="art-2">第二条 本办法自发布之日起施行。<\/p>/);
  assert.equal((await publicDoc(inst, 'mixed/records.jsonl#x/甲条例.md')).organisationName, '西陵区');
});

test('a changed file becomes a new edition; --dry-run writes nothing; mistakes are explained', async (t) => {
  const inst = await instance(t);
  const dir = join(inst.dir, 'docs');
  mkdirSync(dir);
  cpSync(join(SAMPLES, TCM), join(dir, TCM));
  const department = await withServices(inst, (s) =>
    s.database.db.selectFrom('iam_org').select('id').where('division_code', 'is', null).orderBy('name').executeTakeFirstOrThrow(),
  );

  const before = await counts(inst);
  const dry = await cli(inst, ['import', SAMPLES, '--org', department.id, '--publish', '--dry-run']);
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /^试运行完成（未写入数据库），将新增 39/);
  assert.ok(dry.out.includes('imported 39, updated 0, skipped 0, failed 0'), dry.out);
  assert.deepEqual(await counts(inst), before, 'row counts unchanged');

  assert.ok(
    (await cli(inst, ['import', dir, '--org', department.id, '--publish'])).out.includes('imported 1, updated 0, skipped 0, failed 0'),
  );
  writeFileSync(join(dir, TCM), `${readFileSync(join(dir, TCM), 'utf8')}\n第四十条 测试新增的条款。\n`);
  const changed = await cli(inst, ['import', dir, '--org', department.id, '--publish']);
  assert.ok(changed.out.includes('imported 0, updated 1, skipped 0, failed 0'), changed.out);
  const doc = await publicDoc(inst, `docs/${TCM}`);
  assert.deepEqual([doc.edition.version, doc.edition.changeNote], ['1.1', '批量导入更新']);
  assert.match(doc.edition.bodyHtml, /<p id="art-40">第四十条 测试新增的条款。<\/p>$/);

  const mistakes: [string[], RegExp][] = [
    [['import', dir, '--org', '999999'], /机构 999999 不存在/],
    [['import', join(dir, 'missing'), '--org', '420500'], /路径不存在/],
    [['import', dir, '--org', '420500', '--column', 'nope'], /栏目 nope 不存在或不属于宜昌市/],
    [['import', dir, '--org', '420500', '--user', 'nobody'], /用户 nobody 不存在或已停用/],
    [['import', dir, '--org', '420500', '--limit', '0'], /须为正整数/],
  ];
  for (const [args, message] of mistakes) {
    const run = await cli(inst, args);
    assert.equal(run.code, 1, args.join(' '));
    assert.match(run.err, message);
    assert.ok(noStack(run.err), run.err);
  }
});

test('importing into a database that was migrated but never started says to start it once', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  assert.equal((await cli(inst, ['migrate'])).code, 0);
  const run = await cli(inst, ['import', SAMPLES, '--org', '420502']);
  assert.equal(run.code, 1);
  assert.match(run.err, /还没有任何机构：请先运行一次 gongkai serve（npm start）完成首次启动/);
  assert.ok(noStack(run.err), run.err);
  // Nothing was imported on the way.
  assert.equal((await counts(inst)).doc_document ?? 0, 0);
});
