// Highlighting for search results, done in the app so both databases give the same snippets. Query tokens
// are normalised (simplified, lower case, half-width); they are found in a normalised copy of the text
// whose every character points back to the original, so the original text is shown and marked.
import { normaliseWithOrigins } from './normalised-text.ts';

export const SNIPPET_LENGTH = 160;
/** Characters of context kept before the first hit of the chosen window. */
const LEAD = 20;

type Span = { start: number; end: number };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const ASCII_WORD = /^[a-z0-9]+$/;
const ASCII_ALNUM = /[a-z0-9]/;

/** Every occurrence of every token, as spans of the original text; ASCII tokens match whole words only. */
export function findHits(text: string, tokens: string[]): Span[] {
  const { norm, startOf, endOf } = normaliseWithOrigins(text);
  const hits: Span[] = [];
  for (const token of new Set(tokens)) {
    if (!token) continue;
    const wordOnly = ASCII_WORD.test(token);
    for (let at = norm.indexOf(token); at >= 0; at = norm.indexOf(token, at + 1)) {
      const end = at + token.length;
      if (wordOnly && (ASCII_ALNUM.test(norm[at - 1] ?? '') || ASCII_ALNUM.test(norm[end] ?? ''))) continue;
      hits.push({ start: startOf(at), end: endOf(end - 1) });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Overlapping or touching hits become one mark (政务 + 公开 → one <mark>政务公开</mark>). */
function merge(hits: Span[]): Span[] {
  const out: Span[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

/** Escaped `text[from, to)` with <mark> around the parts covered by hits. */
function markUp(text: string, hits: Span[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const h of merge(hits)) {
    const start = Math.max(h.start, from);
    const end = Math.min(h.end, to);
    if (start >= end) continue;
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole title, escaped, with the query tokens marked. */
export function highlightTitle(title: string, tokens: string[]): string {
  return markUp(title, findHits(title, tokens), 0, title.length);
}

// A window edge must not split a surrogate pair.
const isLowSurrogate = (text: string, i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');
function alignStart(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text, i) ? i - 1 : i;
}
function alignEnd(text: string, i: number): number {
  return i < text.length && isLowSurrogate(text, i) ? i - 1 : i;
}

/**
 * At most SNIPPET_LENGTH characters of the body (ellipses included) around the window with the most hits,
 * escaped, hits marked; the start of the body when nothing matches there (a title-only or pinyin match).
 */
export function snippet(body: string, tokens: string[], length = SNIPPET_LENGTH): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return markUp(text, findHits(text, tokens), 0, text.length);
  const hits = findHits(text, tokens);
  const width = length - 2; // room for a leading and a trailing ellipsis
  let best = { start: 0, count: 0 };
  for (let i = 0, j = 0; i < hits.length; i++) {
    const start = Math.max(0, hits[i]!.start - LEAD);
    j = Math.max(j, i);
    while (j < hits.length && hits[j]!.end <= start + width) j++;
    if (j - i > best.count) best = { start, count: j - i };
  }
  const from = alignStart(text, Math.min(best.start, text.length - width));
  const to = alignEnd(text, Math.min(text.length, from + width));
  return (from > 0 ? '…' : '') + markUp(text, hits, from, to) + (to < text.length ? '…' : '');
}
