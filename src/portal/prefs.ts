// 适老化 display preferences: text size and contrast, kept in the `gk_prefs` cookie so they work without JavaScript.
// The cookie value is `<text>.<contrast>`, e.g. `large.high`; portal.js writes the same format.

export const textSizes = ['normal', 'large', 'xlarge'] as const;
export const contrasts = ['normal', 'high'] as const;
export type TextSize = (typeof textSizes)[number];
export type Contrast = (typeof contrasts)[number];
export type Prefs = { text: TextSize; contrast: Contrast };

export const PREFS_COOKIE = 'gk_prefs';
export const PREFS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
export const defaultPrefs: Prefs = { text: 'normal', contrast: 'normal' };

const isText = (v: unknown): v is TextSize => textSizes.includes(v as TextSize);
const isContrast = (v: unknown): v is Contrast => contrasts.includes(v as Contrast);

/** Reads the cookie value; anything malformed falls back to the defaults, part by part. */
export function parsePrefs(raw: string | undefined): Prefs {
  const [text, contrast] = (raw ?? '').split('.');
  return { text: isText(text) ? text : 'normal', contrast: isContrast(contrast) ? contrast : 'normal' };
}

export const serializePrefs = (p: Prefs): string => `${p.text}.${p.contrast}`;

/** Applies the `text` / `contrast` query values that are valid; others are ignored. */
export function updatePrefs(current: Prefs, query: { text?: unknown; contrast?: unknown }): Prefs {
  return {
    text: isText(query.text) ? query.text : current.text,
    contrast: isContrast(query.contrast) ? query.contrast : current.contrast,
  };
}

/** Classes for `<html>`; the stylesheet scales rem units and swaps colours from these. */
export function prefsClassName(p: Prefs): string | undefined {
  const classes = [p.text !== 'normal' ? `text-${p.text}` : '', p.contrast === 'high' ? 'contrast-high' : ''].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

/**
 * A redirect target that stays on this site: a path starting with one `/`, with no backslash or control
 * characters (browsers read `/\evil.com` as `//evil.com`). Anything else becomes `/`.
 */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//')) return '/';
  for (const ch of raw) if (ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return '/';
  return raw;
}
