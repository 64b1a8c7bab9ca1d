// 索引号 (index number) from a configurable pattern (domain.md §5.2: no national standard; many portals use
// `<USCC>/<YYYY>-<5-digit seq>`). The sequence runs per (organisation, year), so a pattern must contain
// {YYYY} and exactly one {seq:N}. Pure: the caller reads and stores the last used sequence.

export const DEFAULT_INDEX_PATTERN = '{USCC}/{YYYY}-{seq:05}';

export const indexTokens = ['USCC', 'DIV', 'ORG', 'YYYY', 'MM', 'TOPIC'] as const;
export type IndexToken = (typeof indexTokens)[number];

export type PatternPart =
  | { kind: 'literal'; text: string }
  | { kind: 'token'; token: IndexToken }
  | { kind: 'seq'; width: number };

export interface PatternIssue {
  code: string;
  zh: string;
  en: string;
  /** Offset in the pattern, or the value's name for formatting errors. */
  at?: number | string;
}

export interface ParsedPattern {
  source: string;
  parts: PatternPart[];
  /** Not errors, but worth showing on the settings page. */
  warnings: PatternIssue[];
}

export interface IndexNumberValues {
  uscc?: string | null;
  divisionCode?: string | null;
  orgCode?: string | null;
  year: number;
  month?: number | null;
  topicCode?: string | null;
  seq: number;
}

type Result<T> = { ok: true; value: T } | { ok: false; errors: PatternIssue[] };

const MAX_PATTERN = 100;
const MAX_WIDTH = 12;

const issue = (code: string, zh: string, en: string, at?: number | string): PatternIssue => ({ code, zh, en, at });

/** How each token is validated, shown and matched. */
const TOKENS: Record<IndexToken, { key: keyof IndexNumberValues; re: string; zh: string; fixed: boolean }> = {
  USCC: { key: 'uscc', re: '[0-9A-HJ-NP-RTUWXY]{18}', zh: '统一社会信用代码', fixed: true },
  DIV: { key: 'divisionCode', re: '[1-9]\\d{5}(?:\\d{3}(?:\\d{3})?)?', zh: '行政区划代码', fixed: false },
  ORG: { key: 'orgCode', re: '[A-Za-z0-9]{1,32}', zh: '机构代码', fixed: false },
  YYYY: { key: 'year', re: '\\d{4}', zh: '年份', fixed: true },
  MM: { key: 'month', re: '0[1-9]|1[0-2]', zh: '月份', fixed: true },
  TOPIC: { key: 'topicCode', re: '[A-Za-z0-9]{1,16}', zh: '主题分类代码', fixed: false },
};

/** Parses and validates a pattern; every problem is reported with zh/en text and its offset. */
export function parsePattern(pattern: string): Result<ParsedPattern> {
  const errors: PatternIssue[] = [];
  const parts: PatternPart[] = [];
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    return { ok: false, errors: [issue('pattern_empty', '索引号规则不能为空。', 'The pattern is empty.')] };
  }
  if (pattern.length > MAX_PATTERN) {
    errors.push(issue('pattern_too_long', `索引号规则不能超过${MAX_PATTERN}个字符。`, `The pattern is longer than ${MAX_PATTERN} characters.`));
  }
  const seen = new Set<string>();
  const re = /\{([^{}]*)\}|[{}]|[^{}]+/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    const at = m.index;
    if (m[0] === '{' || m[0] === '}') {
      errors.push(issue('unbalanced_brace', `第${at + 1}个字符处的括号不成对。`, `Unbalanced brace at position ${at + 1}.`, at));
      continue;
    }
    if (m[1] === undefined) {
      parts.push({ kind: 'literal', text: m[0] });
      continue;
    }
    const name = m[1];
    const seq = /^seq(?::(0?)(\d{1,2})d?)?$/.exec(name);
    const key = seq ? 'seq' : name;
    if (seen.has(key)) {
      errors.push(issue('duplicate_token', `变量{${name}}重复出现。`, `The token {${name}} appears more than once.`, at));
      continue;
    }
    seen.add(key);
    if (seq) {
      const width = seq[2] ? Number(seq[2]) : 1;
      if (width < 1 || width > MAX_WIDTH) {
        errors.push(issue('seq_width', `序号位数须在1到${MAX_WIDTH}之间。`, `The sequence width must be 1 to ${MAX_WIDTH}.`, at));
      }
      parts.push({ kind: 'seq', width });
    } else if ((indexTokens as readonly string[]).includes(name)) {
      parts.push({ kind: 'token', token: name as IndexToken });
    } else {
      errors.push(
        issue(
          'unknown_token',
          `未知变量{${name}}；可用变量：${indexTokens.map((t) => `{${t}}`).join('、')}、{seq:N}。`,
          `Unknown token {${name}}; use ${indexTokens.map((t) => `{${t}}`).join(', ')} or {seq:N}.`,
          at,
        ),
      );
    }
  }
  if (!seen.has('seq')) errors.push(issue('seq_required', '索引号规则必须包含序号{seq:N}。', 'The pattern needs a sequence token {seq:N}.'));
  if (!seen.has('YYYY')) {
    errors.push(issue('year_required', '序号按年度重新编排，规则必须包含{YYYY}。', 'The sequence restarts every year, so the pattern needs {YYYY}.'));
  }
  if (errors.length) return { ok: false, errors };
  const warnings: PatternIssue[] = [];
  if (!seen.has('USCC') && !seen.has('ORG')) {
    warnings.push(
      issue('no_org_token', '规则不含{USCC}或{ORG}，不同机构的索引号可能重复。', 'Without {USCC} or {ORG}, different organisations may get the same number.'),
    );
  }
  parts.forEach((p, i) => {
    const q = parts[i + 1];
    const variable = (x: PatternPart | undefined) => x?.kind === 'token' && !TOKENS[x.token].fixed;
    if (variable(p) && q && q.kind !== 'literal') {
      warnings.push(issue('ambiguous_adjacent', '变长变量后应有分隔符，否则无法从索引号中解析。', 'Put a separator after a variable-length token, or numbers cannot be parsed back.'));
    }
  });
  return { ok: true, value: { source: pattern, parts, warnings } };
}

