// The working-day calendar of this installation: chinese-days plus the administrators' overrides and imported
// yearly schedules. Other code takes `current()` (a WorkingDays snapshot, synchronous, no database) after one
// `load()`; `snapshot()` re-reads when another instance changed the calendar (a version counter, checked at most
// every `refreshSeconds`). Every change is audited in its transaction and refreshes this instance at once.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { isPlatformAdmin, type Actor } from '../../platform/authz/actor.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import { WorkingDayCalendar, chineseDaysBase, isIsoDate, type DayInfo } from '../../platform/calendar/calendar.ts';
import type { WorkingDayResult } from '../../platform/calendar/types.ts';
import { CalendarRepository, type OverrideRow, type YearRow } from './calendar.repository.ts';
import type { OverrideKind, YearSource } from './calendar.tables.ts';
import { MAX_YEAR, MIN_YEAR, parseScheduleFile } from './schedule-file.ts';

export const MAX_WORKING_DAYS = 3650;

export type CalendarOptions = {
  /** How often (at most) `snapshot()` asks the database whether another instance changed the calendar. */
  refreshSeconds: number;
  /** Today's date in Beijing (YYYY-MM-DD). */
  today: () => string;
};

export type OverrideInput = { kind: OverrideKind; name?: string | null; sourceTitle: string; sourceNumber?: string | null; note?: string | null };
export type OverrideDto = {
  date: string;
  kind: OverrideKind;
  name: string | null;
  sourceTitle: string;
  sourceNumber: string | null;
  note: string | null;
  scheduleYear: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};
export type CalendarDayDto = Omit<DayInfo, 'source'> & { source: 'chinese-days' | 'override' | null; sourceTitle: string | null; sourceNumber: string | null };
export type YearStatusDto = {
  year: number;
  scheduled: boolean;
  /** chinese-days = bundled with the software; import = a schedule file; manual = marked by an administrator. */
  source: 'chinese-days' | YearSource | null;
  sourceTitle: string | null;
  sourceNumber: string | null;
  papers: string[];
  days: number | null;
  loadedAt: string | null;
  loadedBy: string | null;
  builtin: boolean;
};
export type ImportResult = { year: number; days: number; holidays: number; workdays: number; replaced: number };

const presentOverride = (r: OverrideRow): OverrideDto => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  sourceTitle: r.source_title,
  sourceNumber: r.source_number,
  note: r.note,
  scheduleYear: r.schedule_year,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The title of the State Council notice for a year, used when an imported file names no other source. */
export const noticeTitle = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

function text(path: string, value: string | null | undefined, max: number, required: boolean): string | null {
  const v = value?.trim() ?? '';
  if (!v) {
    if (required) throw ValidationError.field(path, 'required');
    return null;
  }
  if (v.length > max) throw ValidationError.field(path, 'maxLength', { limit: max });
  return v;
}

function checkDate(path: string, date: string): void {
  if (!isIsoDate(date)) throw ValidationError.field(path, 'calendarDate');
}

function checkYear(path: string, year: number): void {
  if (!Number.isInteger(year)) throw ValidationError.field(path, 'type', { type: 'integer' });
  if (year < MIN_YEAR) throw ValidationError.field(path, 'minimum', { limit: MIN_YEAR });
  if (year > MAX_YEAR) throw ValidationError.field(path, 'maximum', { limit: MAX_YEAR });
}

