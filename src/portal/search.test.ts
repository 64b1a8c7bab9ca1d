// 站内搜索 page: real results from the search index, facet links, the exact-number redirect, drafts never shown,
// user text always escaped, bad parameters tolerated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../../test/support/app.ts';
import { buildUser, orgByName } from '../../test/support/factories.ts';
import { chineseDate, facetLabel, parseSearchParams, searchHref } from './search-params.ts';

test('search parameters: bad values fall back to defaults, long queries are cut, links keep the other filters', () => {
  const p = parseSearchParams({ q: `  ${'长'.repeat(150)}  `, year: 'abc', page: '0', validity: 'bogus', org: '../x', topic: ['1302', '1301'] });
  assert.equal([...p.q].length, 100);
  assert.equal(p.year, undefined);
  assert.equal(p.page, 1);
  assert.equal(p.validity, undefined);
  assert.equal(parseSearchParams({ q: 'a', kind: 'bogus' }).kind, undefined, 'a kind the index does not hold is no filter');
  assert.equal(parseSearchParams({ q: 'a', kind: 'constructor' }).kind, undefined);
  assert.equal(parseSearchParams({ q: 'a', validity: 'toString' }).validity, undefined);
  assert.equal(parseSearchParams({ q: 'a', kind: 'qa' }).kind, 'qa');
  assert.equal(p.org, undefined);
  assert.equal(p.topic, '1302', 'repeated parameters use the first');
  assert.equal(parseSearchParams({ q: 'a', page: '-3' }).page, 1);
  assert.equal(parseSearchParams({ q: 'a', page: '2.5' }).page, 1);
  assert.equal(parseSearchParams({ q: 'a', page: '99999' }).page, 1);
  assert.equal(parseSearchParams({ q: 'a', year: '2024', page: '3' }).year, 2024);

  const q = parseSearchParams({ q: '律师', year: '2024', kind: 'document', page: '3' });
  assert.equal(searchHref(q, { topic: '1302' }), '/search?q=%E5%BE%8B%E5%B8%88&topic=1302&year=2024&kind=document', 'adding a filter keeps the others, back to page 1');
  assert.equal(searchHref(q, { year: undefined }), '/search?q=%E5%BE%8B%E5%B8%88&kind=document');
  assert.equal(searchHref(q, { page: 2 }), '/search?q=%E5%BE%8B%E5%B8%88&year=2024&kind=document&page=2');
  assert.equal(facetLabel('validity', 'repealed'), '已废止');
  assert.equal(facetLabel('kind', 'interpretation'), '政策解读');
  assert.equal(facetLabel('year', '2024'), '2024年');
  assert.equal(facetLabel('genre', 'decision'), '决定');
  assert.equal(chineseDate('2024-03-01T18:00:00Z')?.text, '2024年3月2日');
});

