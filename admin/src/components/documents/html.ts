// Client-side tidy-up of body HTML, mirroring the server's allow-list (src/platform/files/sanitize.ts).
// The server sanitises whatever it receives; this keeps the editor and the preview close to what it will keep.

const ALLOWED = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'u',
  'sup',
  'sub',
  'a',
  'img',
  'blockquote',
  'pre',
  'code',
  'hr',
]);
const RENAME: Record<string, string> = { b: 'strong', i: 'em' };
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'title',
  'head',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
]);
const ATTRIBUTES: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] };

function safeUrl(tag: string, url: string): boolean {
  const u = url.trim().toLowerCase();
  if (tag === 'img' && u.startsWith('data:image/')) return true;
  return /^(https?:|mailto:)/.test(u) && !(tag === 'img' && u.startsWith('mailto:'));
}

function clean(node: Node, doc: Document): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [doc.createTextNode(node.textContent ?? '')];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  const name = el.tagName.toLowerCase();
  if (DROP_WITH_CONTENT.has(name)) return [];
  const children = [...el.childNodes].flatMap((c) => clean(c, doc));
  const tag = RENAME[name] ?? name;
  if (!ALLOWED.has(tag)) return children;
  const out = doc.createElement(tag);
  for (const attr of ATTRIBUTES[tag] ?? []) {
    const value = el.getAttribute(attr);
    if (value === null) continue;
    if ((attr === 'href' || attr === 'src') && !safeUrl(tag, value)) continue;
    out.setAttribute(attr, value);
  }
  if (tag === 'img' && !out.getAttribute('src')) return [];
  if (tag === 'a') out.setAttribute('rel', 'noopener');
  out.append(...children);
  return [out];
}

/** Keeps only the tags and attributes the server keeps; parsing happens in an inert document (nothing runs or loads). */
export function tidyHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const box = parsed.createElement('div');
  box.append(...[...parsed.body.childNodes].flatMap((n) => clean(n, parsed)));
  return box.innerHTML;
}

/** True when the body has no visible text (an empty editor still holds e.g. "<p><br></p>"). */
export function isBlankHtml(html: string): boolean {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return (parsed.body.textContent ?? '').trim() === '' && !parsed.body.querySelector('img, table');
}

/** A small table to start from: a header row and two body rows. */
export function tableTemplate(cols = 3, rows = 2): string {
  const cells = (tag: string, text: (i: number) => string) =>
    Array.from({ length: cols }, (_, i) => `<${tag}>${text(i)}</${tag}>`).join('');
  const body = Array.from({ length: rows }, () => `<tr>${cells('td', () => '<br>')}</tr>`).join('');
  return `<table><thead><tr>${cells('th', (i) => `标题${i + 1}`)}</tr></thead><tbody>${body}</tbody></table><p><br></p>`;
}
