// The search port's contract, run on the database createTestDatabase() gives: SQLite by default,
// PostgreSQL when GONGKAI_TEST_DATABASE_URL is set. The same assertions hold for both providers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Converter } from 'opencc-js/cn2t';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createSearchProvider, type SearchDoc, type SearchProvider, type SearchQuery } from './index.ts';
import { ORG, lawDoc, visibleText, yichangDoc } from './search.testkit.ts';

const toTaiwan = Converter({ from: 'cn', to: 'tw' });

const docs: SearchDoc[] = [
  lawDoc('济南市燃气管理条例(2014-01-05).md', ORG.a, { id: 'jinan', topic: '城乡建设、环境保护\\城乡建设（含住房）', docNo: '济南市人民代表大会常务委员会公告第42号' }),
  lawDoc('驻马店市燃气管理条例(2020-06-29).md', ORG.b, { id: 'zhumadian', topic: '城乡建设、环境保护\\城乡建设（含住房）' }),
  lawDoc('汕头经济特区消防条例(2022-12-30).md', ORG.city, { id: 'shantou', topic: '公安、安全、司法\\公安' }),
  lawDoc('城市居民最低生活保障条例(1999-09-28).md', ORG.a, { id: 'dibao', topic: '民政、扶贫、救灾\\社会福利', validity: '失效' }),
  lawDoc('中医药条例(2003-04-07).md', ORG.ab, { id: 'zhongyiyao', topic: '卫生、体育\\医药管理', validity: '失效', docNo: '国务院令第374号' }),
  lawDoc('焦作市公园管理条例(2021-08-25).md', ORG.b, { id: 'jiaozuo', topic: '城乡建设、环境保护\\城市规划' }),
  yichangDoc({ id: 'yichang', docNo: '宜府办发〔2023〕5号', indexNo: '11420500MB1234567X/2023-00005' }),
];
const interpretation: SearchDoc = {
  ...yichangDoc({ id: 'yichang-jd', kind: 'interpretation', genre: '解读', docNo: null }),
  title: '一图读懂《2023年宜昌市政务公开工作要点》',
  body: yichangDoc({ id: 'x' }).body.slice(0, 600),
  publishedAt: '2023-04-18T08:00:00.000Z',
};
// Traditional characters in the stored text; found by simplified queries.
const hongKongNotice: SearchDoc = { ...lawDoc('中医药条例(2003-04-07).md', ORG.other, { id: 'traditional', kind: 'qa' }), title: '中醫藥服務問答' };
hongKongNotice.body = toTaiwan(hongKongNotice.body.slice(0, 2000));
const hostile: SearchDoc = {
  ...lawDoc('济南市燃气管理条例(2014-01-05).md', ORG.other, { id: 'hostile', kind: 'qa' }),
  title: '<script>alert(1)</script>燃气安全问答',
  body: '<script>alert("燃气")</script> <img src=x onerror=alert(1)> 燃气 & 用气安全，请勿私自改装燃气管道。',
};

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, page: 1, size: 50, ...extra });

