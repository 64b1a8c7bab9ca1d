// axe-core (WCAG 2.0/2.1 A + AA) on every portal page, in normal mode and with the 适老化 settings on,
// plus the structure every page must have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startPortal } from './support/browser.ts';

const modes = [
  { name: 'normal', prefs: null },
  { name: 'large text + high contrast', prefs: 'large.high' },
  { name: 'extra-large text', prefs: 'xlarge.normal' },
];

test('every portal page has zero axe violations and the required landmarks, in every display mode', async (t) => {
  const portal = await startPortal(t);
  const orgs = await portal.services.organisations.publicDirectory();
  const county = orgs.find((o) => o.name === '夷陵区')!;
  const township = orgs.find((o) => o.kind === 'township')!;
  const pages: [string, number][] = [
    ['/', 200],
    ['/organisations', 200],
    ['/organisations?q=%E5%A4%B7%E9%99%B5', 200], // 夷陵
    ['/organisations?q=zzz-none', 200],
    [`/organisations/${county.id}`, 200],
    [`/organisations/${township.id}`, 200],
    ['/search', 200],
    ['/search?q=%E6%95%99%E8%82%B2', 200], // 教育
    ['/about', 200],
    ['/sitemap', 200],
    [`/organisations/${county.id}/xxgk/guide`, 200],
    ['/ledger', 200],
    ['/no-such-page', 404],
    ['/organisations/no-such-id', 404],
  ];

  for (const mode of modes) {
    await t.test(mode.name, async () => {
      const page = await portal.newPage();
      if (mode.prefs) await page.context().addCookies([{ name: 'gk_prefs', value: mode.prefs, url: portal.baseUrl }]);
      const failures: string[] = [];
      for (const [url, status] of pages) {
        const response = await page.goto(url);
        assert.equal(response?.status(), status, `${url} status`);
        const shape = await page.evaluate(() => ({
          title: document.title,
          lang: document.documentElement.lang,
          h1: document.querySelectorAll('h1').length,
          main: document.querySelectorAll('main#main').length,
          header: document.querySelectorAll('body > header').length,
          nav: document.querySelectorAll('nav[aria-label="主导航"]').length,
          footer: document.querySelectorAll('body > footer').length,
          searchLabel: document.querySelector('label[for="site-search-q"]')?.textContent ?? '',
        }));
        assert.ok(shape.title.length > 0, `${url} has a title`);
        assert.deepEqual(
          { lang: shape.lang, h1: shape.h1, main: shape.main, header: shape.header, nav: shape.nav, footer: shape.footer, searchLabel: shape.searchLabel },
          { lang: 'zh-CN', h1: 1, main: 1, header: 1, nav: 1, footer: 1, searchLabel: '站内搜索' },
          `${url} structure`,
        );
        const violations = await axeViolations(page);
        if (violations.length) failures.push(`${url}:\n  ${violations.join('\n  ')}`);
      }
      assert.equal(failures.length, 0, `axe violations (${mode.name}):\n${failures.join('\n')}`);
    });
  }
});
