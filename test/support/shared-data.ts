// The team's shared data (real corpora, holidays, seed texts; ../shared/data/README.md) that tests read. It sits next
// to the checkout by default; GONGKAI_SHARED_DATA names another place, so a checkout elsewhere runs the same tests.
import { join, resolve } from 'node:path';

export const SHARED_DATA = process.env.GONGKAI_SHARED_DATA
  ? resolve(process.env.GONGKAI_SHARED_DATA)
  : join(import.meta.dirname, '../../../shared/data');

/** A path inside the shared data: sharedData('holidays', '2024.json'). */
export const sharedData = (...parts: string[]): string => join(SHARED_DATA, ...parts);
