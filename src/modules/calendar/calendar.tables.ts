// The calendar module's tables (migration 2026-11-27T0100_calendar_create-calendar).
export type OverrideKind = 'holiday' | 'workday';
export type YearSource = 'import' | 'manual';

/** One date the administrators set: a holiday (rest day) or a make-up workday, with the document that says so. */
export interface CalendarOverrideTable {
  date: string;
  kind: OverrideKind;
  /** Holiday name (元旦, 春节 …) when known. */
  name: string | null;
  source_title: string;
  source_number: string | null;
  note: string | null;
  /** Set for rows written by a yearly import: the schedule year they belong to (a file may hold late December of the year before). */
  schedule_year: number | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

/** A year whose official schedule is loaded (by import, or marked by an administrator after entering it by hand). */
export interface CalendarYearTable {
  year: number;
  source: YearSource;
  source_title: string;
  source_number: string | null;
  /** JSON array of the notice URLs (the `papers` of an imported file). */
  papers: string | null;
  days: number;
  loaded_at: string;
  loaded_by: string | null;
  loaded_by_name: string;
}

/** Key/value state: `version` is bumped by every change so other app instances know to re-read. */
export interface CalendarStateTable {
  key: string;
  value: string;
}
