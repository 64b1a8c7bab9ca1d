import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { addDays } from './dates.ts';
import {
  checkDateOrder,
  checkDateValues,
  checkDisclosure,
  checkLatePublication,
  checkMetadata,
  checkSummary,
  type AddWorkingDays,
} from './metadata-rules.ts';
import { sharedData } from '../../../../test/support/shared-data.ts';

const TODAY = '2024-06-01';
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);

// A working-day calendar for the tests: the official 2024 schedule from ../shared/data when present,
// weekends only otherwise (the real calendar belongs to the platform/calendar module).
const HOLIDAYS = sharedData('holidays/2024.json');
const overrides = new Map<string, boolean>(
  existsSync(HOLIDAYS)
    ? (JSON.parse(readFileSync(HOLIDAYS, 'utf8')) as { days: { date: string; isOffDay: boolean }[] }).days.map((d) => [d.date, d.isOffDay])
    : [],
);
const addWorkingDays: AddWorkingDays = (date, n) => {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const off = overrides.get(d) ?? (weekday === 0 || weekday === 6);
    if (!off) left--;
  }
  return d;
};

test('dates: malformed, impossible, too early and future dates', () => {
  const r = checkDateValues(
    { writtenOn: '2024-02-30', publishedOn: '2024-6-1', effectiveFrom: '0202-01-01', formedOn: '2024-06-02', expiresOn: '2030-01-01', repealedOn: '' },
    { today: TODAY },
  );
  assert.deepEqual(
    r.map((i) => [i.path, i.code]),
    [
      ['writtenOn', 'invalid_date'],
      ['publishedOn', 'invalid_date'],
      ['effectiveFrom', 'date_too_early'],
      ['formedOn', 'date_in_future'],
    ],
  );
  assert.equal(r[0]!.zh, '成文日期“2024-02-30”不是有效日期（格式：YYYY-MM-DD）。');
  assert.deepEqual(codes(checkDateValues({ publishedOn: '2024-06-05' }, { today: TODAY })), ['date_in_future']);
  assert.deepEqual(codes(checkDateValues({ publishedOn: '2024-06-05' }, { today: TODAY, allowFuturePublication: true })), []);
  assert.deepEqual(codes(checkDateValues({ effectiveFrom: '1950-01-01' }, { today: TODAY, minDate: '1978-01-01' })), ['date_too_early']);
});

test('dates: order between 成文, 发布, 实施, 有效期至 and 废止', () => {
  assert.deepEqual(codes(checkDateOrder({ writtenOn: '2024-03-02', publishedOn: '2024-03-01' })), ['written_after_published']);
  assert.deepEqual(codes(checkDateOrder({ writtenOn: '2024-03-01', publishedOn: '2024-03-01' })), []);
  assert.deepEqual(codes(checkDateOrder({ writtenOn: '2024-03-01', effectiveFrom: '2024-02-29' })), ['effective_before_written']);
  assert.deepEqual(codes(checkDateOrder({ effectiveFrom: '2024-03-01', repealedOn: '2024-02-29' })), ['repealed_before_effective']);
  assert.deepEqual(codes(checkDateOrder({ effectiveFrom: '2024-03-01', expiresOn: '2024-02-29' })), ['expires_before_effective']);
  assert.deepEqual(codes(checkDateOrder({ writtenOn: '2024-13-01', publishedOn: '2024-03-01' })), [], 'invalid dates are reported once, elsewhere');
});

test('retroactive effect is an error by default, a warning when configured', () => {
  const meta = { writtenOn: '2024-03-01', effectiveFrom: '2024-01-01' };
  assert.deepEqual(codes(checkMetadata(meta, { today: TODAY }).errors), ['effective_before_written']);
  const w = checkMetadata(meta, { today: TODAY, retroactiveEffect: 'warning' });
  assert.deepEqual([codes(w.errors), codes(w.warnings)], [[], ['effective_before_written']]);
});

test('内容概述: at most 100 characters, counted as characters not UTF-16 units', () => {
  assert.deepEqual(checkSummary('政'.repeat(100)), []);
  assert.deepEqual(checkSummary(`  ${'政'.repeat(100)}  `), []);
  const r = checkSummary('政'.repeat(101));
  assert.deepEqual(codes(r), ['summary_too_long']);
  assert.equal(r[0]!.zh, '内容概述不能超过100个字（现为101个字）。');
  assert.deepEqual(checkSummary('𠀀'.repeat(100)), []); // astral characters count once
  assert.deepEqual(codes(checkSummary('abc', 2)), ['summary_too_long']);
  assert.deepEqual(checkSummary(null), []);
});