function resolve(pattern: string | ParsedPattern): Result<ParsedPattern> {
  return typeof pattern === 'string' ? parsePattern(pattern) : { ok: true, value: pattern };
}

/** Formats one index number; missing or malformed values are reported, never guessed. */
export function formatIndexNumber(pattern: string | ParsedPattern, values: IndexNumberValues): Result<string> {
  const parsed = resolve(pattern);
  if (!parsed.ok) return parsed;
  const errors: PatternIssue[] = [];
  let out = '';
  for (const p of parsed.value.parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'seq') {
      const max = 10 ** p.width - 1;
      if (!Number.isSafeInteger(values.seq) || values.seq < 1) {
        errors.push(issue('seq_invalid', '序号必须是正整数。', 'The sequence must be a positive integer.', 'seq'));
      } else if (p.width > 1 && values.seq > max) {
        errors.push(issue('seq_exhausted', `本年度序号已用尽（最多${max}）。`, `The sequence for this year is exhausted (at most ${max}).`, 'seq'));
      } else out += String(values.seq).padStart(p.width, '0');
    } else {
      const def = TOKENS[p.token];
      const raw = values[def.key];
      const text = p.token === 'MM' && typeof raw === 'number' ? String(raw).padStart(2, '0') : raw == null ? '' : String(raw);
      if (!new RegExp(`^(?:${def.re})$`).test(text) || (p.token === 'YYYY' && !Number.isInteger(raw))) {
        const zh = text === '' ? `缺少${def.zh}，无法生成索引号。` : `${def.zh}“${text}”格式不正确。`;
        const en = text === '' ? `The ${p.token} value is missing.` : `The ${p.token} value “${text}” is malformed.`;
        errors.push(issue(text === '' ? 'value_missing' : 'value_invalid', zh, en, def.key));
      } else out += text;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** The next sequence after the last used one for (organisation, year); 1 when none was used. */
export function nextSequence(lastUsed: number | null | undefined): number {
  if (lastUsed == null) return 1;
  if (!Number.isSafeInteger(lastUsed) || lastUsed < 0) throw new RangeError(`last used sequence must be a non-negative integer, got ${lastUsed}`);
  return lastUsed + 1;
}

/** Formats the number that follows `lastUsed`; the caller stores `seq` as the new last used value. */
export function nextIndexNumber(
  pattern: string | ParsedPattern,
  values: Omit<IndexNumberValues, 'seq'>,
  lastUsed: number | null | undefined,
): { ok: true; value: string; seq: number } | { ok: false; errors: PatternIssue[] } {
  const seq = nextSequence(lastUsed);
  const r = formatIndexNumber(pattern, { ...values, seq });
  return r.ok ? { ok: true, value: r.value, seq } : r;
}

/** Reads the values back out of an index number made with `pattern`, or null if it does not fit. */
export function matchIndexNumber(pattern: string | ParsedPattern, text: string): Partial<IndexNumberValues> | null {
  const parsed = resolve(pattern);
  if (!parsed.ok) return null;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keys: (keyof IndexNumberValues)[] = [];
  const source = parsed.value.parts
    .map((p) => {
      if (p.kind === 'literal') return escape(p.text);
      if (p.kind === 'seq') {
        keys.push('seq');
        return p.width > 1 ? `(\\d{${p.width}})` : '(\\d+)';
      }
      keys.push(TOKENS[p.token].key);
      return `(${TOKENS[p.token].re})`;
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(text.trim());
  if (!m) return null;
  const out: Record<string, string | number> = {};
  keys.forEach((k, i) => {
    const v = m[i + 1]!;
    out[k] = k === 'seq' || k === 'year' || k === 'month' ? Number(v) : v;
  });
  return out as Partial<IndexNumberValues>;
}
