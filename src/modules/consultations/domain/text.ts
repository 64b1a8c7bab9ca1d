// User text: tags and scripts removed (stored as plain text, always rendered escaped), and a normal form for
// spotting duplicate submissions (full-width folded, case, spaces and punctuation ignored).
import sanitizeHtml from 'sanitize-html';

export const COMMENT_MAX = 5000;

/** Plain text out of whatever came in: no tags, no script or style content, entities decoded, control chars gone. */
export function plainText(input: string): string {
  const stripped = sanitizeHtml(input, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object'] });
  return decodeEntities(stripped)
    .replace(/[<>]/g, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '');
}

/** The text as compared for duplicates. */
export function normaliseForDuplicates(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