test('不予公开 needs a reason', () => {
  assert.deepEqual(codes(checkDisclosure({ disclosure: 'withheld' })), ['withheld_reason_required']);
  assert.deepEqual(codes(checkDisclosure({ disclosure: 'withheld', withheldReason: '  ' })), ['withheld_reason_required']);
  assert.deepEqual(checkDisclosure({ disclosure: 'withheld', withheldReason: '属于国家秘密' }), []);
  assert.deepEqual(checkDisclosure({ disclosure: 'proactive' }), []);
});

test('Art. 26: publication more than 20 working days after the information was formed is a warning', { skip: !existsSync(HOLIDAYS) && 'no ../shared/data' }, () => {
  // formed Fri 2024-09-20; the 国庆 holiday and the make-up Sundays/Saturdays push the deadline to 2024-10-23
  const opts = { today: '2024-12-01', addWorkingDays };
  assert.deepEqual(checkLatePublication({ formedOn: '2024-09-20', publishedOn: '2024-10-23' }, opts), []);
  const late = checkLatePublication({ formedOn: '2024-09-20', publishedOn: '2024-10-24' }, opts);
  assert.deepEqual(codes(late), ['late_publication']);
  assert.equal(late[0]!.path, 'publishedOn');
  assert.deepEqual(late[0]!.params, { formedOn: '2024-09-20', deadline: '2024-10-23', days: 20, projected: false, provisional: false });
  assert.match(late[0]!.zh, /2024年10月23日/);
  const r = checkMetadata({ formedOn: '2024-09-20', publishedOn: '2024-10-24' }, opts);
  assert.deepEqual([codes(r.errors), codes(r.warnings)], [[], ['late_publication']]);
});

test('late check: drafts are measured against today; provisional calendars are flagged; non-proactive items skipped', () => {
  const draft = checkLatePublication({ formedOn: '2024-01-02' }, { today: TODAY, addWorkingDays });
  assert.equal(draft[0]?.params?.projected, true);
  assert.match(draft[0]!.zh, /^如今天发布/);
  const provisional: AddWorkingDays = (d, n) => ({ date: addWorkingDays(d, n) as string, provisional: true });
  assert.equal(checkLatePublication({ formedOn: '2024-01-02', publishedOn: '2024-05-01' }, { today: TODAY, addWorkingDays: provisional })[0]?.params?.provisional, true);
  assert.deepEqual(checkLatePublication({ formedOn: '2024-01-02', publishedOn: '2024-05-01', disclosure: 'on_request' }, { today: TODAY, addWorkingDays }), []);
  assert.deepEqual(checkLatePublication({ formedOn: '2024-01-02', publishedOn: '2024-05-01' }, { today: TODAY }), [], 'no calendar, no check');
  assert.deepEqual(checkLatePublication({ formedOn: '2024-01-02', publishedOn: '2024-05-01' }, { today: TODAY, addWorkingDays, publishWithinWorkingDays: 100 }), []);
});

test('a complete, consistent record has no issues', () => {
  const r = checkMetadata(
    { writtenOn: '2024-03-01', publishedOn: '2024-03-05', effectiveFrom: '2024-04-01', expiresOn: '2029-03-31', formedOn: '2024-03-01', summary: '规范城区停车管理。', disclosure: 'proactive' },
    { today: TODAY, addWorkingDays },
  );
  assert.deepEqual(r, { errors: [], warnings: [] });
});

test('property: every issue has a path, a code and both messages; valid ordered dates give no errors', () => {
  const day = fc.integer({ min: -20_000, max: 20_000 }).map((n) => addDays('2000-01-01', n));
  const maybe = fc.option(fc.oneof(day, fc.constantFrom('2023-02-29', 'x', '2023-1-1')), { nil: null });
  fc.assert(
    fc.property(fc.record({ writtenOn: maybe, publishedOn: maybe, effectiveFrom: maybe, expiresOn: maybe, repealedOn: maybe, formedOn: maybe, summary: fc.string({ maxLength: 120 }) }), (meta) => {
      const { errors, warnings } = checkMetadata(meta, { today: TODAY, addWorkingDays });
      for (const i of [...errors, ...warnings]) assert.ok(i.path && i.code && i.zh && i.en);
    }),
  );
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 4 }), (gaps) => {
      const [w, p, e, x] = gaps.reduce<string[]>((acc, g) => [...acc, addDays(acc.at(-1) ?? '2010-01-01', g)], []);
      const r = checkMetadata({ writtenOn: w, publishedOn: p, effectiveFrom: e, expiresOn: x, repealedOn: x }, { today: '2099-12-31' });
      assert.deepEqual(r.errors, []);
    }),
  );
});
