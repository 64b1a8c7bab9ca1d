// A small, strict XML reader for tests: it throws on anything not well-formed (unclosed or crossed tags, bad
// attribute syntax, duplicate attributes, raw `<` or `&`, unknown entities, several roots, forbidden characters)
// and returns the element tree with decoded text, so tests can read feeds and sitemaps.

export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in ${where}`);
  return raw.replace(/&([^;\s]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`bare "&" in ${where}: ${JSON.stringify(raw.slice(0, 60))}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#(\d+)$/.exec(ref)?.[1] ?? (/^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ? String(parseInt(ref.slice(2), 16)) : undefined);
    if (num === undefined) throw new Error(`unknown entity &${ref}; in ${where}`);
    return String.fromCodePoint(Number(num));
  });
}

function parseAttributes(source: string, tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let rest = source.trim();
  while (rest) {
    const m = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (!m) throw new Error(`bad attribute syntax in <${tag}>: ${rest.slice(0, 40)}`);
    if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]} in <${tag}>`);
    attrs[m[1]!] = decode(m[3] ?? m[4] ?? '', `attribute ${m[1]} of <${tag}>`);
    rest = rest.slice(m[0].length);
  }
  return attrs;
}

export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^\uFEFF/, '').replace(/^<\?xml\s[^?]*\?>/, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (rest.length) {
    const top = stack[stack.length - 1]!;
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) throw new Error('unclosed comment');
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0 || stack.length === 1) throw new Error('bad CDATA section');
      top.text += rest.slice(9, end);
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) throw new Error('unclosed processing instruction');
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('</')) {
      const m = /^<\/([^\s>]+)\s*>/.exec(rest);
      if (!m || stack.length === 1 || m[1] !== top.name) throw new Error(`unexpected closing tag ${m?.[1] ?? rest.slice(0, 20)} (open: ${top.name})`);
      stack.pop();
      rest = rest.slice(m[0].length);
    } else if (rest.startsWith('<')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      const end = rest.indexOf('>');
      if (!name || end < 0) throw new Error(`bad tag: ${rest.slice(0, 30)}`);
      const selfClosing = rest[end - 1] === '/';
      const attrs = parseAttributes(rest.slice(1 + name.length, selfClosing ? end - 1 : end), name);
      if (stack.length === 1 && root.children.length) throw new Error('more than one root element');
      const el: XmlElement = { name, attrs, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
      rest = rest.slice(end + 1);
    } else {
      const end = rest.indexOf('<');
      const raw = end < 0 ? rest : rest.slice(0, end);
      if (stack.length === 1 && raw.trim()) throw new Error(`text outside the root element: ${raw.slice(0, 30)}`);
      top.text += decode(raw, `<${top.name}>`);
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

/** Direct children with a tag name. */
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
/** The text of the first child with a tag name. */
export const childText = (el: XmlElement, name: string) => childrenNamed(el, name)[0]?.text;
