import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { createUnitOfWork } from '../../src/platform/db/unit-of-work.ts';
import { systemActor, type Actor } from '../../src/platform/authz/actor.ts';
import { CalendarService } from '../../src/modules/calendar/index.ts';
import { sharedData } from '../support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');
type ScheduleJson = { year: number; papers: string[]; days: { name: string; date: string; isOffDay: boolean }[] };
const schedule = (year: number) => JSON.parse(readFileSync(join(HOLIDAYS, `${year}.json`), 'utf8')) as ScheduleJson;

const plus364 = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);
/**
 * A 2027 schedule for the tests, derived from the 2026 file: every date 52 weeks later (weekdays kept, so make-up
 * days stay on weekends); 2026-01-01 becomes 2026-12-31, a late-December day of the year before as real files have.
 */
function schedule2027(): ScheduleJson {
  const s = schedule(2026);
  return { year: 2027, papers: ['https://example.gov.cn/2027'], days: s.days.map((d) => ({ ...d, date: plus364(d.date) })) };
}

const admin = systemActor('测试');

test('working-days API: public, start not counted, clear Chinese 400s for impossible input', async (t) => {
  const { app } = await buildTestApp(t);
  const ask = (query: string) => app.inject({ url: `/api/v1/calendar/working-days?${query}` });

  const ok = await ask('from=2026-09-30&days=1');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { date: '2026-10-08', provisional: false });
  assert.deepEqual((await ask('from=2026-09-30&days=3')).json(), { date: '2026-10-10', provisional: false }, 'make-up Saturday counts');
  assert.deepEqual((await ask('from=2026-09-30&days=0')).json(), { date: '2026-09-30', provisional: false });
  assert.deepEqual((await ask('from=2026-12-31&days=20')).json().provisional, true, '2027 is not loaded');

  for (const [query, path, pattern] of [
    ['from=2026-02-30&days=1', 'from', /不是有效的日期/],
    ['from=2026-2-3&days=1', 'from', /不是有效的日期/],
    ['from=2026-09-30&days=3651', 'days', /不能大于 3650/],
    ['from=2026-09-30&days=-1', 'days', /不能小于 0/],
    ['from=2026-09-30&days=abc', 'days', /整数/],
    ['days=1', 'from', /必填/],
  ] as const) {
    const res = await ask(query);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const body = res.json() as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.equal(body.error.fields[0]!.path, path, query);
    assert.match(body.error.fields[0]!.message, pattern, query);
    assert.match(body.error.message, /^提交的数据有误/);
  }
});

