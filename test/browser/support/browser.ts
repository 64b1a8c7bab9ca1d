// Shared set-up for browser tests: the app on a real port, Debian's Chromium through playwright-core,
// axe-core checks and screenshots.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../../support/app.ts';

export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Launches Chromium; a missing browser fails the test loudly instead of skipping it. */
export async function launchBrowser(t: TestContext): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium fonts-noto-cjk) ` +
        'or set GONGKAI_CHROMIUM to its path. Browser tests never pass without a browser.',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());
  return browser;
}

export type Portal = TestApp & { baseUrl: string; browser: Browser; newPage(options?: BrowserContextOptions): Promise<Page> };

/** A fresh seeded app listening on a random local port, plus a browser to visit it. */
export async function startPortal(t: TestContext, env: Record<string, string> = {}): Promise<Portal> {
  const testApp = await buildTestApp(t, env);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await launchBrowser(t);
  const newPage = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`script error on ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) problems.push(`${page.url()}: ${msg.text()}`);
    });
    return page;
  };
  const problems: string[] = [];
  t.after(() => {
    if (problems.length) throw new Error(`the browser reported problems:\n${problems.join('\n')}`);
  });
  return { ...testApp, baseUrl, browser, newPage };
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
type AxeResult = { passes: unknown[]; violations: AxeViolation[]; incomplete: AxeViolation[] };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns readable violation lines (empty = none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.addScriptTag would insert an inline <script>, which the portal's CSP (rightly) refuses; evaluating
  // the source through the DevTools protocol is not subject to CSP, so the page keeps its real policy.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, options: object): Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  if (result.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  // A contrast check axe could not finish (e.g. text partly covered) would hide a real failure, so it counts.
  const unresolvedContrast = result.incomplete.filter((v) => v.id === 'color-contrast').map((v) => ({ ...v, id: 'color-contrast (incomplete)' }));
  return [...result.violations, ...unresolvedContrast].map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** The classes the preferences put on <html>. */
export const htmlClasses = (page: Page) => page.evaluate(() => [...document.documentElement.classList].sort().join(' '));

/** The three views every portal page is photographed in: desktop, high contrast, phone with extra-large text. */
export const SCREENSHOT_VIEWS = [
  { name: 'normal', prefs: null, viewport: { width: 1280, height: 900 } },
  { name: 'contrast', prefs: 'normal.high', viewport: { width: 1280, height: 900 } },
  { name: 'phone-xlarge', prefs: 'xlarge.normal', viewport: { width: 390, height: 844 } },
] as const;

/** Visits each page in each view, asserts it never scrolls sideways, and saves `<prefix>-<name>-<view>.png`. */
export async function shootWithoutOverflow(portal: Portal, pages: readonly (readonly [string, string, ...unknown[]])[], prefix: string): Promise<void> {
  for (const view of SCREENSHOT_VIEWS) {
    const page = await portal.newPage({ viewport: view.viewport });
    if (view.prefs) await page.context().addCookies([{ name: 'gk_prefs', value: view.prefs, url: portal.baseUrl }]);
    for (const [name, url] of pages) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`${url} (${view.name}) is ${overflow}px wider than the viewport`);
      await screenshot(page, `${prefix}-${name}-${view.name}`);
    }
    await page.context().close();
  }
}

/**
 * Waits until no element matches, then returns the count (0 on success). Lists re-render after a
 * fetch, so counting at once races the request; a count still above zero after the timeout fails.
 */
export async function countAfterSettling(locator: Locator, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await locator.count()) === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return locator.count();
}
