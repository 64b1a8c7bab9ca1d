// The publishing pages over HTTP, on a site built through the API: document metadata, links, banners, 410/404,
// column paging, the 政府信息公开 home and the normative library's validity filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../../test/support/app.ts';
import { seedPublishingSite, SMALL_DIVISIONS } from './testing/site.ts';

/** The visible text of an HTML fragment, tags and React's text separators removed, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** `label value` pairs of the metadata block. */
function metadata(html: string): Record<string, string> {
  const rows = [...html.matchAll(/<div class="meta-row[^"]*"><dt>(.*?)<\/dt><dd>(.*?)<\/dd><\/div>/g)];
  return Object.fromEntries(rows.map((m) => [text(m[1]!).trim(), text(m[2]!).trim()]));
}

test('publishing pages', async (t) => {
  const testApp = await buildTestApp(t, SMALL_DIVISIONS);
  const site = await seedPublishingSite(testApp, { bulk: 22 });
  const get = (url: string) => testApp.app.inject({ url, headers: { accept: 'text/html' } });

  await t.test('a document page shows the metadata table, body, 附注, links, version and a canonical URL', async () => {
    const res = await get(`/documents/${site.policy.slug}`);
    assert.equal(res.statusCode, 200);
    const meta = metadata(res.body);
    assert.match(meta['索引号']!, /^.+\/\d{4}-00001$/);
    assert.equal(meta['主题分类'], '综合政务\\政务公开');
    assert.equal(meta['体裁'], '通知');
    assert.equal(meta['发布机构'], '宜昌市司法局');
    assert.equal(meta['发文字号'], '宜司规〔2024〕1号');
    assert.equal(meta['成文日期'], '2024-03-01');
    assert.match(meta['发布日期']!, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(meta['实施日期'], '2024-04-01');
    assert.equal(meta['有效性'], '有效');
    assert.equal(meta['公开方式'], '主动公开');
    assert.equal(meta['关键词'], '行政执法；公示');
    assert.equal(meta['内容概述'], '规范全市行政执法公示的内容、程序和监督。');
    assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1, 'the body headings move below the title');
    assert.match(res.body, /<h2>第一章 总则<\/h2>/);
    assert.match(text(main(res.body)), /（此件公开发布）/);
    assert.match(res.body, new RegExp(`<link rel="canonical" href="http://localhost/documents/${site.policy.slug}"/>`));
    assert.match(res.body, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/organisations\/[^"]+\/feed\.atom"\/>/);
    assert.match(text(res.body), /相关解读 《行政执法公示办法》政策解读/);
    assert.match(text(res.body), /当前版本： 1\.0/);
    assert.doesNotMatch(res.body, /data-banner/, 'a document in force has no banner');
  });

  await t.test('a revised document shows its version, change note and 更新记录', async () => {
    const page = text(main((await get(`/documents/${site.revised.id}`)).body));
    assert.match(page, /当前版本： 2\.0 ；更新说明：增加法律援助事项/);
    assert.match(page, /版本 1\.0， ?\d{4}-\d{2}-\d{2} 发布：首次发布 版本 2\.0， ?\d{4}-\d{2}-\d{2} 发布：增加法律援助事项/);
    assert.match(page, /宜昌市公共法律服务事项清单 /);
  });

  await t.test('policy and interpretation link both ways', async () => {
    const reading = await get(`/documents/${site.reading.id}`);
    assert.match(reading.body, new RegExp(`<h3 id="link-group-0">解读</h3><ul[^>]*><li><a href="/documents/${site.policy.id}"`));
    const policy = await get(`/documents/${site.policy.id}`);
    assert.match(policy.body, new RegExp(`<h3 id="link-group-0">相关解读</h3><ul[^>]*><li><a href="/documents/${site.reading.id}"`));
  });

  await t.test('a repeal by a later document marks the original page and the library leaves it out by default', async () => {
    const page = await get(`/documents/${site.repealed.id}`);
    assert.match(page.body, /data-banner="validity" data-status="repealed"/);
    assert.match(text(page.body), /效力提示： 本文件已于2024年6月1日被.*废止/);
    assert.equal(metadata(page.body)['有效性'], '已废止');
    assert.equal(metadata(page.body)['废止日期'], '2024-06-01');
    assert.match(text(page.body), /被废止 宜昌市司法局关于废止/);
    const expired = await get(`/documents/${site.expired.id}`);
    assert.match(expired.body, /data-status="expired"/);

    const library = text(main((await get('/normative')).body));
    assert.match(library, /行政执法公示办法/);
    assert.match(library, /夷陵区人民政府关于加强村级公益事业建设的意见/);
    assert.doesNotMatch(library, /证件管理办法|法律援助补贴暂行办法/);
    assert.match(library, /现行有效的文件共 2 件/);
    const all = text(main((await get('/normative?status=all')).body));
    assert.match(all, /宜昌市行政执法证件管理办法 宜司规〔2020〕2号 宜昌市司法局 \S+ 已废止/);
    assert.match(all, /宜昌市法律援助补贴暂行办法 — 宜昌市司法局 \S+ 已失效/);
    const repealedOnly = text(main((await get('/normative?status=repealed')).body));
    assert.match(repealedOnly, /已废止的文件共 1 件/);
    const county = text(main((await get(`/normative?org=${site.countyId}`)).body));
    assert.match(county, /夷陵区（含下级机构）的文件共 1 件/);
    assert.doesNotMatch(county, /行政执法公示办法/);
    const unknownFilters = await get('/normative?status=%3Cx%3E&org=nope&page=abc');
    assert.equal(unknownFilters.statusCode, 200, 'bad filter values fall back to the defaults');
  });

  await t.test('a withdrawn document keeps its page with a banner and the reason', async () => {
    const res = await get(`/documents/${site.withdrawn.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-banner="withdrawn"/);
    assert.match(text(res.body), /该信息已撤回。 ?撤回原因：活动安排已调整/);
  });

  await t.test('an unpublished document answers 410 naming its replacement; unknown ones 404', async () => {
    const gone = await get(`/documents/${site.gone.id}`);
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, new RegExp(`该信息已由以下文件替代：<a href="/documents/${site.policy.slug}">宜昌市司法局关于印发《行政执法公示办法》的通知</a>`));
    for (const id of [site.secrets[0]!.id, '0190c7b4-0000-7000-8000-000000000000', 'no-such-slug']) {
      const res = await get(`/documents/${id}`);
      assert.equal(res.statusCode, 404, id);
      assert.match(res.body, /页面不存在/);
    }
  });

  await t.test('a column lists 20 a page with an accessible page navigation', async () => {
    const first = await get(`/columns/${site.columns.penalties}`);
    assert.equal(first.statusCode, 200);
    assert.equal((first.body.match(/<td class="doc-title"/g) ?? []).length, 20);
    assert.match(first.body, /<nav class="pagination" aria-label="行政处罚和行政强制分页">/);
    assert.match(first.body, /aria-current="page" aria-label="第 1 页（当前页）"/);
    assert.match(first.body, new RegExp(`href="/columns/${site.columns.penalties}\\?page=2" rel="next"`));
    assert.match(text(first.body), /共 22 条，第 1 \/ 2 页/);
    assert.match(text(first.body), /宜司罚〔2024〕22号/, 'newest first, with 发文字号');
    assert.match(first.body, /<link rel="alternate" type="application\/atom\+xml"[^>]+href="\/columns\/[^"]+\/feed\.atom"/);
    assert.match(text(first.body), /首页 宜昌市司法局政府信息公开 政府信息公开 法定主动公开内容 行政处罚和行政强制/, 'breadcrumbs follow the catalog');
    const second = await get(`/columns/${site.columns.penalties}?page=2`);
    assert.equal((second.body.match(/<td class="doc-title"/g) ?? []).length, 2);
    assert.match(second.body, /rel="prev"/);
    assert.equal((await get(`/columns/${site.columns.penalties}?page=3`)).statusCode, 404);
    assert.equal((await get('/columns/0190c7b4-0000-7000-8000-000000000000')).statusCode, 404);
    const empty = await get(`/columns/${site.columns.empty}`);
    assert.equal(empty.statusCode, 200);
    assert.match(text(empty.body), /本栏目暂无已发布的信息/);
  });

  await t.test('the 政府信息公开 home shows the catalog tree with counts and the newest documents; the nav leads there', async () => {
    const nav = await get('/');
    assert.match(nav.body, /<a href="\/xxgk">政府信息公开<\/a>/);
    assert.match(nav.body, /<a href="\/normative">政策文件<\/a>/);
    // 互动交流 is live: its card links every participation page, nothing is marked 建设中 any more.
    for (const href of ['/consultations', '/qa', '/feedback', '/meetings', '/decisions']) assert.match(nav.body, new RegExp(`<a href="${href}">`), href);
    assert.doesNotMatch(nav.body, /建设中/);
    assert.doesNotMatch((await get('/sitemap')).body, /建设中/);
    const city = await get('/xxgk');
    assert.equal(city.statusCode, 302);
    assert.match(String(city.headers.location), /^\/organisations\/[^/]+\/xxgk$/);
    const home = await get(`/organisations/${site.deptId}/xxgk`);
    assert.equal(home.statusCode, 200);
    const body = text(main(home.body));
    assert.match(body, /宜昌市司法局政府信息公开/);
    assert.match(body, /政府信息公开 （\d+ 条）/);
    assert.match(home.body, new RegExp(`<a href="/columns/${site.columns.penalties}">行政处罚和行政强制</a><span class="count">（22 条）</span>`));
    assert.match(home.body, /<span>行政事业性收费<\/span><span class="count">（暂无信息）<\/span>/);
    assert.match(body, /最新信息 .*宜昌市司法局行政处罚决定公示（第22号）/);
    const org = await get(`/organisations/${site.deptId}`);
    assert.match(org.body, new RegExp(`href="/organisations/${site.deptId}/xxgk"`), 'the organisation page links its 政府信息公开');
    assert.equal((await get('/organisations/0190c7b4-0000-7000-8000-000000000000/xxgk')).statusCode, 404);
  });
});
