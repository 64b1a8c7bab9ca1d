// Text the public types into a form: markup removed (kept as plain text, so nothing can execute), length checked,
// and a duplicate key that ignores spacing, punctuation and case. Shared with the feedback module.
import { createHash } from 'node:crypto';
import { htmlToText } from '../../../platform/files/index.ts';

/** Plain text of what was typed: tags (and script/style content) dropped, runs of spaces collapsed, trimmed. */
export function cleanUserText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const text = /[<>&]/.test(raw) ? htmlToText(raw.replace(/\r\n?/g, '\n').replace(/\n/g, '<br>')) : raw;
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The same question typed twice (spacing, punctuation, width or case aside) gives the same key. */
export function duplicateKey(...parts: string[]): string {
  const norm = parts
    .join('|')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return createHash('sha256').update(norm).digest('hex');
}

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,190}\.[a-z]{2,20}$/i;

/** A mainland mobile number (separators and +86 accepted) in canonical 11-digit form, or null. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '');
  return MOBILE.test(compact) ? compact.slice(-11) : null;
}

export function normaliseEmail(raw: string): string | null {
  const t = raw.trim();
  return EMAIL.test(t) ? t.toLowerCase() : null;
}
