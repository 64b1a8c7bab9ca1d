// 工作日历 in the admin app: a system administrator imports a year's schedule (.json) through the page, sees its
// days, adds an override citing a document and deletes it after confirming; the public working-days API follows
// each change. The page passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from '../support/app.ts';
import { axeViolations, screenshot, startPortal } from './support/browser.ts';
import { sharedData } from '../support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');

/** A 2027 schedule derived from the 2026 file: every date 52 weeks later, so weekdays (and make-up weekends) are kept. */
function schedule2027(): Buffer {
  const s = JSON.parse(readFileSync(join(HOLIDAYS, '2026.json'), 'utf8')) as { papers: string[]; days: { date: string }[] };
  const plus364 = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);
  return Buffer.from(JSON.stringify({ year: 2027, papers: s.papers, days: s.days.map((d) => ({ ...d, date: plus364(d.date) })) }));
}

test('工作日历: import a schedule, see its days, add and delete an override; the working-days API follows', async (t) => {
  const portal = await startPortal(t);
  const { app } = portal;
  const answer = async () => (await app.inject('/api/v1/calendar/working-days?from=2027-09-29&days=1')).json() as { date: string; provisional: boolean };
  assert.deepEqual(await answer(), { date: '2027-09-30', provisional: true }, 'before the import: weekends only, provisional');
  const status = (await app.inject('/api/v1/calendar/years')).json() as { nextYear: number; nextYearScheduled: boolean };

  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto('/admin/calendar?year=2027');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('2027 年安排未载入：按周末推算（暂定）').waitFor();
  if (!status.nextYearScheduled) await page.getByText(`${status.nextYear} 年节假日安排尚未载入`).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the calendar page has no WCAG violations');

  // Import through the page.
  await page.getByRole('button', { name: /导入年度安排/ }).click();
  const importDialog = page.getByRole('dialog', { name: '导入年度节假日安排' });
  await importDialog.locator('input[type=file]').setInputFiles({ name: '2027.json', mimeType: 'application/json', buffer: schedule2027() });
  await importDialog.getByRole('button', { name: /导\s*入/ }).click();
  await page.getByText('已导入 2027 年节假日安排：39 天（放假 33 天，调休上班 6 天），替换原有调整 0 条。').waitFor();
  await page.getByRole('button', { name: '知道了' }).click();
  await page.getByText('2027 年安排已载入').waitFor();
  const row = page.getByRole('row').filter({ hasText: '2027-10-09' });
  await row.getByText('调休上班').waitFor();
  assert.match(await row.innerText(), /国庆节[\s\S]*调整：国务院办公厅关于2027年部分节假日安排的通知/);
  assert.deepEqual(await answer(), { date: '2027-10-07', provisional: false }, 'the imported National Day week is skipped');

  // Add an override citing a document.
  await page.getByRole('button', { name: /新增调整/ }).click();
  const dialog = page.getByRole('dialog', { name: '新增调整' });
  await dialog.getByLabel('日期').fill('2027-10-07');
  await dialog.getByLabel('放假').check();
  await dialog.getByLabel('节日名称').fill('延长假期');
  await dialog.getByLabel('来源文件').fill('宜昌市人民政府办公室关于国庆假期调整的通知');
  await dialog.getByLabel('文号').fill('宜府办电〔2027〕9号');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('row').filter({ hasText: '2027-10-07' }).getByText('宜府办电〔2027〕9号', { exact: false }).waitFor();
  assert.deepEqual(await answer(), { date: '2027-10-08', provisional: false }, 'the override is in the API answer at once');

  // The page's calculator gives the same answer.
  await page.getByLabel('起算日').fill('2027-09-29');
  await page.getByLabel('工作日数').fill('1');
  await page.getByRole('button', { name: /计\s*算/ }).click();
  assert.equal(await page.getByTestId('working-day-result').innerText(), '2027-10-08');
  await screenshot(page, 'admin-calendar');
  assert.deepEqual(await axeViolations(page), [], 'no WCAG violations with data');

  // Delete after confirming.
  await page.getByRole('button', { name: '删除调整：2027-10-07' }).click();
  const confirm = page.getByRole('dialog', { name: '删除 2027-10-07 的调整？' });
  await confirm.waitFor();
  assert.deepEqual(await answer(), { date: '2027-10-08', provisional: false }, 'nothing is deleted before confirming');
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await page.getByText('已删除 2027-10-07 的调整').waitFor();
  assert.deepEqual(await answer(), { date: '2027-10-07', provisional: false });
});
