// The organisation directory, organisation pages, search echo and 404 pages, as a visitor sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './support/browser.ts';

const counties = 'section[data-kind="county"]';
const townshipLinks = 'section[data-kind="county"] li[data-kind="township"] > a';

test('the directory lists the city, its 26 departments, 13 county-level areas and 113 townships/streets', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构目录' }).click();
  await page.waitForURL('**/organisations');
  assert.equal(await page.locator('h1').textContent(), '机构目录');
  assert.equal(await page.locator('section[data-kind="city"] h2 a').textContent(), '宜昌市');
  assert.equal(await page.locator('section[data-kind="city"] li[data-kind="department"] > a').count(), 26);
  assert.equal(await page.locator(counties).count(), 13);
  assert.equal(await page.locator(`${counties} > h3 > a`).count(), 13);
  assert.equal(await page.locator(townshipLinks).count(), 113);
  const headings = await page.locator('main h2').allTextContents();
  assert.deepEqual(headings, ['宜昌市（市本级）', '县（市、区）（13）']);
  // every item links to its own page
  const hrefs = await page.locator('main li[data-kind] > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => /^\/organisations\/[^/]+$/.test(h ?? '')));
  assert.equal(new Set(hrefs).size, hrefs.length);
});

test('the name filter narrows the directory, without JavaScript', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto('/organisations');
  await page.getByLabel('按名称筛选').fill('街道');
  await page.getByRole('button', { name: '筛选' }).click();
  await page.waitForURL('**/organisations?q=*');
  const streets = await page.locator(townshipLinks).allTextContents();
  assert.ok(streets.length > 10 && streets.length < 113, `${streets.length} streets`);
  assert.ok(streets.every((name) => name.includes('街道')));
  assert.ok((await page.locator(counties).count()) < 13, 'areas without streets are left out');
  assert.equal(await page.locator('section[data-kind="city"]').count(), 0);
  assert.match((await page.getByRole('status').textContent()) ?? '', /共有 \d+ 个机构/);
  assert.equal(await page.getByLabel('按名称筛选').inputValue(), '街道');

  await page.goto('/organisations?q=%E5%A4%B7%E9%99%B5'); // 夷陵
  assert.deepEqual(await page.locator(`${counties} > h3`).allTextContents(), ['夷陵区']);
  await page.goto('/organisations?q=%E5%8F%B8%E6%B3%95'); // 司法
  assert.deepEqual(await page.locator('li[data-kind="department"] > a').allTextContents(), ['宜昌市司法局']);
  assert.equal(await page.locator(counties).count(), 0);
  await page.goto('/organisations?q=nothing-like-this');
  assert.match((await page.getByRole('status').textContent()) ?? '', /没有找到/);
  await page.getByRole('link', { name: '清除筛选' }).click();
  assert.equal(await page.locator(townshipLinks).count(), 113);
});

test('an organisation page shows what it is, where it sits and what is under it; unknown ids answer 404', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage();
  await page.goto('/organisations');
  await page.locator(`${counties} > h3 > a`, { hasText: '夷陵区' }).click();
  assert.equal(await page.locator('h1').textContent(), '夷陵区');
  assert.equal(await page.title(), '夷陵区 - 宜昌市政务公开平台');
  const facts = await page.locator('.fact-row').allTextContents();
  assert.ok(facts.includes('机构类型县级行政区') && facts.includes('行政区划代码420506') && facts.includes('上级机构宜昌市'), facts.join(' | '));
  assert.deepEqual(await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').allTextContents(), ['首页', '机构目录', '宜昌市']);
  assert.equal(await page.locator('main li[data-kind="township"]').count(), 14);
  await page.locator('main li[data-kind="township"] > a').first().click();
  assert.equal(await page.locator('h1').textContent(), '小溪塔街道');
  assert.equal(await page.locator('.fact-row', { hasText: '上级机构' }).locator('a').textContent(), '夷陵区');

  const missing = await page.goto('/organisations/0190c7b4-0000-7000-8000-000000000000');
  assert.equal(missing?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), '页面不存在');
  const unknown = await page.goto('/no/such/page');
  assert.equal(unknown?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), '页面不存在');
});

test('search echoes the query as text and offers matching organisations', async (t) => {
  const portal = await startPortal(t);
  const page = await portal.newPage();
  await page.goto('/');
  const query = '<img src=x onerror=alert(1)>教育';
  await page.getByRole('search', { name: '站内搜索' }).getByLabel('站内搜索').fill(query);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/search?q=*');
  assert.equal(await page.locator('#search-q').inputValue(), query, 'the query comes back as text in the search box');
  assert.equal(await page.locator('main img').count(), 0, 'markup in the query is never rendered');
  await page.goto('/search?q=%E6%95%99%E8%82%B2'); // 教育
  assert.deepEqual(await page.locator('main li[data-kind] > a').allTextContents(), ['宜昌市教育局']);
});

test('the footer shows 主办单位 always and the filing numbers only when configured', async (t) => {
  const plain = await startPortal(t);
  const page = await plain.newPage();
  await page.goto('/');
  assert.deepEqual(await page.locator('.footer-identity li').allTextContents(), ['主办单位：宜昌市人民政府办公室']);

  const configured = await startPortal(t, { GONGKAI_SITE_CODE: '4205000001', GONGKAI_ICP: '鄂ICP备05010662号-1', GONGKAI_PSB: '鄂公网安备42050202000001号' });
  const page2 = await configured.newPage();
  await page2.goto('/');
  const items = await page2.locator('.footer-identity li').allTextContents();
  assert.deepEqual(items, ['主办单位：宜昌市人民政府办公室', '网站标识码：4205000001', '鄂ICP备05010662号-1', '鄂公网安备42050202000001号']);
  assert.equal(await page2.getByRole('link', { name: '鄂ICP备05010662号-1' }).getAttribute('href'), 'https://beian.miit.gov.cn/');
});
