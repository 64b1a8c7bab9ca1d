// scanText: runs every detector and the dictionary over one text and turns hits into findings.
import { matchDictionary } from './dictionary.ts';
import { detectIdNumbers } from './detectors/id-numbers.ts';
import { detectPhones, phoneDigits } from './detectors/phones.ts';
import { DETECTORS_MORE } from './detectors/more.ts';
import type { Detector, DetectorContext, Hit } from './detectors/hit.ts';
import { maskFor } from './masking.ts';
import type { Finding, FindingCategory, ScanOptions, Severity } from './types.ts';

const DETECTORS: readonly Detector[] = [detectIdNumbers, detectPhones, ...DETECTORS_MORE];

/** When two identifier hits overlap, the earlier category in this list wins (an ID number is not also a bank card). */
const PRIORITY: readonly FindingCategory[] = [
  'secret_marking',
  'id_card',
  'uscc_individual',
  'bank_card',
  'passport',
  'travel_permit',
  'id_card_old',
  'mobile',
  'landline',
  'email',
  'plate',
  'address',
];

export const DEFAULT_ALLOWED_EMAIL_DOMAINS: readonly string[] = ['gov.cn'];

export function isBlocking(severity: Severity): boolean {
  return severity === 'block' || severity === 'high';
}

export function toFinding(hit: Hit, options: ScanOptions): Finding {
  const finding: Finding = {
    category: hit.category,
    severity: hit.severity,
    blocking: isBlocking(hit.severity),
    start: hit.start,
    end: hit.end,
    text: hit.text,
    masked: hit.replacement ?? maskFor(hit.category, hit.text, options.masking),
    message: hit.message,
    ruleId: hit.ruleId,
    location: { ...options.location },
  };
  if (hit.suggestion !== undefined) finding.suggestion = hit.suggestion;
  return finding;
}

/** Keeps the higher-priority hit where identifier hits overlap; a sweep over clusters of overlapping hits, so a
 * list of 50,000 IDs costs n log n, not n². */
function resolveOverlaps(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const rank = (h: Hit) => PRIORITY.indexOf(h.category);
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (let i = 0; i < sorted.length; ) {
    let clusterEnd = sorted[i]!.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start < clusterEnd) clusterEnd = Math.max(clusterEnd, sorted[j++]!.end);
    if (j === i + 1) kept.push(sorted[i]!);
    else {
      const cluster = sorted.slice(i, j).sort((a, b) => rank(a) - rank(b) || a.start - b.start);
      const chosen: Hit[] = [];
      for (const h of cluster) if (!chosen.some((k) => h.start < k.end && k.start < h.end)) chosen.push(h);
      kept.push(...chosen);
    }
    i = j;
  }
  return kept;
}

/** Dictionary hits that do not overlap an identifier (both sorted by start). */
function outsideIdentifiers(words: Hit[], identifiers: Hit[]): Hit[] {
  if (identifiers.length === 0 || words.length === 0) return words;
  const ids = [...identifiers].sort((a, b) => a.start - b.start);
  const out: Hit[] = [];
  let k = 0;
  for (const w of words) {
    while (k < ids.length && ids[k]!.end <= w.start) k++;
    if (k < ids.length && ids[k]!.start < w.end) continue;
    out.push(w);
  }
  return out;
}

// Full-width digits, letters and @ + - . (common in Chinese documents) map to ASCII one code unit for one, so
// detectors see 1３８… as 138… and offsets stay those of the original text.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff20\uff0b\uff0d\uff0e]/g;

function halfWidth(text: string): string {
  FULL_WIDTH.lastIndex = 0;
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function detectorContext(options: ScanOptions): DetectorContext {
  return {
    allowPhones: new Set((options.allowPhones ?? []).map(phoneDigits).filter((d) => d.length > 0)),
    allowEmailDomains: (options.allowEmailDomains ?? DEFAULT_ALLOWED_EMAIL_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, '')),
    today: new Date().toISOString().slice(0, 10),
  };
}

/** Every finding in `text`, ordered by offset. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  if (!text) return [];
  const ctx = detectorContext(options);
  const hits: Hit[] = [];
  const normal = halfWidth(text);
  for (const detect of DETECTORS) detect(normal, ctx, hits);
  if (normal !== text) for (const h of hits) h.text = text.slice(h.start, h.end);
  const identifiers = resolveOverlaps(hits);
  const words = options.dictionary ? matchDictionary(options.dictionary, text) : [];
  // Dictionary words inside an identifier are noise (a word made of digits inside an ID number).
  const all = identifiers.concat(outsideIdentifiers(words, identifiers));
  const findings = all.sort((a, b) => a.start - b.start || a.end - b.end).map((h) => toFinding(h, options));
  return withContext(text, findings);
}

const CONTEXT_CHARS = 24;

/** Adds the text around each finding, with the other findings inside that window replaced by their masked form. */
function withContext(text: string, findings: Finding[]): Finding[] {
  const window = (from: number, to: number, self: Finding) => {
    let out = '';
    let at = from;
    for (const g of findings) {
      if (g === self || g.end <= at || g.start >= to) continue;
      if (g.start < at) {
        // Begins before the window: hide the part inside it.
        out += '*'.repeat(Math.min(g.end, to) - at);
        at = Math.min(g.end, to);
        continue;
      }
      out += text.slice(at, g.start) + (g.masked || g.text);
      at = Math.min(g.end, to);
    }
    return out + text.slice(at, to);
  };
  return findings.map((f) => ({
    ...f,
    context: { before: window(Math.max(0, f.start - CONTEXT_CHARS), f.start, f), after: window(f.end, Math.min(text.length, f.end + CONTEXT_CHARS), f) },
  }));
}
