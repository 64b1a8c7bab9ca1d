// Check-digit and plausibility checks for identifiers (domain.md §8): GB 11643 IDs, Luhn, calendar dates, address codes.
import { DIVISION_CODES } from './division-codes.data.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits, or null if they are not 17 digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function hasValidIdCheckChar(id: string): boolean {
  return id.length === 18 && idCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/** A real calendar date (YYYY, MM, DD as numbers). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** A plausible birth date YYYYMMDD: a real date from 1880 up to today. */
export function isPlausibleBirthDate(yyyymmdd: string, today = new Date().toISOString().slice(0, 10)): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || !isRealDate(y, m, d)) return false;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

/** Luhn (mod 10) check of a digit string. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

let divisions: Map<string, string> | null = null;

/** Known 6-digit address codes (current provinces, cities, counties, plus 港澳台 810000/820000/830000), loaded once. */
function divisionMap(): Map<string, string> {
  if (!divisions) {
    divisions = new Map();
    for (const line of DIVISION_CODES.split('\n')) {
      if (line.length > 7) divisions.set(line.slice(0, 6), line.slice(7));
    }
  }
  return divisions;
}

/** The name of a known 6-digit address code, or undefined. */
export function divisionName(code: string): string | undefined {
  return divisionMap().get(code);
}

/** The province-level code of an address code is known (the county code may be historical). */
export function isKnownProvince(code: string): boolean {
  return divisionMap().has(`${code.slice(0, 2)}0000`);
}