test('the search page lists published documents with highlights, filters by facet links, redirects a full 发文字号, never shows drafts and escapes the query', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const dept = await orgByName(services, '宜昌市司法局');
  const user = async (role: string) => {
    const u = await buildUser(services, dept.id, [{ role, orgId: dept.id }]);
    return login(u.username, u.password);
  };
  const editor = await user('editor');
  const reviewer = await user('reviewer');
  const create = async (payload: object) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, ...payload } });
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as { id: string; slug: string };
  };
  const act = async (id: string, action: string) => {
    const r = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: action === 'submit' ? editor : reviewer, payload: { action } });
    assert.equal(r.statusCode, 200, r.body);
  };
  const publish = async (id: string) => {
    for (const action of ['submit', 'approve', 'publish']) await act(id, action);
  };

  const policy = await create({ title: '宜昌市支持律师事务所发展的若干措施', bodyHtml: '<p>为促进法律服务业高质量发展，制定本措施。</p>', docNo: '宜司规〔2024〕3号', genre: 'decision' });
  const reading = await create({ title: '《支持律师事务所发展的若干措施》政策解读', kind: 'interpretation', bodyHtml: '<p>解读法律服务业措施。</p>' });
  const draft = await create({ title: '律师事务所内部草稿', bodyHtml: '<p>法律服务业 草稿</p>' });
  await publish(policy.id);
  await publish(reading.id);
  await services.outbox.idle();

  const get = (url: string) => app.inject(url);
  const page = async (url: string) => {
    const r = await get(url);
    assert.equal(r.statusCode, 200, `${url}: ${r.statusCode}`);
    return mainOf(r.body);
  };
  const q = (s: string) => encodeURIComponent(s);

  const html = await page(`/search?q=${q('律师事务所')}`);
  assert.match(html, /共找到 2 条结果/);
  assert.match(html, /<mark>律师<\/mark>|<mark>律师事务所<\/mark>|<mark>事务所<\/mark>/, 'matches are highlighted');
  assert.match(html, /宜司规〔2024〕3号/);
  assert.match(html, /宜昌市司法局/, 'the organisation is named');
  assert.match(html, /\d{4}年\d{1,2}月\d{1,2}日/, 'dates as 年月日');
  assert.match(html, />政策解读</);
  assert.ok(!html.includes('内部草稿'), 'drafts are never listed');
  assert.ok(!html.includes(draft.id));
  assert.match(html, /机构目录中的匹配结果/, 'the directory matches stay');

  // Facet links add a filter and keep the query; the filtered page offers a 清除 link.
  const kindLink = html.match(/href="(\/search\?[^"]*kind=interpretation[^"]*)"/)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(kindLink, 'a kind facet link');
  assert.match(kindLink, /q=%E5%BE%8B/);
  const filtered = await page(kindLink);
  assert.match(filtered, /共找到 1 条结果/);
  assert.match(filtered, /政策解读<\/a>|政策解读/);
  assert.ok(!filtered.includes('宜司规〔2024〕3号'), 'the filter narrows the list');
  assert.match(filtered, /清除/);
  assert.match(filtered, /aria-current="true"/, 'the chosen facet value is marked');

  const genreLink = html.match(/href="(\/search\?[^"]*genre=decision[^"]*)"/)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(genreLink, 'a genre facet link');
  assert.match(await page(genreLink), /共找到 1 条结果/);

  // Organisation select; an unknown organisation id is ignored.
  const full = (await get(`/search?q=${q('律师事务所')}`)).body;
  assert.match(full, new RegExp(`<option value="${dept.id}">[^<]*(<!-- -->)?宜昌市司法局</option>`));
  assert.match(await page(`/search?q=${q('律师事务所')}&org=${dept.id}`), /共找到 2 条结果/);
  assert.match(await page(`/search?q=${q('律师事务所')}&org=no-such-org`), /共找到 2 条结果/);

  // A full 发文字号 goes straight to the document, unless filters narrow the search.
  const exact = await get(`/search?q=${q('宜司规〔2024〕3号')}`);
  assert.equal(exact.statusCode, 302);
  assert.match(exact.headers.location as string, new RegExp(policy.slug ?? policy.id));
  assert.equal((await get(`/search?q=${q('宜司规〔2024〕3号')}&kind=interpretation`)).statusCode, 200);

  // User text is escaped everywhere.
  const hostile = await page(`/search?q=${q('<script>alert(1)</script>律师')}`);
  assert.ok(!hostile.includes('<script>alert(1)'), 'the query is never raw HTML');
  assert.match(hostile, /&lt;script&gt;/);

  // Bad parameters fall back to defaults; an empty result has a clear message.
  assert.match(await page(`/search?q=${q('律师事务所')}&year=abc&page=0&validity=%3Cx%3E`), /共找到 2 条结果/);
  const none = await page(`/search?q=${q('完全不存在的词语组合')}`);
  assert.match(none, /共找到 0 条结果/);
  assert.match(none, /没有找到与“完全不存在的词语组合”相关的信息/);
  assert.match(await page('/search'), /请输入关键词后搜索/);
});

test('search results page 20 at a time with a pagination nav', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const dept = await orgByName(services, '宜昌市司法局');
  const [e, r] = await Promise.all(['editor', 'reviewer'].map((role) => buildUser(services, dept.id, [{ role, orgId: dept.id }])));
  const editor = await login(e!.username, e!.password);
  const reviewer = await login(r!.username, r!.password);
  for (let i = 1; i <= 23; i++) {
    const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: editor, payload: { organisationId: dept.id, title: `行政处罚决定公示第${i}号`, bodyHtml: '<p>行政处罚。</p>' } })).json();
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: action === 'submit' ? editor : reviewer, payload: { action } });
      assert.equal(res.statusCode, 200, res.body);
    }
  }
  await services.outbox.idle();
  const first = mainOf((await app.inject(`/search?q=${encodeURIComponent('行政处罚')}`)).body);
  assert.match(first, /共找到 23 条结果/);
  assert.equal(first.match(/class="search-item"/g)?.length, 20);
  assert.match(first, /<nav class="pagination" aria-label="搜索结果分页">/);
  const second = mainOf((await app.inject(`/search?q=${encodeURIComponent('行政处罚')}&page=2`)).body);
  assert.equal(second.match(/class="search-item"/g)?.length, 3);
  assert.match(second, /<ol class="search-list" start="21">/);
  assert.match(second, /aria-current="page"[^>]*>2</);
});

/** The page's <main>, without the long organisation select, so failures stay readable. */
function mainOf(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main.replace(/<select[\s\S]*?<\/select>/g, '<select>…</select>');
}
