// One-click masking in the body. The scanner's offsets point into the body's plain text, not into its HTML, so
// instead of mapping offsets back we replace every exact occurrence of the matched string inside the HTML's text
// nodes (tags and attribute values are never touched). A match split by markup (e.g. 4205<b>02</b>…) is reported
// as not maskable rather than guessed at.

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type MaskResult = { html: string; replaced: number };

/** Replaces each `text` with its `masked` form in the text nodes of `html`; counts the replacements. */
export function maskInHtml(html: string, replacements: readonly { text: string; masked: string }[]): MaskResult {
  const parts = html.split(/(<[^>]*>)/);
  let replaced = 0;
  // Longest first, so a match contained in a longer one does not break the longer one.
  const pairs = [...replacements].filter((r) => r.text.length > 0 && r.text !== r.masked).sort((a, b) => b.text.length - a.text.length);
  for (let i = 0; i < parts.length; i += 2) {
    let segment = parts[i]!;
    for (const { text, masked } of pairs) {
      for (const [from, to] of [[text, masked], [escapeHtml(text), escapeHtml(masked)]] as const) {
        if (!segment.includes(from)) continue;
        const pieces = segment.split(from);
        replaced += pieces.length - 1;
        segment = pieces.join(to);
        break;
      }
    }
    parts[i] = segment;
  }
  return { html: parts.join(''), replaced };
}