test('import through the API: the year becomes scheduled, its days are listed with their source, the answer changes, audited', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);

  const before = (await app.inject({ url: '/api/v1/calendar/working-days?from=2027-09-29&days=1' })).json();
  assert.deepEqual(before, { date: '2027-09-30', provisional: true }, 'weekends only in an unloaded year');

  const imported = await app.inject({ method: 'POST', url: '/api/v1/calendar/import', headers, payload: schedule2027() });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.deepEqual(imported.json(), { year: 2027, days: 39, holidays: 33, workdays: 6, replaced: 0 });

  const after = (await app.inject({ url: '/api/v1/calendar/working-days?from=2027-09-29&days=1' })).json();
  assert.deepEqual(after, { date: '2027-10-07', provisional: false });
  assert.deepEqual((await app.inject({ url: '/api/v1/calendar/working-days?from=2027-10-06&days=3' })).json(), { date: '2027-10-09', provisional: false }, 'imported make-up Saturday');

  const days = (await app.inject({ url: '/api/v1/calendar/days?year=2027' })).json() as { scheduled: boolean; items: { date: string; kind: string; source: string; name: string; sourceTitle: string }[] };
  assert.equal(days.scheduled, true);
  assert.equal(days.items.length, 38, 'the 39 days of the file less 2026-12-31');
  const oct1 = days.items.find((d) => d.date === '2027-09-30')!;
  assert.deepEqual([oct1.kind, oct1.source, oct1.name, oct1.sourceTitle], ['holiday', 'override', '国庆节', '国务院办公厅关于2027年部分节假日安排的通知']);
  const builtin = (await app.inject({ url: '/api/v1/calendar/days?year=2026' })).json() as typeof days;
  assert.ok(builtin.items.some((d) => d.date === '2026-10-10' && d.kind === 'workday' && d.source === 'chinese-days'));
  assert.ok(builtin.items.some((d) => d.date === '2026-12-31' && d.kind === 'holiday' && d.source === 'override'), 'the late-December day of the 2027 file');

  const years = (await app.inject({ url: '/api/v1/calendar/years' })).json() as { items: { year: number; scheduled: boolean; source: string | null; papers: string[] }[] };
  assert.deepEqual(
    years.items.find((y) => y.year === 2027),
    { ...years.items.find((y) => y.year === 2027), scheduled: true, source: 'import', papers: ['https://example.gov.cn/2027'] },
  );
  assert.equal(years.items.find((y) => y.year === 2026)!.source, 'chinese-days');

  // Re-importing replaces the year: a hand-made override in 2027 goes, the count stays.
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2027-06-01', headers, payload: { kind: 'holiday', sourceTitle: '测试通知' } })).statusCode, 200);
  const again = await app.inject({ method: 'POST', url: '/api/v1/calendar/import', headers, payload: schedule2027() });
  assert.equal(again.json().replaced, 40);
  assert.equal(((await app.inject({ url: '/api/v1/calendar/overrides?year=2027', headers })).json() as { items: unknown[] }).items.length, 38);

  const bad = schedule2027();
  bad.days[2]!.date = '2027-02-30';
  const refused = await app.inject({ method: 'POST', url: '/api/v1/calendar/import', headers, payload: bad });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.code, 'CALENDAR_SCHEDULE_INVALID');
  assert.match(refused.json().error.message, /days\[2\]\.date 不是有效的日期/);

  const audit = await services.database.db.selectFrom('aud_log').select(['action', 'entity_id']).where('action', 'like', 'calendar.%').orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['calendar.import', 'calendar.override_create', 'calendar.import']);
});