describe('search provider contract', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;

  before(async () => {
    tdb = await createTestDatabase();
    search = createSearchProvider(tdb.database);
    for (const d of [...docs, interpretation, hongKongNotice, hostile]) await search.upsert(d);
  });
  after(async () => tdb?.dispose());

  test('a word from one body finds that document only, with a marked snippet', async () => {
    const r = await search.search(q('中药材'));
    assert.deepEqual(ids(r), ['zhongyiyao']);
    assert.equal(r.total, 1);
    assert.match(r.items[0]!.snippet, /<mark>中药材<\/mark>/);
    assert.ok(visibleText(r.items[0]!.snippet).length <= 160);
  });

  test('a title hit outranks many body hits', async () => {
    // 管道 appears 21 times in the body of 驻马店市燃气管理条例, 6 times in 济南's, and only in the title here.
    const body = yichangDoc({ id: 'x' }).body.slice(0, 1500);
    assert.ok(!body.includes('管道'));
    await search.upsert({ ...interpretation, id: 'pipes', kind: 'qa', orgId: ORG.other.id, orgPath: ORG.other.path, title: '燃气管道安全管理问答', body });
    try {
      const r = await search.search(q('管道', { orgRoots: [ORG.city.path, ORG.other.path] }));
      assert.deepEqual(ids(r).slice(0, 3), ['pipes', 'zhumadian', 'jinan']);
    } finally {
      await search.remove('pipes', 2);
    }
  });

  test('title hits rank above body-only hits', async () => {
    const r = await search.search(q('燃气', { orgRoots: [ORG.city.path] }));
    const titled = ['jinan', 'zhumadian'];
    assert.deepEqual(new Set(ids(r).slice(0, 2)), new Set(titled));
    const bodyOnly = ids(r).slice(2);
    assert.ok(bodyOnly.includes('shantou') && bodyOnly.includes('dibao'), ids(r).join());
    for (const id of bodyOnly) assert.ok(!docs.find((d) => d.id === id)!.title.includes('燃气'));
    for (const item of r.items) assert.match(item.snippet, /<mark>燃气<\/mark>/, item.id);
    assert.match(r.items[0]!.titleHtml, /<mark>燃气<\/mark>/);
  });

  test('traditional-character queries find simplified text, and simplified queries find traditional text', async () => {
    assert.deepEqual(ids(await search.search(q('中醫藥條例', { kind: 'document' }))), ['zhongyiyao']);
    const r = await search.search(q('中医药服务', { kind: 'qa' }));
    assert.deepEqual(ids(r), ['traditional']);
    assert.match(r.items[0]!.titleHtml, /<mark>中醫藥服務<\/mark>問答/);
    assert.match(r.items[0]!.snippet, /<mark>中醫藥<\/mark>/);
  });

  test('pinyin initials of a title find it', async () => {
    assert.deepEqual(new Set(ids(await search.search(q('zwgk')))), new Set(['yichang', 'yichang-jd']));
    assert.deepEqual(ids(await search.search(q('ZYYTL'))), ['zhongyiyao']);
    assert.deepEqual(ids(await search.search(q('rqgltl', { orgRoots: [ORG.city.path] }))).sort(), ['jinan', 'zhumadian']);
  });

  test('a one-character query finds titles containing the character', async () => {
    const r = await search.search(q('园'));
    assert.ok(ids(r).includes('jiaozuo'), ids(r).join());
  });

  test('filters narrow the result and facets count the filtered match set', async () => {
    assert.deepEqual(ids(await search.search(q('条例', { year: 2014 }))), ['jinan']);
    assert.deepEqual(ids(await search.search(q('条例', { validity: '失效' }))).sort(), ['dibao', 'zhongyiyao']);
    assert.deepEqual(ids(await search.search(q('政务公开', { kind: 'interpretation' }))), ['yichang-jd']);
    assert.deepEqual(ids(await search.search(q('政务公开', { genre: '通知' }))), ['yichang']);
    assert.deepEqual(ids(await search.search(q('条例', { topic: '公安、安全、司法\\公安' }))), ['shantou']);

    const all = await search.search(q('条例', { kind: 'document' }));
    assert.equal(all.total, 6);
    assert.deepEqual(all.facets.kind, [{ value: 'document', count: 6 }]);
    assert.deepEqual(all.facets.validity, [{ value: '有效', count: 4 }, { value: '失效', count: 2 }]);
    assert.deepEqual(all.facets.year.map((f) => f.value), ['2022', '2021', '2020', '2014', '2003', '1999']);
    assert.deepEqual(all.facets.topic[0], { value: '城乡建设、环境保护\\城乡建设（含住房）', count: 2 });
    for (const facet of ['topic', 'genre', 'year', 'validity'] as const) {
      assert.equal(all.facets[facet].reduce((n, f) => n + f.count, 0), 6, facet);
      for (const f of all.facets[facet]) {
        const value = facet === 'year' ? Number(f.value) : f.value;
        assert.equal((await search.search(q('条例', { kind: 'document', [facet]: value }))).total, f.count, `${facet}=${f.value}`);
      }
    }
  });

  test('the subtree filter keeps an organisation and its children and excludes siblings', async () => {
    assert.deepEqual(ids(await search.search(q('条例', { orgRoots: [ORG.a.path] }))).sort(), ['dibao', 'jinan']);
    assert.deepEqual(ids(await search.search(q('条例', { orgRoots: [ORG.ab.path, ORG.b.path] }))).sort(), ['jiaozuo', 'zhongyiyao', 'zhumadian']);
    assert.equal((await search.search(q('条例', { orgRoots: [ORG.city.path] }))).total, 6);
    assert.equal((await search.search(q('条例', { orgRoots: [] }))).total, 0);
  });

  test('paging: the same total on every page and every hit exactly once', async () => {
    const whole = await search.search(q('条例'));
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await search.search(q('条例', { page, size: 2 }));
      assert.equal(r.total, whole.total);
      assert.ok(r.items.length <= 2);
      seen.push(...ids(r));
    }
    assert.deepEqual(seen, ids(whole));
    assert.equal((await search.search(q('条例', { page: 99, size: 2 }))).items.length, 0);
  });

  test('snippets and titles are escaped: no markup from the text reaches the page', async () => {
    const r = await search.search(q('燃气', { orgRoots: [ORG.other.path] }));
    assert.deepEqual(ids(r), ['hostile']);
    const { snippet, titleHtml } = r.items[0]!;
    for (const html of [snippet, titleHtml]) {
      assert.doesNotMatch(html, /<script|<img/i);
      assert.match(html, /&lt;script&gt;/);
      assert.deepEqual(html.match(/<[^>]*>/g)?.filter((t) => t !== '<mark>' && t !== '</mark>') ?? [], []);
    }
    assert.match(snippet, /<mark>燃气<\/mark> &amp; 用气安全/);
  });

  test('queries that normalise to nothing and FTS syntax give results, not errors', async () => {
    for (const text of ['', '   ', '，。！？', '"', "'", '*', '(', 'NEAR(燃气 管理', '燃气" OR "x', "燃气' | '!", '^燃气', 'title_tokens:燃气', '燃气 AND NOT']) {
      const r = await search.search(q(text));
      assert.ok(r.total >= 0 && Array.isArray(r.items), text);
    }
    assert.deepEqual(await search.search(q('，。')), { total: 0, items: [], facets: { topic: [], genre: [], year: [], validity: [], kind: [] } });
    assert.ok((await search.search(q('燃气管理'.repeat(5000)))).total >= 0);
    const nulls = { topic: null, genre: null, year: null, validity: null, kind: null } as unknown as Partial<SearchQuery>;
    assert.equal((await search.search(q('中药材', nulls))).total, 1);
  });

  test('equal scores: newer first', async () => {
    const base = { ...hostile, orgId: ORG.other.id, orgPath: '/org-twins/', title: '燃气表检定问答', body: '燃气表应当定期检定。' };
    await search.upsert({ ...base, id: 'twin-old', publishedAt: '2020-01-01T00:00:00.000Z' });
    await search.upsert({ ...base, id: 'twin-new', publishedAt: '2024-01-01T00:00:00.000Z' });
    assert.deepEqual(ids(await search.search(q('燃气表', { orgRoots: ['/org-twins/'] }))), ['twin-new', 'twin-old']);
  });

  test('versions: a late upsert cannot resurrect removed content; a newer one can', async () => {
    const doc = { ...docs[3]!, id: 'versioned', orgPath: '/org-v/', title: '城市居民最低生活保障条例（修订草案）' };
    const found = async () => ids(await search.search(q('最低生活保障', { orgRoots: ['/org-v/'] })));
    await search.upsert({ ...doc, version: 1 });
    await search.upsert({ ...doc, version: 2, title: '城市居民最低生活保障条例（修订）' });
    await search.upsert({ ...doc, version: 1, title: '旧标题' });
    assert.match((await search.search(q('修订', { orgRoots: ['/org-v/'] }))).items[0]!.title, /（修订）/);
    await search.remove('versioned', 2);
    assert.deepEqual(await found(), []);
    await search.upsert({ ...doc, version: 1 });
    await search.upsert({ ...doc, version: 2 });
    assert.deepEqual(await found(), []);
    await search.upsert({ ...doc, version: 3 });
    assert.deepEqual(await found(), ['versioned']);
    // A removal that arrives before the upsert it follows still wins.
    await search.remove('early', 5);
    await search.upsert({ ...doc, id: 'early', version: 4 });
    assert.deepEqual(await found(), ['versioned']);
    await search.remove('versioned', 2); // older than the stored version 3: ignored
    assert.deepEqual(await found(), ['versioned']);
  });

  test('findByNumber: normalised 发文字号 or 索引号, live documents only', async () => {
    assert.deepEqual(await search.findByNumber('宜府办发[2023]05号'), { id: 'yichang', url: '/documents/yichang' });
    assert.deepEqual(await search.findByNumber(' 发文字号：宜府辦發（2023）第5号 '), { id: 'yichang', url: '/documents/yichang' });
    assert.equal((await search.findByNumber('国务院令第 374 号'))?.id, 'zhongyiyao');
    assert.equal((await search.findByNumber('11420500mb1234567x/2023-00005'))?.id, 'yichang');
    assert.equal(await search.findByNumber('宜府办发〔2023〕6号'), null);
    assert.equal(await search.findByNumber('  '), null);
    await search.upsert({ ...hostile, id: 'withdrawn', docNo: '宜府办函〔2022〕9号' });
    assert.equal((await search.findByNumber('宜府办函〔2022〕9号'))?.id, 'withdrawn');
    await search.remove('withdrawn', 2);
    assert.equal(await search.findByNumber('宜府办函〔2022〕9号'), null);
  });

  test('count counts searchable documents; clear empties the index', async () => {
    const before = await search.count();
    await search.upsert({ ...hostile, id: 'counted', version: 1 });
    assert.equal(await search.count(), before + 1);
    await search.remove('counted', 1);
    assert.equal(await search.count(), before);
    await search.clear();
    assert.equal(await search.count(), 0);
    assert.equal((await search.search(q('条例'))).total, 0);
    await search.upsert(docs[0]!);
    assert.deepEqual(ids(await search.search(q('燃气'))), ['jinan']);
  });
});
