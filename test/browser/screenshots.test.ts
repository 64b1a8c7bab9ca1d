// Screenshots of the main pages (normal, high contrast, phone with extra-large text) into
// test-results/screenshots for review, and a check that no page scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startPortal } from './support/browser.ts';

const views = [
  { name: 'normal', prefs: null, viewport: { width: 1280, height: 900 } },
  { name: 'contrast', prefs: 'normal.high', viewport: { width: 1280, height: 900 } },
  { name: 'phone-xlarge', prefs: 'xlarge.normal', viewport: { width: 390, height: 844 } },
  { name: 'phone-large-contrast', prefs: 'large.high', viewport: { width: 390, height: 844 } },
];

test('home, directory and an organisation page render without sideways scrolling; screenshots saved', async (t) => {
  const portal = await startPortal(t);
  const county = (await portal.services.organisations.publicDirectory()).find((o) => o.name === '夷陵区')!;
  const pages = { home: '/', directory: '/organisations', organisation: `/organisations/${county.id}`, 'not-found': '/no-such-page' };
  for (const view of views) {
    const page = await portal.newPage({ viewport: view.viewport });
    if (view.prefs) await page.context().addCookies([{ name: 'gk_prefs', value: view.prefs, url: portal.baseUrl }]);
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${url} (${view.name}) is ${overflow}px wider than the viewport`);
      await screenshot(page, `${name}-${view.name}`);
    }
    await page.context().close();
  }
});