test('overrides: only platform administrators change them, with a source document; the answer follows at once', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const dept = await orgByName(services, '宜昌市司法局');
  const office = await buildUser(services, dept.id, [{ role: 'office_admin', orgId: dept.id }]);
  const officeHeaders = await login(office.username, office.password);
  const answer = async () => (await app.inject({ url: '/api/v1/calendar/working-days?from=2026-09-30&days=1' })).json().date as string;

  const body = { kind: 'holiday', name: '临时调整', sourceTitle: '宜昌市人民政府办公室关于调整假期的通知', sourceNumber: '宜府办电〔2026〕1号', note: '测试' };
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-08', payload: body })).statusCode, 401);
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-08', headers: officeHeaders, payload: body })).statusCode, 403);
  assert.equal((await app.inject({ url: '/api/v1/calendar/overrides?year=2026', headers: officeHeaders })).statusCode, 403);
  assert.equal(await answer(), '2026-10-08');

  const noSource = await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-08', headers, payload: { kind: 'holiday', sourceTitle: '  ' } });
  assert.equal(noSource.statusCode, 400);
  assert.equal(noSource.json().error.fields[0].path, 'sourceTitle');
  const badDate = await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-02-30', headers, payload: body });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.json().error.message, /date 不是有效的日期/);

  const put = await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-08', headers, payload: body });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().createdBy, '系统管理员');
  assert.equal(await answer(), '2026-10-09');
  const day = ((await app.inject({ url: '/api/v1/calendar/days?year=2026' })).json() as { items: { date: string; source: string; sourceNumber: string }[] }).items.find((d) => d.date === '2026-10-08');
  assert.deepEqual([day?.source, day?.sourceNumber], ['override', '宜府办电〔2026〕1号']);

  // A make-up Sunday by override: 2026-10-11 becomes a working day.
  await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-11', headers, payload: { ...body, kind: 'workday' } });
  assert.deepEqual((await app.inject({ url: '/api/v1/calendar/working-days?from=2026-09-30&days=3' })).json(), { date: '2026-10-11', provisional: false });
  assert.equal(services.calendar.current().isWorkingDay('2026-10-11'), true, 'the in-process snapshot follows the change');

  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-08', headers: officeHeaders })).statusCode, 403);
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-08', headers })).statusCode, 204);
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-08', headers })).statusCode, 404);
  assert.equal(await answer(), '2026-10-08');

  const audit = await services.database.db.selectFrom('aud_log').select(['action', 'entity_id', 'before', 'after']).where('action', 'like', 'calendar.%').orderBy('at').execute();
  assert.deepEqual(audit.map((a) => `${a.action} ${a.entity_id}`), ['calendar.override_create 2026-10-08', 'calendar.override_create 2026-10-11', 'calendar.override_delete 2026-10-08']);
  assert.equal(JSON.parse(audit[2]!.before!).sourceNumber, '宜府办电〔2026〕1号');

  // Marking a year loaded by hand ends the provisional flag there; unmarking brings it back.
  const mark = await app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2028', headers, payload: { sourceTitle: '国务院办公厅关于2028年部分节假日安排的通知' } });
  assert.equal(mark.statusCode, 200, mark.body);
  assert.equal(mark.json().source, 'manual');
  assert.equal((await app.inject({ url: '/api/v1/calendar/working-days?from=2028-03-01&days=5' })).json().provisional, false);
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/calendar/years/2028', headers })).statusCode, 204);
  assert.equal((await app.inject({ url: '/api/v1/calendar/working-days?from=2028-03-01&days=5' })).json().provisional, true);
});

test('another instance sees a change after its version check; current() stays synchronous', async (t) => {
  const { services } = await buildTestApp(t);
  const { db } = services.database;
  const other = new CalendarService(db, createUnitOfWork(db), { refreshSeconds: 3600, today: () => '2026-11-27' });
  await other.load();
  assert.equal(other.current().isScheduled(2027), false);

  await services.calendar.importSchedule(admin, schedule2027());
  assert.equal(other.current().isScheduled(2027), false, 'no database access in current()');
  assert.equal((await other.snapshot()).isScheduled(2027), false, 'checked less than refreshSeconds ago');
  assert.equal(await other.refreshIfChanged(), true);
  assert.equal(other.current().isScheduled(2027), true);
  assert.equal(await other.refreshIfChanged(), false, 'nothing changed since');

  const eager = new CalendarService(db, createUnitOfWork(db), { refreshSeconds: 0, today: () => '2026-11-27' });
  assert.equal(eager.loaded, false);
  assert.equal((await eager.snapshot()).isWorkingDay('2027-09-30'), false, 'snapshot() loads on first use');
  await services.calendar.putOverride(admin, '2027-09-30', { kind: 'workday', sourceTitle: '测试' });
  assert.equal((await eager.snapshot()).isWorkingDay('2027-09-30'), true);
});

test('November reminder: administrators see "请导入 2027 年节假日安排" from 1 November until 2027 is loaded', async (t) => {
  const { services } = await buildTestApp(t);
  const dept = await orgByName(services, '宜昌市司法局');
  const row = await services.database.db.selectFrom('iam_org').select('path').where('id', '=', dept.id).executeTakeFirstOrThrow();
  const editor: Actor = { kind: 'user', userId: 'x', userName: '编辑', grants: [{ id: 'g', role: 'office_admin', orgId: dept.id, orgPath: row.path }], scopes: null, ip: null, requestId: null };
  const reminders = async (actor: Actor, today: string) => (await services.todo.list(actor, today)).items.filter((i) => i.kind === 'calendar_schedule');

  assert.deepEqual(await reminders(admin, '2026-10-31'), []);
  const [first] = await reminders(admin, '2026-11-01');
  assert.equal(first?.title, '请导入 2027 年节假日安排');
  assert.equal(first?.href, '/calendar?year=2027');
  assert.equal(first?.urgent, false);
  assert.equal((await reminders(admin, '2026-12-20'))[0]?.urgent, true);
  assert.deepEqual(await reminders(editor, '2026-11-01'), [], 'only platform administrators');
  assert.deepEqual(await reminders(admin, '2025-11-15'), [], '2026 is bundled in chinese-days');

  await services.calendar.importSchedule(admin, schedule2027());
  assert.deepEqual(await reminders(admin, '2026-11-02'), []);
});

