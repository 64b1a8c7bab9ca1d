import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CalendarOverrideTable, CalendarYearTable } from './calendar.tables.ts';

export type OverrideRow = Selectable<CalendarOverrideTable>;
export type YearRow = Selectable<CalendarYearTable>;

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** All SQL of the calendar module. */
export class CalendarRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- version counter: bumped in the transaction of every change
  async version(): Promise<number> {
    const row = await this.db.selectFrom('cal_state').select('value').where('key', '=', 'version').executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  async bumpVersion(): Promise<number> {
    const next = (await this.version()) + 1;
    const updated = await this.db.updateTable('cal_state').set({ value: String(next) }).where('key', '=', 'version').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.insertInto('cal_state').values({ key: 'version', value: String(next) }).execute();
    return next;
  }

  // ---- overrides
  allOverrides(): Promise<OverrideRow[]> {
    return this.db.selectFrom('cal_override').selectAll().orderBy('date').execute();
  }

  overridesOfYear(year: number): Promise<OverrideRow[]> {
    const [from, to] = yearRange(year);
    return this.db.selectFrom('cal_override').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  }

  findOverride(date: string): Promise<OverrideRow | undefined> {
    return this.db.selectFrom('cal_override').selectAll().where('date', '=', date).executeTakeFirst();
  }

  async insertOverrides(rows: Insertable<CalendarOverrideTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) await this.db.insertInto('cal_override').values(rows.slice(i, i + 100)).execute();
  }

  async updateOverride(date: string, patch: Partial<Omit<OverrideRow, 'date' | 'created_at' | 'created_by' | 'created_by_name'>>): Promise<void> {
    await this.db.updateTable('cal_override').set(patch).where('date', '=', date).execute();
  }

  async deleteOverride(date: string): Promise<void> {
    await this.db.deleteFrom('cal_override').where('date', '=', date).execute();
  }

  /**
   * What an import of `year` replaces: rows an earlier import of that year wrote, hand-made rows dated in that year,
   * and any row on a date the new file lists. Returns the number of rows removed.
   */
  async deleteForImport(year: number, dates: string[]): Promise<number> {
    const [from, to] = yearRange(year);
    const result = await this.db
      .deleteFrom('cal_override')
      .where((eb) =>
        eb.or([
          eb('schedule_year', '=', year),
          eb.and([eb('schedule_year', 'is', null), eb('date', '>=', from), eb('date', '<=', to)]),
          ...(dates.length > 0 ? [eb('date', 'in', dates)] : []),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ---- loaded years
  allYears(): Promise<YearRow[]> {
    return this.db.selectFrom('cal_year').selectAll().orderBy('year').execute();
  }

  findYear(year: number): Promise<YearRow | undefined> {
    return this.db.selectFrom('cal_year').selectAll().where('year', '=', year).executeTakeFirst();
  }

  async putYear(row: YearRow): Promise<void> {
    await this.db.deleteFrom('cal_year').where('year', '=', row.year).execute();
    await this.db.insertInto('cal_year').values(row).execute();
  }

  async deleteYear(year: number): Promise<void> {
    await this.db.deleteFrom('cal_year').where('year', '=', year).execute();
  }
}
