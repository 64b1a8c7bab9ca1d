// Atom feeds, sitemap.xml and robots.txt over HTTP: well-formed XML with the required Atom elements, published
// documents only, special characters escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../../test/support/app.ts';
import { SECRET_TITLES, seedPublishingSite, SMALL_DIVISIONS } from './testing/site.ts';
import { childText, childrenNamed, parseXml, type XmlElement } from './testing/xml.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks the Atom 1.0 elements a valid feed needs (RFC 4287 §4.1.1–4.1.2) and returns the entries. */
function assertAtom(feed: XmlElement, where: string): XmlElement[] {
  assert.equal(feed.name, 'feed', where);
  assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom', where);
  assert.ok(childText(feed, 'id'), `${where}: feed id`);
  assert.ok(childText(feed, 'title'), `${where}: feed title`);
  assert.match(childText(feed, 'updated') ?? '', RFC3339, `${where}: feed updated`);
  const links = childrenNamed(feed, 'link');
  assert.ok(links.some((l) => l.attrs.rel === 'self' && l.attrs.href?.startsWith('http://localhost/')), `${where}: rel=self`);
  assert.ok(links.some((l) => l.attrs.rel === 'alternate'), `${where}: rel=alternate`);
  const entries = childrenNamed(feed, 'entry');
  for (const e of entries) {
    assert.match(childText(e, 'id') ?? '', /^urn:uuid:[0-9a-f-]{36}$/, `${where}: entry id`);
    assert.ok(childText(e, 'title'), `${where}: entry title`);
    assert.match(childText(e, 'updated') ?? '', RFC3339, `${where}: entry updated`);
    assert.match(childrenNamed(e, 'link')[0]?.attrs.href ?? '', /^http:\/\/localhost\/documents\/[^/]+$/, `${where}: entry link`);
    assert.ok(childText(e, 'summary'), `${where}: entry summary`);
    assert.ok(childText(childrenNamed(e, 'author')[0]!, 'name'), `${where}: entry author`);
  }
  assert.equal(new Set(entries.map((e) => childText(e, 'id'))).size, entries.length, `${where}: entry ids are unique`);
  return entries;
}

test('feeds, sitemap and robots', async (t) => {
  const testApp = await buildTestApp(t, SMALL_DIVISIONS);
  const site = await seedPublishingSite(testApp, { bulk: 3 });
  const get = (url: string) => testApp.app.inject({ url });
  const feed = async (url: string) => {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8', url);
    for (const title of SECRET_TITLES) assert.ok(!res.body.includes(title), `${url} leaks ${title}`);
    const entries = assertAtom(parseXml(res.body), url);
    return entries.map((e) => childText(e, 'title'));
  };
  const published = ['宜昌市司法局关于印发《行政执法公示办法》的通知', '《行政执法公示办法》政策解读', '宜昌市行政执法证件管理办法'];

  await t.test('the site feed lists published documents only, newest first, with escaped text', async () => {
    const titles = await feed('/feeds/documents.atom');
    for (const title of published) assert.ok(titles.includes(title), title);
    assert.ok(titles.includes('关于<公共法律服务>&"便民"措施的通知'), 'special characters survive escaping');
    assert.ok(!titles.includes('宜昌市司法局2023年普法宣传活动安排'), 'withdrawn documents leave the lists');
    assert.ok(!titles.includes('宜昌市司法局关于旧事项的公告'), 'unpublished documents leave the lists');
    assert.equal(titles[0], '宜昌市司法局行政处罚决定公示（第3号）');
    const raw = (await get('/feeds/documents.atom')).body;
    assert.match(raw, /<title>关于&lt;公共法律服务&gt;&amp;&quot;便民&quot;措施的通知<\/title>/);
    assert.match(raw, /<summary type="text">A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;<\/summary>/);
  });

  await t.test('organisation, column and normative feeds', async () => {
    assert.deepEqual(await feed(`/organisations/${site.countyId}/feed.atom`), ['夷陵区人民政府关于加强村级公益事业建设的意见']);
    assert.deepEqual(await feed(`/columns/${site.columns.regulations}/feed.atom`), [published[0]], 'drafts placed in the column stay out');
    assert.equal((await feed(`/columns/${site.columns.penalties}/feed.atom`)).length, 3);
    assert.deepEqual(await feed(`/columns/${site.columns.empty}/feed.atom`), []);
    const normative = parseXml((await get('/normative/feed.atom')).body);
    const statuses = Object.fromEntries(childrenNamed(normative, 'entry').map((e) => [childText(e, 'title'), childrenNamed(e, 'category')[0]?.attrs.label]));
    assert.deepEqual(statuses, {
      '夷陵区人民政府关于加强村级公益事业建设的意见': '有效',
      '宜昌市法律援助补贴暂行办法': '已失效',
      '宜昌市行政执法证件管理办法': '已废止',
      '宜昌市司法局关于印发《行政执法公示办法》的通知': '有效',
    });
    for (const url of ['/organisations/0190c7b4-0000-7000-8000-000000000000/feed.atom', '/columns/0190c7b4-0000-7000-8000-000000000000/feed.atom']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  await t.test('pages announce their feeds', async () => {
    const pages = ['/normative', `/columns/${site.columns.penalties}`, `/organisations/${site.deptId}/xxgk`, `/documents/${site.policy.id}`];
    for (const url of pages) assert.match((await get(url)).body, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/[^"]+\.atom"\/>/, url);
  });

  await t.test('sitemap.xml lists the site and every published document; robots.txt points to it', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    const urlset = parseXml(res.body);
    assert.equal(urlset.name, 'urlset');
    assert.equal(urlset.attrs.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = childrenNamed(urlset, 'url');
    const locs = urls.map((u) => childText(u, 'loc')!);
    assert.ok(locs.every((l) => l.startsWith('http://localhost/')));
    assert.equal(new Set(locs).size, locs.length, 'no duplicates');
    const paths = new Set(locs.map((l) => l.slice('http://localhost'.length)));
    const orgs = await testApp.services.organisations.publicDirectory();
    for (const p of ['/', '/organisations', '/normative', '/requests', '/qa', '/meetings', '/feedback', '/feedback/stats', `/columns/${site.columns.penalties}`, `/columns/${site.columns.regulations}`]) assert.ok(paths.has(p), p);
    assert.ok(![...paths].some((p) => p.startsWith('/requests/track')), 'no tracking pages');
    for (const o of orgs) assert.ok(paths.has(`/organisations/${o.id}`) && paths.has(`/organisations/${o.id}/xxgk`), o.name);
    for (const d of [site.policy, site.reading, site.repealed, site.repealer, site.expired, site.county, site.special]) assert.ok(paths.has(`/documents/${d.slug}`), d.slug);
    for (const d of [...site.secrets, site.gone, site.withdrawn]) assert.ok(!paths.has(`/documents/${d.slug}`), `not ${d.slug}`);
    assert.ok(!paths.has(`/columns/${site.columns.empty}`), 'empty columns are left out');
    const docUrl = urls.find((u) => childText(u, 'loc')!.endsWith(site.policy.slug))!;
    assert.match(childText(docUrl, 'lastmod') ?? '', /^\d{4}-\d{2}-\d{2}$/);

    const robots = await get('/robots.txt');
    assert.equal(robots.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(robots.body, /^User-agent: \*$/m);
    assert.match(robots.body, /^Sitemap: http:\/\/localhost\/sitemap\.xml$/m);
    assert.match(robots.body, /^Disallow: \/admin$/m);
  });
});
