import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, newInstance, noStack, seed } from './cli.testkit.ts';
import { sharedData } from '../../test/support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');

test('gongkai calendar: add-working-days uses the database overrides; import marks a year loaded; list shows the days', async (t) => {
  const inst = await newInstance();
  t.after(() => inst.dispose());
  await seed(inst);

  const plain = await cli(inst, ['calendar', 'add-working-days', '2026-09-30', '1']);
  assert.equal(plain.code, 0, plain.err);
  assert.equal(plain.out, '2026-10-08\n');
  const late = await cli(inst, ['calendar', 'add-working-days', '2026-12-31', '20']);
  assert.match(late.out, /^2027-01-\d\d provisional\n$/);

  // A 2027 schedule derived from the 2026 file (every date 52 weeks later, so weekdays are kept), imported from a file.
  const s2026 = JSON.parse(readFileSync(join(HOLIDAYS, '2026.json'), 'utf8')) as { days: { date: string }[] };
  const plus364 = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);
  const file = join(inst.dir, '2027.json');
  writeFileSync(file, JSON.stringify({ year: 2027, papers: [], days: s2026.days.map((d) => ({ ...d, date: plus364(d.date) })) }));
  const imported = await cli(inst, ['calendar', 'import', file, '--source-number', '国办发明电〔2026〕1号']);
  assert.equal(imported.code, 0, imported.err);
  assert.equal(imported.out, '已导入 2027 年节假日安排：39 天（放假 33 天，调休上班 6 天），替换原有调整 0 条。\n');
  const after = await cli(inst, ['calendar', 'add-working-days', '2027-09-29', '1']);
  assert.equal(after.out, '2027-10-07\n', 'the imported National Day week is skipped, and 2027 is no longer provisional');

  const list = await cli(inst, ['calendar', 'list', '--year', '2027']);
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /2027-10-09\s+星期六\s+调休上班\s+国庆节\s+调整：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕1号）/);
  assert.match(list.out, /2027 年：节假日安排已载入，共 38 个特殊日期。/);
  const json = JSON.parse((await cli(inst, ['calendar', 'list', '--year', '2026', '--json'])).out) as { items: { date: string; source: string }[] };
  assert.ok(json.items.some((d) => d.date === '2026-10-10' && d.source === 'chinese-days'));
  assert.match((await cli(inst, ['calendar', 'list', '--year', '2028'])).out, /2028 年：节假日安排尚未载入/);
  assert.match((await cli(inst, ['calendar', 'years'])).out, /2027\s+已载入\s+导入/);

  const bad = await cli(inst, ['calendar', 'add-working-days', '2026-02-30', '1']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /from 不是有效的日期/);
  assert.ok(noStack(bad.err));
  const tooMany = await cli(inst, ['calendar', 'add-working-days', '2026-01-01', '4000']);
  assert.match(tooMany.err, /days 不能大于 3650/);
  const broken = join(inst.dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ year: 2027, days: [{ name: '元旦', date: '2027-13-01', isOffDay: true }] }));
  const refused = await cli(inst, ['calendar', 'import', broken]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /节假日安排文件有误：days\[0\]\.date 不是有效的日期/);
  assert.match((await cli(inst, ['calendar', 'import', join(inst.dir, 'missing.json')])).err, /无法读取文件/);
});
