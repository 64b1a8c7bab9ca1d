// Crawls the whole public site of a small seeded city — every link on every page, every URL in sitemap.xml and
// in the feeds — and proves that nothing unpublished leaks: no draft, rejected, scheduled, submitted or approved
// document, no open revision, not even their ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../../test/support/app.ts';
import { SECRET_TITLES, seedPublishingSite, SMALL_DIVISIONS } from './testing/site.ts';
import { childText, childrenNamed, parseXml } from './testing/xml.ts';

const ORIGIN = 'http://localhost';
const SKIP = /^\/(prefs|assets\/|admin|api\/)/;
const MAX_PAGES = 2_000;

const decodeAttr = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

/** Same-site paths from href attributes (links and <link> tags) and from absolute URLs in XML. */
function linksIn(body: string, type: string): string[] {
  const found: string[] = [];
  if (type.includes('html')) {
    for (const m of body.matchAll(/\shref="([^"]*)"/g)) found.push(decodeAttr(m[1]!));
  } else if (type.includes('text/plain')) {
    for (const m of body.matchAll(/^Sitemap: (\S+)$/gm)) found.push(m[1]!);
  } else {
    const root = parseXml(body);
    if (root.name === 'urlset') found.push(...childrenNamed(root, 'url').map((u) => childText(u, 'loc')!));
    if (root.name === 'feed') found.push(...[root, ...childrenNamed(root, 'entry')].flatMap((e) => childrenNamed(e, 'link').map((l) => l.attrs.href!)));
  }
  return found
    .map((href) => (href.startsWith(ORIGIN) ? href.slice(ORIGIN.length) || '/' : href))
    .filter((href) => href.startsWith('/') && !href.startsWith('//'))
    .map((href) => href.split('#')[0]!)
    .filter((href) => href && !SKIP.test(href));
}

test('a crawl of every page, feed and sitemap URL never meets unpublished content', async (t) => {
  const testApp = await buildTestApp(t, SMALL_DIVISIONS);
  const site = await seedPublishingSite(testApp, { bulk: 21 });
  const secretIds = site.secrets.map((d) => d.id);

  const queue = ['/', '/sitemap.xml', '/robots.txt', '/feeds/documents.atom', '/normative/feed.atom', '/normative?status=all'];
  const seen = new Set(queue);
  const statuses = new Map<string, number>();
  while (queue.length) {
    const url = queue.shift()!;
    assert.ok(seen.size < MAX_PAGES, 'the crawl stays bounded');
    const res = await testApp.app.inject({ url, headers: { accept: 'text/html' } });
    statuses.set(url, res.statusCode);
    const type = String(res.headers['content-type'] ?? '');
    for (const title of SECRET_TITLES) assert.ok(!res.body.includes(title), `${url} shows ${title}`);
    for (const id of secretIds) assert.ok(!res.body.includes(id), `${url} names unpublished document ${id}`);
    if (/xml/.test(type)) assert.doesNotThrow(() => parseXml(res.body), `${url} is well-formed XML`);
    const next = res.statusCode >= 300 && res.statusCode < 400 ? [String(res.headers.location)] : linksIn(res.body, type);
    for (const link of next) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }

  const failures = [...statuses].filter(([, s]) => s !== 200 && s !== 302);
  assert.deepEqual(failures, [], 'every linked URL answers');
  const visited = new Set(statuses.keys());
  for (const d of [site.policy, site.reading, site.repealed, site.repealer, site.expired, site.county, site.special]) assert.ok(visited.has(`/documents/${d.slug}`), `reached ${d.slug}`);
  assert.ok(visited.has(`/columns/${site.columns.penalties}?page=2`), 'pagination is followed');
  assert.ok([...visited].some((u) => /^\/organisations\/[^/]+\/feed\.atom$/.test(u)), 'organisation feeds are followed');
  assert.ok([...visited].some((u) => /^\/columns\/[^/]+\/feed\.atom$/.test(u)), 'column feeds are followed');
  t.diagnostic(`crawled ${visited.size} URLs`);

  // Reachable only by their address: the withdrawn page keeps its banner, the unpublished one is gone.
  const withdrawn = await testApp.app.inject(`/documents/${site.withdrawn.id}`);
  assert.match(withdrawn.body, /data-banner="withdrawn"/);
  assert.equal((await testApp.app.inject(`/documents/${site.gone.id}`)).statusCode, 410);
  for (const d of site.secrets) assert.equal((await testApp.app.inject(`/documents/${d.id}`)).statusCode, 404);
});
