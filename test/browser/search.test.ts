// 站内搜索 in a real browser: zero axe violations on a results page and a filtered page in every display mode,
// facet links, the organisation form and paging without JavaScript, no sideways scrolling; screenshots into
// test-results/screenshots/search-*.png for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, shootWithoutOverflow, startPortal, type Portal } from './support/browser.ts';
import { seedPublishingSite, SMALL_DIVISIONS, type SeededSite } from '../../src/portal/testing/site.ts';

async function seeded(t: Parameters<typeof startPortal>[0]): Promise<{ portal: Portal; site: SeededSite }> {
  const portal = await startPortal(t, SMALL_DIVISIONS);
  const site = await seedPublishingSite(portal, { bulk: 21 });
  await portal.services.outbox.idle(); // the search index follows publishing through the outbox
  return { portal, site };
}

const q = (s: string) => encodeURIComponent(s);
const pages: [string, string][] = [
  ['results', `/search?q=${q('行政执法')}`],
  ['filtered', `/search?q=${q('行政执法')}&kind=document&validity=in_force`],
  ['paged', `/search?q=${q('行政处罚')}&page=2`],
  ['empty', `/search?q=${q('完全不存在的词语')}`],
];

test('search pages have zero axe violations, normal and high contrast', async (t) => {
  const { portal } = await seeded(t);
  for (const mode of [
    { name: 'normal', prefs: null },
    { name: 'large text + high contrast', prefs: 'large.high' },
    { name: 'extra-large text', prefs: 'xlarge.normal' },
  ]) {
    await t.test(mode.name, async () => {
      const page = await portal.newPage();
      if (mode.prefs) await page.context().addCookies([{ name: 'gk_prefs', value: mode.prefs, url: portal.baseUrl }]);
      const failures: string[] = [];
      for (const [, url] of pages) {
        const response = await page.goto(url);
        assert.equal(response?.status(), 200, url);
        assert.equal(await page.locator('h1').count(), 1, `${url} has one h1`);
        const violations = await axeViolations(page);
        if (violations.length) failures.push(`${url}:\n  ${violations.join('\n  ')}`);
      }
      assert.equal(failures.length, 0, `axe violations (${mode.name}):\n${failures.join('\n')}`);
      await page.context().close();
    });
  }
});

test('without JavaScript: facet links, the organisation form, paging and the exact-number redirect', async (t) => {
  const { portal, site } = await seeded(t);
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto('/');
  await page.getByRole('search', { name: '站内搜索' }).getByLabel('站内搜索').fill('行政执法');
  await page.getByRole('search', { name: '站内搜索' }).getByRole('button', { name: '搜索' }).click();
  await page.waitForURL('**/search?q=*');
  const summary = () => page.locator('.result-summary').first().textContent();
  const titles = () => page.locator('.search-item-title a').allTextContents();
  assert.match((await summary()) ?? '', /共找到 \d+ 条结果/);
  assert.ok((await titles()).includes('宜昌市行政执法证件管理办法'));
  assert.ok((await page.locator('.search-item mark').count()) > 0, 'matches are highlighted');
  assert.ok(!(await titles()).some((title) => /【/.test(title)), 'nothing unpublished is listed');

  // A facet link narrows the list; the chosen value is marked; 清除 takes it off again.
  const facets = page.getByRole('complementary', { name: '筛选结果' });
  await facets.getByRole('link', { name: /^政策解读/ }).click();
  await page.waitForURL('**kind=interpretation*');
  assert.deepEqual(await titles(), ['《行政执法公示办法》政策解读']);
  assert.equal(await facets.locator('[aria-current="true"]').count(), 1);
  assert.match((await facets.locator('[aria-current="true"]').textContent()) ?? '', /已选/);
  await page.locator('.search-active').getByRole('link', { name: /清除/ }).first().click();
  await page.waitForURL((url) => !url.search.includes('kind='));
  assert.ok((await titles()).length > 1);

  // The organisation select (GET form) keeps the query.
  await page.getByLabel('发布机构').selectOption(site.countyId);
  await page.getByRole('search', { name: '搜索本站' }).getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(`**org=${site.countyId}*`);
  assert.ok(!(await titles()).includes('宜昌市行政执法证件管理办法'), 'the county filter leaves out city documents');

  // Paging, 20 a page.
  await page.goto(`/search?q=${q('行政处罚')}`);
  assert.equal(await page.locator('.search-item').count(), 20);
  const pager = page.getByRole('navigation', { name: '搜索结果分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await page.waitForURL('**page=2');
  assert.ok((await page.locator('.search-item').count()) >= 1);
  assert.equal(await pager.locator('[aria-current="page"]').textContent(), '2');

  // A 发文字号 typed in full opens the document.
  await page.goto(`/search?q=${q('宜司规〔2020〕2号')}`);
  assert.match(page.url(), new RegExp(`/documents/${site.repealed.slug}`));
  await page.context().close();
});

test('screenshots of the search pages; no sideways scrolling', async (t) => {
  const { portal } = await seeded(t);
  await shootWithoutOverflow(portal, pages, 'search');
});