test('importing the eight real schedule files leaves every date of 2019–2026 as the files say', async (t) => {
  const { app, services } = await buildTestApp(t);
  const expected = new Map<string, boolean>();
  for (let year = 2019; year <= 2026; year += 1) {
    const file = schedule(year);
    const r = await services.calendar.importSchedule(admin, readFileSync(join(HOLIDAYS, `${year}.json`), 'utf8'));
    assert.deepEqual([r.year, r.days], [year, file.days.length]);
    for (const d of file.days) expected.set(d.date, !d.isOffDay);
  }
  const calendar = services.calendar.current();
  const wrong: string[] = [];
  for (let t0 = Date.UTC(2019, 0, 1); t0 < Date.UTC(2027, 0, 1); t0 += 86_400_000) {
    const date = new Date(t0).toISOString().slice(0, 10);
    const weekday = new Date(t0).getUTCDay();
    if (calendar.isWorkingDay(date) !== (expected.get(date) ?? (weekday !== 0 && weekday !== 6))) wrong.push(date);
  }
  assert.deepEqual(wrong, []);
  const years = (await app.inject({ url: '/api/v1/calendar/years' })).json() as { items: { year: number; source: string }[] };
  assert.deepEqual(years.items.filter((y) => y.year >= 2019 && y.year <= 2026).map((y) => y.source), Array(8).fill('import'));
  const overrides = await services.database.db.selectFrom('cal_override').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(overrides.n), expected.size, 'each listed day once, the late-December days of 2019 and 2023 included');
});

test('normative filing periods counted in working days follow the administrators’ overrides', async (t) => {
  const { app, services, login } = await buildTestApp(t, { GONGKAI_NORMATIVE_DAY_COUNT: 'working', GONGKAI_NORMATIVE_FILING_DAYS: '1' });
  const dept = await orgByName(services, '宜昌市教育局');
  const editor = await buildUser(services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const reviewer = await buildUser(services, dept.id, [{ role: 'reviewer', orgId: dept.id }]);
  const [e, r] = await Promise.all([editor, reviewer].map((u) => login(u.username, u.password)));
  const today = services.relations.today();
  const usual = services.calendar.current().addWorkingDays(today, 1).date;
  await services.calendar.putOverride(admin, usual, { kind: 'holiday', sourceTitle: '测试：临时放假' });
  const expected = services.calendar.current().addWorkingDays(today, 1).date;
  assert.ok(expected > usual);

  const doc = (await app.inject({ method: 'POST', url: '/api/v1/documents', headers: e!, payload: { organisationId: dept.id, title: '宜昌市教育局关于日历测试的规定', normativeKind: 'normative', effectiveFrom: '2024-01-01' } })).json();
  for (const [h, action] of [[e, 'submit'], [r, 'approve'], [r, 'publish']] as const) {
    const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${doc.id}/actions`, headers: h!, payload: { action } });
    assert.equal(res.statusCode, 200, res.body);
  }
  await services.outbox.idle();
  const filing = await services.database.db.selectFrom('doc_filing').select(['published_on', 'due_on']).where('document_id', '=', doc.id).executeTakeFirstOrThrow();
  assert.equal(filing.published_on, today);
  assert.equal(filing.due_on, expected, `the override on ${usual} is skipped`);
});
