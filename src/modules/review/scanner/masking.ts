// Masking: one rule per category (keep the first and last N significant characters), applied the same way everywhere.
import type { Finding, FindingCategory, MaskingRules } from './types.ts';

export const DEFAULT_MASKING: Readonly<Record<FindingCategory, { keepStart: number; keepEnd: number; char?: string }>> = {
  id_card: { keepStart: 6, keepEnd: 4 },
  id_card_old: { keepStart: 6, keepEnd: 3 },
  mobile: { keepStart: 3, keepEnd: 4 },
  landline: { keepStart: 4, keepEnd: 2 },
  bank_card: { keepStart: 6, keepEnd: 4 },
  email: { keepStart: 2, keepEnd: 0 },
  passport: { keepStart: 1, keepEnd: 2 },
  travel_permit: { keepStart: 1, keepEnd: 2 },
  plate: { keepStart: 2, keepEnd: 1 },
  address: { keepStart: 0, keepEnd: 0 },
  uscc_individual: { keepStart: 8, keepEnd: 2 },
  secret_marking: { keepStart: 0, keepEnd: 0 },
  sensitive_word: { keepStart: 0, keepEnd: 0 },
  wrong_expression: { keepStart: 0, keepEnd: 0 },
  metadata: { keepStart: 0, keepEnd: 0 },
  unreadable: { keepStart: 0, keepEnd: 0 },
};

/** Separators inside a match (spaces, hyphens, brackets, +) stay as they are and do not count. */
const SEPARATOR = /[\s\-()（）+]/;

/**
 * Masks `text` keeping the first `keepStart` and the last `keepEnd` significant characters; the result has the same
 * length, so offsets of other findings stay valid. A mobile `+86 138-1234-5678` keeps `+86 ` because 86 is the country code.
 */
export function maskWith(text: string, rule: { keepStart: number; keepEnd: number; char?: string }): string {
  const char = (rule.char ?? '*').slice(0, 1) || '*';
  const chars = Array.from(text);
  const significant: number[] = [];
  chars.forEach((c, i) => {
    if (!SEPARATOR.test(c)) significant.push(i);
  });
  const n = significant.length;
  const keepStart = Math.max(0, rule.keepStart);
  const keepEnd = Math.max(0, rule.keepEnd);
  // A rule that would keep everything would hide nothing: then mask all but the first character.
  const start = keepStart + keepEnd >= n ? Math.min(1, n) : keepStart;
  const end = keepStart + keepEnd >= n ? 0 : keepEnd;
  significant.forEach((pos, k) => {
    if (k >= start && k < n - end) chars[pos] = char.repeat(chars[pos]!.length);
  });
  return chars.join('');
}

/** The masked form of a match of `category` under `rules` (falling back to the defaults). */
export function maskFor(category: FindingCategory, text: string, rules?: MaskingRules): string {
  const rule = rules?.[category] ?? DEFAULT_MASKING[category];
  if (category === 'mobile') {
    // The country prefix is not part of the number.
    const m = /^((?:\+|00)?86[\s-]?)(.*)$/s.exec(text);
    if (m && m[2]!.replace(/\D/g, '').length === 11) return m[1] + maskWith(m[2]!, rule);
  }
  if (category === 'email') {
    // The domain stays readable; the rule applies to the local part.
    const at = text.lastIndexOf('@');
    if (at > 0) return maskWith(text.slice(0, at), rule) + text.slice(at);
  }
  return maskWith(text, rule);
}

/**
 * Replaces each finding's span by its masked text. Findings are applied from the end so offsets stay valid;
 * a finding overlapping one already applied is skipped.
 */
export function applyMasks(text: string, findings: readonly Pick<Finding, 'start' | 'end' | 'masked'>[]): string {
  const sorted = [...findings]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Pick<Finding, 'start' | 'end' | 'masked'>[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    if (f.start < lastEnd) continue;
    kept.push(f);
    lastEnd = f.end;
  }
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    const f = kept[i]!;
    out = out.slice(0, f.start) + f.masked + out.slice(f.end);
  }
  return out;
}
