// 统一登记编号 of normative documents (国办发〔2018〕37号 "统一登记、统一编号、统一印发"; domain.md §6.3). No national
// format is stated: each region has its own code (example HFGS—2017—9 = 惠州 government normative document 2017
// no. 9), so the pattern is a setting [U]. It uses the 索引号 pattern language (index-number.ts): {YYYY} and one
// {seq:N} are required. The sequence belongs to whatever the number names: the same rendered prefix shares one
// counter, so `{DIV}-{YYYY}-{seq}` numbers a whole region, `{USCC}-…` one organisation, `YCGS-{YYYY}-{seq}` the city.
import { formatIndexNumber, matchIndexNumber, parsePattern, type IndexNumberValues, type ParsedPattern, type PatternIssue } from './index-number.ts';

/** [U] domain.md gives no format; the division code names the region, as HFGS names 惠州. */
export const DEFAULT_REGISTRATION_PATTERN = '{DIV}-{YYYY}-{seq:04}';

export type RegistrationValues = Omit<IndexNumberValues, 'seq'>;

type Result<T> = { ok: true; value: T } | { ok: false; errors: PatternIssue[] };

export function parseRegistrationPattern(pattern: string): Result<ParsedPattern> {
  return parsePattern(pattern);
}

/** Which organisation's code the number carries: it owns the counter. */
export function sequenceOwner(pattern: ParsedPattern): 'organisation' | 'division' | 'root' {
  const tokens = new Set(pattern.parts.flatMap((p) => (p.kind === 'token' ? [p.token] : [])));
  if (tokens.has('USCC') || tokens.has('ORG')) return 'organisation';
  if (tokens.has('DIV')) return 'division';
  return 'root';
}

/**
 * The name of the counter a number belongs to: the rendered pattern with the sequence left open, e.g.
 * `reg:420500-2024-{seq}`. Two numbers share a counter exactly when everything but the sequence is the same.
 */
export function sequenceKey(pattern: ParsedPattern, values: RegistrationValues): Result<string> {
  const probe = formatIndexNumber(pattern, { ...values, seq: 1 });
  if (!probe.ok) return probe;
  let out = 'reg:';
  for (const p of pattern.parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'seq') out += '{seq}';
    else {
      const one = formatIndexNumber({ source: '', parts: [p, { kind: 'seq', width: 1 }], warnings: [] }, { ...values, seq: 1 });
      out += one.ok ? one.value.slice(0, -1) : '';
    }
  }
  return { ok: true, value: out };
}

export function formatRegistrationNo(pattern: ParsedPattern, values: RegistrationValues, seq: number): Result<string> {
  return formatIndexNumber(pattern, { ...values, seq });
}

/**
 * Checks a number typed by hand (the judicial bureau often assigns it) against the pattern. Returns the values read
 * back, so a hand-entered number can move the counter past its sequence.
 */
export function checkRegistrationNo(pattern: ParsedPattern, text: string): Result<Partial<IndexNumberValues> & { seq: number }> {
  const trimmed = text.trim();
  const values = matchIndexNumber(pattern, trimmed);
  if (!values || typeof values.seq !== 'number' || values.seq < 1) {
    return {
      ok: false,
      errors: [{ code: 'registration_no_format', zh: `登记编号不符合规则“${pattern.source}”`, en: `The registration number does not match “${pattern.source}”` }],
    };
  }
  return { ok: true, value: values as Partial<IndexNumberValues> & { seq: number } };
}
