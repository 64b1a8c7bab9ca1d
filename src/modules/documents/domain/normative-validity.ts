// Default validity periods (有效期) of normative documents. domain.md §6.4 is [U]: "many provinces cap
// validity at ≤ 5 years; 暂行/试行 ≤ 2 years", not verified for Hubei. The rules are therefore data, first
// match wins, and the lead can replace the whole table from configuration.
import { addDays, addYears } from './dates.ts';

/** 行政规范性文件 or 规章. */
export type NormativeKind = 'normative' | 'rule';

export interface ValidityRule {
  id: string;
  /** Conditions; all given ones must hold. An empty `when` matches every document. */
  when: { kinds?: readonly NormativeKind[]; titleIncludes?: readonly string[] };
  /** Validity in years; null: no default expiry. */
  years: number | null;
  /** Why, for the settings page. */
  note: string;
}

export const defaultValidityRules: readonly ValidityRule[] = [
  {
    id: 'rule-none',
    when: { kinds: ['rule'] },
    years: null,
    note: '规章不设默认有效期（假设 [U]：国家层面未见规章有效期的统一规定）',
  },
  {
    id: 'provisional',
    when: { titleIncludes: ['暂行', '试行'] },
    years: 2,
    note: '标题含“暂行”“试行”的规范性文件有效期一般不超过2年 [U, domain.md §6.4]',
  },
  {
    id: 'default',
    when: {},
    years: 5,
    note: '规范性文件有效期一般不超过5年 [U, domain.md §6.4]',
  },
];

/** The first rule that matches the document, or null when none does. */
export function matchValidityRule(
  doc: { title: string; kind: NormativeKind },
  rules: readonly ValidityRule[] = defaultValidityRules,
): ValidityRule | null {
  return (
    rules.find(
      (r) =>
        (!r.when.kinds || r.when.kinds.includes(doc.kind)) &&
        (!r.when.titleIncludes || r.when.titleIncludes.some((w) => doc.title.includes(w))),
    ) ?? null
  );
}

/** Default validity in years for a document (null: no default expiry). */
export function defaultValidity(
  doc: { title: string; kind: NormativeKind },
  rules: readonly ValidityRule[] = defaultValidityRules,
): number | null {
  return matchValidityRule(doc, rules)?.years ?? null;
}

/**
 * 有效期至 for a validity of `years` from 实施日期: the day before the anniversary
 * (施行 2024-03-01, 5 years → 有效期至 2029-02-28).
 */
export function defaultExpiresOn(effectiveFrom: string, years: number | null): string | null {
  if (years == null) return null;
  if (!Number.isInteger(years) || years <= 0) throw new RangeError(`validity years must be a positive integer, got ${years}`);
  return addDays(addYears(effectiveFrom, years), -1);
}
