// The yearly schedule file: the JSON of NateScarlet/holiday-cn (`{year, papers, days: [{name, date, isOffDay}]}`,
// isOffDay false = make-up workday), which is also what ../shared/data/holidays/*.json holds. Parsed strictly: every
// problem is reported with the path of the bad field (e.g. `days[3].date`) in a Chinese message.
import { ValidationError, type FieldError } from '../../platform/errors.ts';
import { isIsoDate } from '../../platform/calendar/calendar.ts';

export type ScheduleDay = { name: string; date: string; isOffDay: boolean };
export type ScheduleFile = { year: number; papers: string[]; days: ScheduleDay[] };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_DAYS = 200;
const MAX_ERRORS = 20;
const ALLOWED_TOP = new Set(['$schema', '$id', 'year', 'papers', 'days']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a schedule (an object already parsed from JSON, or its text). */
export function parseScheduleFile(input: unknown): ScheduleFile {
  const errors: FieldError[] = [];
  const fail = (path: string, code: FieldError['code'], params?: Record<string, unknown>) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, code, params });
  };
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new ValidationError([{ path: '文件', code: 'custom', params: { zh: '不是有效的 JSON', en: 'is not valid JSON' } }], 'CALENDAR_SCHEDULE_INVALID');
    }
  }
  if (!isObject(value)) throw new ValidationError([{ path: '文件', code: 'type', params: { type: 'object' } }], 'CALENDAR_SCHEDULE_INVALID');

  for (const key of Object.keys(value)) if (!ALLOWED_TOP.has(key)) fail(key, 'additionalProperties');
  const year = value.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  if (year === undefined) fail('year', 'required');
  else if (typeof year !== 'number' || !Number.isInteger(year)) fail('year', 'type', { type: 'integer' });
  else if (!yearOk) fail('year', year < MIN_YEAR ? 'minimum' : 'maximum', { limit: year < MIN_YEAR ? MIN_YEAR : MAX_YEAR });

  const papers: string[] = [];
  if (value.papers !== undefined) {
    if (!Array.isArray(value.papers)) fail('papers', 'type', { type: 'array' });
    else
      value.papers.forEach((p, i) => {
        if (typeof p !== 'string') fail(`papers[${i}]`, 'type', { type: 'string' });
        else if (p.length > 500) fail(`papers[${i}]`, 'maxLength', { limit: 500 });
        else papers.push(p);
      });
  }

  const days: ScheduleDay[] = [];
  if (value.days === undefined) fail('days', 'required');
  else if (!Array.isArray(value.days)) fail('days', 'type', { type: 'array' });
  else if (value.days.length === 0) fail('days', 'minItems', { limit: 1 });
  else if (value.days.length > MAX_DAYS) fail('days', 'maxItems', { limit: MAX_DAYS });
  else {
    const seen = new Set<string>();
    value.days.forEach((d, i) => {
      const at = `days[${i}]`;
      if (!isObject(d)) return fail(at, 'type', { type: 'object' });
      for (const key of Object.keys(d)) if (key !== 'name' && key !== 'date' && key !== 'isOffDay') fail(`${at}.${key}`, 'additionalProperties');
      let ok = true;
      const bad = (path: string, code: FieldError['code'], params?: Record<string, unknown>) => {
        ok = false;
        fail(path, code, params);
      };
      if (d.name === undefined) bad(`${at}.name`, 'required');
      else if (typeof d.name !== 'string') bad(`${at}.name`, 'type', { type: 'string' });
      else if (!d.name.trim()) bad(`${at}.name`, 'required');
      else if (d.name.length > 50) bad(`${at}.name`, 'maxLength', { limit: 50 });
      if (d.isOffDay === undefined) bad(`${at}.isOffDay`, 'required');
      else if (typeof d.isOffDay !== 'boolean') bad(`${at}.isOffDay`, 'type', { type: 'boolean' });
      if (d.date === undefined) bad(`${at}.date`, 'required');
      else if (typeof d.date !== 'string' || !isIsoDate(d.date)) bad(`${at}.date`, 'calendarDate');
      else if (seen.has(d.date)) bad(`${at}.date`, 'calendarDuplicate', { date: d.date });
      else if (yearOk && !(d.date.startsWith(`${year}-`) || d.date.startsWith(`${(year as number) - 1}-12-`))) {
        bad(`${at}.date`, 'calendarOutsideYear', { date: d.date, year, prev: (year as number) - 1 });
      }
      if (typeof d.date === 'string') seen.add(d.date);
      if (ok) days.push({ name: (d.name as string).trim(), date: d.date as string, isOffDay: d.isOffDay as boolean });
    });
  }
  if (errors.length > 0) throw new ValidationError(errors, 'CALENDAR_SCHEDULE_INVALID');
  return { year: year as number, papers, days: days.sort((a, b) => a.date.localeCompare(b.date)) };
}