export class CalendarService {
  private calendar = new WorkingDayCalendar();
  private loadedVersion: number | null = null;
  private years: YearRow[] = [];
  private overrideRows = new Map<string, OverrideRow>();
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly options: CalendarOptions,
  ) {}

  /**
   * The calendar as last loaded, synchronously (chinese-days alone until the first `load()`). Deadline code calls
   * this for every date it computes: no database access, all years precomputed on first use.
   */
  current(): WorkingDayCalendar {
    return this.calendar;
  }

  /** Whether `load()` has run at least once in this process. */
  get loaded(): boolean {
    return this.loadedVersion !== null;
  }

  /** Reads every override and loaded year and replaces the snapshot. */
  async load(): Promise<WorkingDayCalendar> {
    const repo = new CalendarRepository(this.db);
    const version = await repo.version();
    const [overrides, years] = await Promise.all([repo.allOverrides(), repo.allYears()]);
    this.calendar = new WorkingDayCalendar({
      overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name })),
      loadedYears: years.map((y) => y.year),
    });
    this.overrideRows = new Map(overrides.map((o) => [o.date, o]));
    this.years = years;
    this.loadedVersion = version;
    this.checkedAt = Date.now();
    return this.calendar;
  }

  /**
   * The current calendar, re-read first when another instance changed it: one cheap version query at most every
   * `refreshSeconds` (always on the first call). Use this in request handlers and jobs; `current()` in pure code.
   */
  async snapshot(): Promise<WorkingDayCalendar> {
    if (this.loadedVersion === null || Date.now() - this.checkedAt >= this.options.refreshSeconds * 1000) await this.refreshIfChanged();
    return this.calendar;
  }

  /** Compares the version counter with the loaded one and reloads when it moved (the maintenance loop calls this). */
  async refreshIfChanged(): Promise<boolean> {
    if (this.checking) {
      await this.checking;
      return false;
    }
    let changed = false;
    this.checking = (async () => {
      const version = await new CalendarRepository(this.db).version();
      this.checkedAt = Date.now();
      if (version !== this.loadedVersion) {
        await this.load();
        changed = true;
      }
    })();
    try {
      await this.checking;
    } finally {
      this.checking = null;
    }
    return changed;
  }

  // ---- reading (public: the holiday schedule is public information)

  /** The n-th working day after `from` (the start not counted), with `provisional` for an unloaded year. */
  async addWorkingDays(from: string, days: number): Promise<WorkingDayResult> {
    checkDate('from', from);
    if (!Number.isInteger(days)) throw ValidationError.field('days', 'type', { type: 'integer' });
    if (days < 0) throw ValidationError.field('days', 'minimum', { limit: 0 });
    if (days > MAX_WORKING_DAYS) throw ValidationError.field('days', 'maximum', { limit: MAX_WORKING_DAYS });
    return (await this.snapshot()).addWorkingDays(from, days);
  }

  /** The days of a year that are not ordinary (holidays, make-up workdays, overridden dates), with their source. */
  async days(year: number): Promise<{ year: number; scheduled: boolean; items: CalendarDayDto[] }> {
    checkYear('year', year);
    const calendar = await this.snapshot();
    const items = calendar.specialDays(year).map((d) => {
      const row = d.source === 'override' ? this.overrideRows.get(d.date) : undefined;
      return { ...d, sourceTitle: row?.source_title ?? null, sourceNumber: row?.source_number ?? null };
    });
    return { year, scheduled: calendar.isScheduled(year), items };
  }

  /**
   * Which years have an official schedule and how: every year bundled in chinese-days, every loaded year, and the
   * current and next year (Beijing) even when nothing covers them, newest first.
   */
  async yearStatus(): Promise<{ today: string; nextYear: number; nextYearScheduled: boolean; items: YearStatusDto[] }> {
    const calendar = await this.snapshot();
    const today = this.options.today();
    const thisYear = Number(today.slice(0, 4));
    const loaded = new Map(this.years.map((y) => [y.year, y]));
    const years = new Set<number>([thisYear, thisYear + 1, ...loaded.keys()]);
    for (let y = 2004; y <= thisYear + 1; y += 1) if (chineseDaysBase.hasSchedule(y)) years.add(y);
    const items = [...years]
      .sort((a, b) => b - a)
      .map((year): YearStatusDto => {
        const row = loaded.get(year);
        const builtin = chineseDaysBase.hasSchedule(year);
        return {
          year,
          scheduled: calendar.isScheduled(year),
          source: row ? row.source : builtin ? 'chinese-days' : null,
          sourceTitle: row?.source_title ?? null,
          sourceNumber: row?.source_number ?? null,
          papers: row?.papers ? (JSON.parse(row.papers) as string[]) : [],
          days: row?.days ?? null,
          loadedAt: row?.loaded_at ?? null,
          loadedBy: row?.loaded_by_name ?? null,
          builtin,
        };
      });
    return { today, nextYear: thisYear + 1, nextYearScheduled: calendar.isScheduled(thisYear + 1), items };
  }

  // ---- administration (platform system administrators)

  async listOverrides(actor: Actor, year: number): Promise<{ year: number; items: OverrideDto[] }> {
    this.assertAdmin(actor);
    checkYear('year', year);
    return { year, items: (await new CalendarRepository(this.db).overridesOfYear(year)).map(presentOverride) };
  }

  /** Creates or replaces the override of one date. */
  async putOverride(actor: Actor, date: string, input: OverrideInput): Promise<OverrideDto> {
    this.assertAdmin(actor);
    checkDate('date', date);
    checkYear('date', Number(date.slice(0, 4)));
    if (input.kind !== 'holiday' && input.kind !== 'workday') throw ValidationError.field('kind', 'enum', { values: 'holiday, workday' });
    const fields = {
      kind: input.kind,
      name: text('name', input.name, 50, false),
      source_title: text('sourceTitle', input.sourceTitle, 200, true)!,
      source_number: text('sourceNumber', input.sourceNumber, 100, false),
      note: text('note', input.note, 500, false),
    };
    const result = await this.uow(actor, async (tx) => {
      const repo = new CalendarRepository(tx.db);
      const before = await repo.findOverride(date);
      const now = nowIso();
      if (before) await repo.updateOverride(date, { ...fields, schedule_year: null, updated_at: now });
      else
        await repo.insertOverrides([
          { date, ...fields, schedule_year: null, created_by: actor.userId, created_by_name: actor.userName, created_at: now, updated_at: now },
        ]);
      const after = (await repo.findOverride(date))!;
      await repo.bumpVersion();
      await tx.audit({
        action: before ? 'calendar.override_update' : 'calendar.override_create',
        entityType: 'calendar_override',
        entityId: date,
        before: before ? presentOverride(before) : null,
        after: presentOverride(after),
      });
      return presentOverride(after);
    });
    await this.load();
    return result;
  }

  async removeOverride(actor: Actor, date: string): Promise<void> {
    this.assertAdmin(actor);
    if (!isIsoDate(date)) throw new NotFoundError();
    await this.uow(actor, async (tx) => {
      const repo = new CalendarRepository(tx.db);
      const before = await repo.findOverride(date);
      if (!before) throw new NotFoundError();
      await repo.deleteOverride(date);
      await repo.bumpVersion();
      await tx.audit({ action: 'calendar.override_delete', entityType: 'calendar_override', entityId: date, before: presentOverride(before) });
    });
    await this.load();
  }

  /**
   * Imports one year's schedule (the holiday-cn JSON, as text or parsed): in one transaction, replaces the overrides
   * of that year (and of any date the file lists) with the file's days and records the year as loaded.
   */
  async importSchedule(actor: Actor, file: unknown, source: { sourceTitle?: string | null; sourceNumber?: string | null } = {}): Promise<ImportResult> {
    this.assertAdmin(actor);
    const schedule = parseScheduleFile(file);
    const sourceTitle = text('sourceTitle', source.sourceTitle, 200, false) ?? noticeTitle(schedule.year);
    const sourceNumber = text('sourceNumber', source.sourceNumber, 100, false);
    const note = schedule.papers[0] ?? null;
    const result = await this.uow(actor, async (tx) => {
      const repo = new CalendarRepository(tx.db);
      const beforeYear = await repo.findYear(schedule.year);
      const replaced = await repo.deleteForImport(
        schedule.year,
        schedule.days.map((d) => d.date),
      );
      const now = nowIso();
      await repo.insertOverrides(
        schedule.days.map((d) => ({
          date: d.date,
          kind: d.isOffDay ? ('holiday' as const) : ('workday' as const),
          name: d.name,
          source_title: sourceTitle,
          source_number: sourceNumber,
          note,
          schedule_year: schedule.year,
          created_by: actor.userId,
          created_by_name: actor.userName,
          created_at: now,
          updated_at: now,
        })),
      );
      await repo.putYear({
        year: schedule.year,
        source: 'import',
        source_title: sourceTitle,
        source_number: sourceNumber,
        papers: JSON.stringify(schedule.papers),
        days: schedule.days.length,
        loaded_at: now,
        loaded_by: actor.userId,
        loaded_by_name: actor.userName,
      });
      await repo.bumpVersion();
      const summary: ImportResult = {
        year: schedule.year,
        days: schedule.days.length,
        holidays: schedule.days.filter((d) => d.isOffDay).length,
        workdays: schedule.days.filter((d) => !d.isOffDay).length,
        replaced,
      };
      await tx.audit({
        action: 'calendar.import',
        entityType: 'calendar_year',
        entityId: String(schedule.year),
        before: beforeYear ?? null,
        after: { ...summary, sourceTitle, sourceNumber, papers: schedule.papers },
      });
      return summary;
    });
    await this.load();
    return result;
  }

  /** Marks a year's schedule as loaded after its days were entered by hand (no more provisional deadlines there). */
  async markYearLoaded(actor: Actor, year: number, input: { sourceTitle: string; sourceNumber?: string | null }): Promise<YearStatusDto> {
    this.assertAdmin(actor);
    checkYear('year', year);
    const sourceTitle = text('sourceTitle', input.sourceTitle, 200, true)!;
    const sourceNumber = text('sourceNumber', input.sourceNumber, 100, false);
    await this.uow(actor, async (tx) => {
      const repo = new CalendarRepository(tx.db);
      const before = await repo.findYear(year);
      const days = (await repo.overridesOfYear(year)).length;
      const row: YearRow = { year, source: 'manual', source_title: sourceTitle, source_number: sourceNumber, papers: null, days, loaded_at: nowIso(), loaded_by: actor.userId, loaded_by_name: actor.userName };
      await repo.putYear(row);
      await repo.bumpVersion();
      await tx.audit({ action: 'calendar.year_mark', entityType: 'calendar_year', entityId: String(year), before: before ?? null, after: row });
    });
    await this.load();
    return (await this.yearStatus()).items.find((y) => y.year === year)!;
  }

  /** Forgets that a year was loaded (its overrides stay); deadlines there become provisional again unless chinese-days covers it. */
  async unmarkYear(actor: Actor, year: number): Promise<void> {
    this.assertAdmin(actor);
    checkYear('year', year);
    await this.uow(actor, async (tx) => {
      const repo = new CalendarRepository(tx.db);
      const before = await repo.findYear(year);
      if (!before) throw new NotFoundError();
      await repo.deleteYear(year);
      await repo.bumpVersion();
      await tx.audit({ action: 'calendar.year_unmark', entityType: 'calendar_year', entityId: String(year), before });
    });
    await this.load();
  }

  /** Whether the actor administers the calendar (platform system administrators). */
  canManage(actor: Actor): boolean {
    return actor.kind !== 'anonymous' && isPlatformAdmin(actor);
  }

  private assertAdmin(actor: Actor): void {
    if (actor.kind === 'anonymous') throw new UnauthenticatedError();
    if (!isPlatformAdmin(actor)) throw new ForbiddenError();
  }
}
