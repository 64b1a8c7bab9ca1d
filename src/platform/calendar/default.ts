// A WorkingDays over the package schedule alone (working-days.ts), for unit tests of deadline code. The server uses
// the overrides-aware `services.calendar.current()` (container.ts).
import { addWorkingDays, isWorkingDay } from './working-days.ts';
import type { WorkingDays } from './types.ts';

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const defaultWorkingDays: WorkingDays = {
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = from; d < to; ) {
      d = nextDay(d);
      if (isWorkingDay(d)) n += 1;
    }
    return n;
  },
};
