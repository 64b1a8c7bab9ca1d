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

/**
 * Rules from configuration (GONGKAI_VALIDITY_RULES, JSON): a list of
 * `{"id", "when": {"kinds"?: ["normative"|"rule"], "titleIncludes"?: [..]}, "years": n|null, "note"}`, first match wins.
 * Throws an Error naming the first problem.
 */
export function parseValidityRules(json: string): ValidityRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('有效期规则不是有效的 JSON / validity rules are not valid JSON');
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 50) throw new Error('有效期规则应为 1–50 条规则的数组 / validity rules must be an array of 1–50 rules');
  const ids = new Set<string>();
  return raw.map((r: unknown, i) => {
    const at = `第${i + 1}条规则 / rule ${i + 1}`;
    if (typeof r !== 'object' || r === null) throw new Error(`${at}: 应为对象 / must be an object`);
    const { id, when = {}, years, note = '' } = r as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[\w-]{1,40}$/.test(id) || ids.has(id)) throw new Error(`${at}: id 缺失、重复或含非法字符 / id missing, repeated or malformed`);
    ids.add(id);
    if (years !== null && !(Number.isInteger(years) && (years as number) >= 1 && (years as number) <= 100)) throw new Error(`${at}: years 应为 1–100 的整数或 null / years must be 1–100 or null`);
    if (typeof note !== 'string' || note.length > 200) throw new Error(`${at}: note 应为不超过 200 字的文字 / note must be text up to 200 characters`);
    if (typeof when !== 'object' || when === null) throw new Error(`${at}: when 应为对象 / when must be an object`);
    const { kinds, titleIncludes, ...rest } = when as Record<string, unknown>;
    if (Object.keys(rest).length) throw new Error(`${at}: when 只能含 kinds、titleIncludes / when allows only kinds and titleIncludes`);
    if (kinds !== undefined && !(Array.isArray(kinds) && kinds.every((k) => k === 'normative' || k === 'rule'))) throw new Error(`${at}: kinds 只能含 normative、rule`);
    if (titleIncludes !== undefined && !(Array.isArray(titleIncludes) && titleIncludes.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 20))) {
      throw new Error(`${at}: titleIncludes 应为非空短词的数组 / titleIncludes must be non-empty words`);
    }
    return { id, when: { kinds: kinds as NormativeKind[] | undefined, titleIncludes: titleIncludes as string[] | undefined }, years: years as number | null, note };
  });
}

/** The default 有效期至 for a document and the rule behind it: counted from 实施日期, else 成文日期. */
export function applyValidityRule(
  doc: { title: string; kind: NormativeKind; effectiveFrom: string | null; writtenOn: string | null },
  rules: readonly ValidityRule[] = defaultValidityRules,
): { rule: ValidityRule | null; expiresOn: string | null } {
  const rule = matchValidityRule(doc, rules);
  const start = doc.effectiveFrom ?? doc.writtenOn;
  if (!rule || rule.years == null || !start) return { rule, expiresOn: null };
  return { rule, expiresOn: defaultExpiresOn(start, rule.years) };
}
