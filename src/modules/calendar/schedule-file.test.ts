import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../../platform/errors.ts';
import { renderError } from '../../platform/http/error-handler.ts';
import { parseScheduleFile } from './schedule-file.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');
const raw = (year: number) => readFileSync(join(HOLIDAYS, `${year}.json`), 'utf8');

test('every schedule file of 2019–2026 parses, with the late-December days of the year before', () => {
  for (let year = 2019; year <= 2026; year += 1) {
    const parsed = parseScheduleFile(raw(year));
    const original = JSON.parse(raw(year)) as { days: unknown[]; papers: string[] };
    assert.equal(parsed.year, year);
    assert.equal(parsed.days.length, original.days.length);
    assert.deepEqual(parsed.papers, original.papers);
  }
  assert.ok(parseScheduleFile(raw(2019)).days.some((d) => d.date === '2018-12-29' && !d.isOffDay));
});

/** The Chinese field messages of a refused file. */
function problems(input: unknown): { path: string; message: string }[] {
  try {
    parseScheduleFile(input);
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.code, 'CALENDAR_SCHEDULE_INVALID');
    return renderError(err, 'zh').error.fields ?? [];
  }
  assert.fail('the file was accepted');
}

test('a bad file is refused with the path of every bad field and a Chinese message', () => {
  const good = JSON.parse(raw(2026)) as { year: number; days: Record<string, unknown>[] };
  const bad = structuredClone(good);
  bad.days[0]!.date = '2026-02-30';
  bad.days[1]!.isOffDay = 'yes';
  bad.days[2]!.date = good.days[3]!.date;
  delete bad.days[4]!.name;
  bad.days[5]!.date = '2024-05-01';
  bad.days[6]!.extra = 1;
  const found = problems(bad);
  const by = new Map(found.map((p) => [p.path, p.message]));
  assert.match(by.get('days[0].date')!, /不是有效的日期/);
  assert.match(by.get('days[1].isOffDay')!, /类型应为布尔值/);
  assert.match(by.get('days[3].date')!, /重复/);
  assert.equal(by.get('days[4].name'), '必填');
  assert.match(by.get('days[5].date')!, /不属于 2026 年的安排/);
  assert.equal(by.get('days[6].extra'), '不允许的字段');

  assert.equal(problems('{not json')[0]!.message, '不是有效的 JSON');
  assert.deepEqual(problems([]).map((p) => p.path), ['文件']);
  assert.deepEqual(problems({ days: good.days }).map((p) => p.path), ['year']);
  assert.match(problems({ year: 1999, days: good.days })[0]!.message, /不能小于 2000/);
  assert.deepEqual(problems({ year: 2026, days: [] }).map((p) => p.path), ['days']);
  assert.deepEqual(problems({ year: 2026, papers: 'x', days: good.days, holidays: [] }).map((p) => p.path).sort(), ['holidays', 'papers']);
  const message = renderError(new ValidationError([{ path: 'days[0].date', code: 'calendarDate' }], 'CALENDAR_SCHEDULE_INVALID'), 'zh').error.message;
  assert.match(message, /^节假日安排文件有误：days\[0\]\.date 不是有效的日期/);
});
