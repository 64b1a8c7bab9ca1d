// What a detector reports before the scanner adds masking, blocking and location.
import type { FindingCategory, Severity } from '../types.ts';

export interface Hit {
  category: FindingCategory;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: { zh: string; en: string };
  ruleId: string;
  suggestion?: string;
  /** Replacement chosen by the detector (wrong expressions: the correct form) instead of the masking rule. */
  replacement?: string;
}

export interface DetectorContext {
  allowPhones: ReadonlySet<string>;
  allowEmailDomains: readonly string[];
  today: string;
}

export type Detector = (text: string, ctx: DetectorContext, out: Hit[]) => void;

/** Up to `n` characters before `start`, for keyword anchoring. */
export function before(text: string, start: number, n: number): string {
  return text.slice(Math.max(0, start - n), start);
}
