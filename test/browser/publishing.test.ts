// The publishing pages in a real browser: zero axe violations in every display mode, feeds that the browser's
// own XML parser accepts, filters and paging without JavaScript, no sideways scrolling, print styles; screenshots
// into test-results/screenshots for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, screenshot, shootWithoutOverflow, startPortal, type Portal } from './support/browser.ts';
import { seedPublishingSite, SMALL_DIVISIONS, type SeededSite } from '../../src/portal/testing/site.ts';

async function seeded(t: Parameters<typeof startPortal>[0]): Promise<{ portal: Portal; site: SeededSite }> {
  const portal = await startPortal(t, SMALL_DIVISIONS);
  return { portal, site: await seedPublishingSite(portal, { bulk: 21 }) };
}

const pagesOf = (site: SeededSite): [string, string, number][] => [
  ['document', `/documents/${site.policy.slug}`, 200],
  ['interpretation', `/documents/${site.reading.slug}`, 200],
  ['repealed', `/documents/${site.repealed.slug}`, 200],
  ['withdrawn', `/documents/${site.withdrawn.slug}`, 200],
  ['gone', `/documents/${site.gone.slug}`, 410],
  ['column', `/columns/${site.columns.penalties}`, 200],
  ['column-page-2', `/columns/${site.columns.penalties}?page=2`, 200],
  ['xxgk', `/organisations/${site.deptId}/xxgk`, 200],
  ['normative', '/normative', 200],
  ['normative-all', '/normative?status=all', 200],
];

test('publishing pages have zero axe violations, normal and high contrast', async (t) => {
  const { portal, site } = await seeded(t);
  for (const mode of [
    { name: 'normal', prefs: null },
    { name: 'large text + high contrast', prefs: 'large.high' },
    { name: 'extra-large text', prefs: 'xlarge.normal' },
  ]) {
    await t.test(mode.name, async () => {
      const page = await portal.newPage();
      if (mode.prefs) await page.context().addCookies([{ name: 'gk_prefs', value: mode.prefs, url: portal.baseUrl }]);
      const failures: string[] = [];
      for (const [, url, status] of pagesOf(site)) {
        const response = await page.goto(url);
        assert.equal(response?.status(), status, url);
        assert.equal(await page.locator('h1').count(), 1, `${url} has one h1`);
        const violations = await axeViolations(page);
        if (violations.length) failures.push(`${url}:\n  ${violations.join('\n  ')}`);
      }
      assert.equal(failures.length, 0, `axe violations (${mode.name}):\n${failures.join('\n')}`);
      await page.context().close();
    });
  }
});

test('feeds and the sitemap parse with the browser XML parser and hold published documents only', async (t) => {
  const { portal, site } = await seeded(t);
  const page = await portal.newPage();
  await page.goto('/');
  const urls = ['/feeds/documents.atom', '/normative/feed.atom', `/organisations/${site.deptId}/feed.atom`, `/columns/${site.columns.regulations}/feed.atom`, '/sitemap.xml'];
  for (const url of urls) {
    const result = await page.evaluate(async (u) => {
      const text = await (await fetch(u, { signal: AbortSignal.timeout(20_000) })).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      const titles = [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]?.textContent ?? '');
      return { error, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, titles, text };
    }, url);
    assert.equal(result.error, null, `${url} is well-formed`);
    assert.ok(!/【(草稿|驳回|定时|待审|已审|修订稿)】/.test(result.text), `${url} holds published documents only`);
    if (url.endsWith('.atom')) {
      assert.equal(result.root, 'feed');
      assert.equal(result.ns, 'http://www.w3.org/2005/Atom');
    } else assert.equal(result.ns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    if (url === '/feeds/documents.atom') assert.ok(result.titles.includes('关于<公共法律服务>&"便民"措施的通知'));
    if (url.startsWith('/columns/')) assert.deepEqual(result.titles, ['宜昌市司法局关于印发《行政执法公示办法》的通知']);
  }
});

test('without JavaScript: the library filter, column paging and links between policy and interpretation', async (t) => {
  const { portal, site } = await seeded(t);
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' }).click();
  await page.waitForURL('**/normative');
  const titles = () => page.locator('.doc-table .doc-title a').allTextContents();
  assert.ok(!(await titles()).includes('宜昌市行政执法证件管理办法'), 'a repealed document is not listed by default');
  await page.getByLabel('有效性').selectOption('all');
  await page.getByRole('button', { name: '筛选' }).click();
  await page.waitForURL('**/normative?status=all*');
  assert.ok((await titles()).includes('宜昌市行政执法证件管理办法'));
  assert.equal(await page.locator('tr', { hasText: '宜昌市行政执法证件管理办法' }).locator('[data-status]').textContent(), '已废止');
  await page.getByRole('link', { name: '宜昌市行政执法证件管理办法' }).click();
  assert.match((await page.locator('[data-banner="validity"]').textContent()) ?? '', /废止/);

  await page.goto(`/documents/${site.policy.slug}`);
  await page.getByRole('link', { name: '《行政执法公示办法》政策解读' }).click();
  assert.equal(await page.locator('h1').textContent(), '《行政执法公示办法》政策解读');
  assert.equal(await page.locator('.link-group h3').textContent(), '解读');

  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政府信息公开' }).click();
  await page.waitForURL('**/organisations/*/xxgk');
  assert.equal(await page.locator('h1').textContent(), '宜昌市政府信息公开');
  await page.goto(`/organisations/${site.deptId}/xxgk`);
  await page.getByRole('link', { name: '行政处罚和行政强制', exact: true }).click();
  const pager = page.getByRole('navigation', { name: '行政处罚和行政强制分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await page.waitForURL('**?page=2');
  assert.equal(await page.locator('.doc-table tbody tr').count(), 1);
  assert.equal(await pager.locator('[aria-current="page"]').textContent(), '2');
});

test('screenshots of the publishing pages; no sideways scrolling; print hides navigation', async (t) => {
  const { portal, site } = await seeded(t);
  const shots = pagesOf(site).filter(([name]) => ['document', 'repealed', 'withdrawn', 'column', 'xxgk', 'normative-all', 'gone'].includes(name));
  await shootWithoutOverflow(portal, shots, 'pub');

  const page = await portal.newPage();
  await page.goto(`/documents/${site.policy.slug}`);
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('.main-nav')!).display,
    prefs: getComputedStyle(document.querySelector('.prefs-bar')!).display,
    url: getComputedStyle(document.querySelector('.print-only')!).display,
    after: getComputedStyle(document.querySelector('.doc-body a')!, '::after').content,
    color: getComputedStyle(document.body).color,
    background: getComputedStyle(document.body).backgroundColor,
  }));
  assert.match(print.after, /attr\(href\)|www\.gov\.cn/, 'links in the text print their address');
  assert.deepEqual({ ...print, after: undefined }, { nav: 'none', prefs: 'none', url: 'block', after: undefined, color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
  await screenshot(page, 'pub-document-print');
});
