// 适老化 settings: they persist across pages and visits, with and without JavaScript; full keyboard use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { htmlClasses, startPortal } from './support/browser.ts';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

async function prefsCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'gk_prefs');
  assert.ok(cookie, 'gk_prefs cookie is set');
  return cookie;
}

async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === text) return;
  }
  assert.fail(`Tab never reached ${text}`);
}

const control = (page: Page, name: string) => page.getByRole('group').getByRole('link', { name, exact: true });

test('with JavaScript, 大字 and 高对比 apply in place and persist to other pages and later visits', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage();
  await page.goto('/');
  await control(page, '大字').click();
  assert.equal(await htmlClasses(page), 'text-large');
  assert.equal(new URL(page.url()).pathname, '/', 'the script applies the setting without leaving the page');
  await control(page, '高对比').click();
  assert.equal(await htmlClasses(page), 'contrast-high text-large');
  assert.equal(await control(page, '高对比').getAttribute('aria-current'), 'true');
  assert.equal(await control(page, '标准配色').getAttribute('aria-current'), null);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构目录' }).click();
  await page.waitForURL('**/organisations');
  assert.equal(await htmlClasses(page), 'contrast-high text-large', 'the server applies the cookie on the next page');
  const cookie = await prefsCookie(page);
  assert.equal(cookie.value, 'large.high');
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  assert.ok(Math.abs(cookie.expires - Date.now() / 1000 - YEAR_SECONDS) < 120, 'kept for a year');

  const later = await page.context().newPage(); // a later visit in the same browser
  await later.goto('/about');
  assert.equal(await htmlClasses(later), 'contrast-high text-large');
  await control(later, '标准字号').click();
  await control(later, '标准配色').click();
  assert.equal(await htmlClasses(later), '');
  await later.reload();
  assert.equal(await htmlClasses(later), '');
});

test('without JavaScript, the controls still work through /prefs and come back to the same page', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto('/organisations?q=%E8%A1%97%E9%81%93'); // 街道
  await control(page, '特大字').click();
  await page.waitForURL('**/organisations?q=*');
  assert.equal(new URL(page.url()).searchParams.get('q'), '街道', 'back on the page with its query');
  assert.equal(await htmlClasses(page), 'text-xlarge');
  await control(page, '高对比').click();
  await page.waitForURL('**/organisations?q=*');
  assert.equal(await htmlClasses(page), 'contrast-high text-xlarge');
  assert.equal(await control(page, '特大字').getAttribute('aria-current'), 'true');

  await page.goto('/');
  assert.equal(await htmlClasses(page), 'contrast-high text-xlarge');
  const cookie = await prefsCookie(page);
  assert.equal(cookie.value, 'xlarge.high');
  assert.equal(cookie.sameSite, 'Lax');
  assert.ok(Math.abs(cookie.expires - Date.now() / 1000 - YEAR_SECONDS) < 120, 'kept for a year');
});

test('/prefs only returns to paths on this site', async (t) => {
  const portal = await startPortal(t);
  for (const target of ['//example.com/x', 'https://example.com/', '/\\example.com', 'javascript:alert(1)']) {
    const res = await portal.app.inject({ url: `/prefs?text=large&return=${encodeURIComponent(target)}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/', `return=${target}`);
  }
  const ok = await portal.app.inject({ url: `/prefs?contrast=high&return=${encodeURIComponent('/organisations?q=a')}` });
  assert.equal(ok.headers.location, '/organisations?q=a');
  const bad = await portal.app.inject({ url: '/prefs?text=huge&contrast=<b>', headers: { cookie: 'gk_prefs=large.high' } });
  assert.match(String(bad.headers['set-cookie']), /gk_prefs=large\.high;/, 'invalid values leave the settings unchanged');
});

test('keyboard: Tab from the top reaches the skip link first, it moves focus to main, focus stays visible', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage();
  await page.goto('/organisations');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const box = el.getBoundingClientRect();
    return { text: el.textContent, href: el.getAttribute('href'), visible: box.top >= 0 && box.height > 0, outline: getComputedStyle(el).outlineStyle };
  });
  assert.deepEqual(first, { text: '跳至主要内容', href: '#main', visible: true, outline: 'solid' });
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => ({ inMain: !!document.activeElement?.closest('main'), outline: getComputedStyle(document.activeElement!).outlineStyle }));
  assert.deepEqual(next, { inMain: true, outline: 'solid' }, 'the next Tab continues inside main, with a focus ring');

  // A focused link on the red band or the black high-contrast header keeps readable focus colours.
  for (const prefs of ['normal.normal', 'normal.high']) {
    await page.context().addCookies([{ name: 'gk_prefs', value: prefs, url: portal.baseUrl }]);
    await page.goto('/');
    await tabTo(page, '政府信息公开');
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { color: style.color, background: style.backgroundColor };
    });
    assert.deepEqual(colours, { color: 'rgb(11, 12, 12)', background: 'rgb(255, 221, 0)' }, `focused nav link (${prefs})`);
  }

  // The toolbar works from the keyboard too: Tab to 大字 and press Enter.
  await page.context().clearCookies();
  await page.goto('/');
  await tabTo(page, '大字');
  await page.keyboard.press('Enter');
  assert.equal(await htmlClasses(page), 'text-large');
});
