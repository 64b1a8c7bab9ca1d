// Rich text for document bodies: an allow-list (headings, paragraphs, lists, tables, inline emphasis,
// links, images, quotes, code, rules). Scripts, styles, event handlers, classes and javascript: URLs go.
import sanitizeHtml from 'sanitize-html';

const IMAGE_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i;
const SPAN = /^[1-9]\d{0,2}$/;
/** Article and chapter anchors (第三条 → art-3, 第二章第一节 → chap-2-sec-1) survive editing; other ids go. */
const ANCHOR_ID = /^(art|chap)-\d+(-\d+)*(-sec-\d+)?$/;

function keepAnchor(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  return { tagName, attribs: attribs.id && ANCHOR_ID.test(attribs.id) ? { id: attribs.id } : {} };
}

function cellTransform(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const name of ['colspan', 'rowspan']) if (attribs[name] && SPAN.test(attribs[name].trim())) kept[name] = attribs[name].trim();
  return { tagName, attribs: kept };
}

const RICH_TEXT: sanitizeHtml.IOptions = {
  // prettier-ignore
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'ul', 'ol', 'li',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'strong', 'em', 'u', 'sup', 'sub', 'a', 'img', 'blockquote', 'pre', 'code', 'hr',
  ],
  allowedAttributes: {
    a: ['href', 'rel'], img: ['src', 'alt'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'],
    p: ['id'], h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'svg', 'math'],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'noopener' } }),
    // data: URLs only for raster images; an image left without a source is dropped by exclusiveFilter.
    img: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? '';
      return { tagName, attribs: { ...attribs, src: /^data:/i.test(src) && !IMAGE_DATA_URL.test(src) ? '' : src } };
    },
    th: cellTransform,
    td: cellTransform,
    p: keepAnchor, h1: keepAnchor, h2: keepAnchor, h3: keepAnchor, h4: keepAnchor, h5: keepAnchor, h6: keepAnchor,
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Removes everything outside the document-body allow-list. Safe to call on already-sanitised HTML. */
export function sanitizeRichText(html: string): string {
  // One pass can leave mis-nested blocks (a discarded unknown tag swallowing a <p>) that a second parse
  // re-nests; repeat until stable so that saving a body twice never changes it. Two passes are the norm.
  let out = sanitizeHtml(html, RICH_TEXT);
  for (let pass = 0; pass < 4; pass += 1) {
    const again = sanitizeHtml(out, RICH_TEXT);
    if (again === out) break;
    out = again;
  }
  return out;
}

const BLOCKS = [
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'ul',
  'ol',
  'td',
  'th',
];

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e]!,
  );
}

/** Plain text of an HTML page: scripts and styles dropped, one line per block, table cells tab-separated. */
export function htmlToText(html: string): string {
  const simple = sanitizeHtml(html, {
    allowedTags: BLOCKS,
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'template', 'svg', 'math'],
  });
  return decodeEntities(
    simple
      .replace(/<(td|th)>/gi, '')
      .replace(/<\/(td|th)>/gi, '\t')
      .replace(/<[^>]+>/g, '\n')
      .replace(/\u00a0/g, ' '),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^\t+/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The <title> of an HTML page, or the first <h1>, as plain text. */
export function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = match ? htmlToText(`<p>${match[1]}</p>`).replace(/\s+/g, ' ').trim() : '';
  return title || undefined;
}
