// The search port's contract, run on the database createTestDatabase() gives: SQLite by default,
// PostgreSQL when GONGKAI_TEST_DATABASE_URL is set. The same assertions hold for both providers.
// This part: matching, ranking, filters, facets, paging and snippets (writes: search.writes.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestDatabase } from '../../../test/support/db.ts';
import type { SearchProvider, SearchQuery } from './index.ts';
import { docs, hostile, ids, indexedFixtures, interpretation, q } from './search.fixtures.ts';
import { ORG, visibleText, yichangDoc } from './search.testkit.ts';

describe('search provider contract: finding', () => {
  let tdb: TestDatabase;
  let search: SearchProvider;

  before(async () => {
    ({ tdb, search } = await indexedFixtures());
  });
  after(async () => tdb?.dispose());

  test('a word from one body finds that document only, with a marked snippet', async () => {
    const r = await search.search(q('中药材'));
    assert.deepEqual(ids(r), ['zhongyiyao']);
    assert.equal(r.total, 1);
    assert.match(r.items[0]!.snippet, /<mark>中药材<\/mark>/);
    assert.ok(visibleText(r.items[0]!.snippet).length <= 160);
  });

  test('a title hit outranks many body hits; body hits follow newest first', async () => {
    // 管道 appears 21 times in the body of 驻马店市燃气管理条例, 6 times in 济南's, and only in the title here.
    const body = yichangDoc({ id: 'x' }).body.slice(0, 1500);
    assert.ok(!body.includes('管道'));
    await search.upsert({
      ...interpretation,
      id: 'pipes',
      kind: 'qa',
      orgId: ORG.other.id,
      orgPath: ORG.other.path,
      title: '燃气管道安全管理问答',
      body,
    });
    try {
      const r = await search.search(q('管道', { orgRoots: [ORG.city.path, ORG.other.path] }));
      assert.equal(ids(r)[0], 'pipes');
      // Body-only hits follow, newest published first, however often they hold the word.
      const rest = r.items.slice(1);
      assert.ok(['zhumadian', 'jinan'].every((id) => ids(r).includes(id)), ids(r).join());
      assert.deepEqual(
        rest.map((i) => i.publishedAt),
        rest.map((i) => i.publishedAt).sort((a, b) => b.localeCompare(a)),
      );
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
    assert.deepEqual(all.facets.validity, [
      { value: '有效', count: 4 },
      { value: '失效', count: 2 },
    ]);
    assert.deepEqual(
      all.facets.year.map((f) => f.value),
      ['2022', '2021', '2020', '2014', '2003', '1999'],
    );
    assert.deepEqual(all.facets.topic[0], { value: '城乡建设、环境保护\\城乡建设（含住房）', count: 2 });
    for (const facet of ['topic', 'genre', 'year', 'validity'] as const) {
      assert.equal(
        all.facets[facet].reduce((n, f) => n + f.count, 0),
        6,
        facet,
      );
      for (const f of all.facets[facet]) {
        const value = facet === 'year' ? Number(f.value) : f.value;
        assert.equal((await search.search(q('条例', { kind: 'document', [facet]: value }))).total, f.count, `${facet}=${f.value}`);
      }
    }
  });

  test('the subtree filter keeps an organisation and its children and excludes siblings', async () => {
    assert.deepEqual(ids(await search.search(q('条例', { orgRoots: [ORG.a.path] }))).sort(), ['dibao', 'jinan']);
    assert.deepEqual(ids(await search.search(q('条例', { orgRoots: [ORG.ab.path, ORG.b.path] }))).sort(), [
      'jiaozuo',
      'zhongyiyao',
      'zhumadian',
    ]);
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
    for (const text of [
      '',
      '   ',
      '，。！？',
      '"',
      "'",
      '*',
      '(',
      'NEAR(燃气 管理',
      '燃气" OR "x',
      "燃气' | '!",
      '^燃气',
      'title_tokens:燃气',
      '燃气 AND NOT',
    ]) {
      const r = await search.search(q(text));
      assert.ok(r.total >= 0 && Array.isArray(r.items), text);
    }
    assert.deepEqual(await search.search(q('，。')), {
      total: 0,
      totalIsEstimate: false,
      items: [],
      facets: { topic: [], genre: [], year: [], validity: [], kind: [] },
    });
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
});
