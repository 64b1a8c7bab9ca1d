import { v7 } from 'uuid';

/** Ids are UUIDv7 text: time-ordered, generated in the app so nothing depends on RETURNING. */
export const newId = (): string => v7();

/** Instants are ISO-8601 UTC text on both databases. */
export const nowIso = (): string => new Date().toISOString();

export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): 0 | 1 => (v ? 1 : 0);

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}
