// Atom 1.0 (RFC 4287) feeds of published documents. Pure: the routes gather the entries.
import { XML_DECLARATION, element, escapeXml } from './xml.ts';

export type AtomEntry = {
  /** A stable id: `urn:uuid:<document id>` (document ids are UUIDs). */
  id: string;
  title: string;
  url: string;
  updated: string;
  published?: string | null;
  summary: string;
  author: string;
  categories?: { term: string; label: string }[];
};

export type AtomFeed = {
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (also its id). */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  author: string;
  entries: AtomEntry[];
  /** Used for <updated> when there are no entries. */
  now?: string;
};

/** RFC 3339 timestamps; anything unparsable becomes the epoch rather than an invalid feed. */
function rfc3339(value: string): string {
  const ms = Date.parse(value);
  return new Date(Number.isNaN(ms) ? 0 : ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const documentEntryId = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? `urn:uuid:${id.toLowerCase()}` : `tag:gongkai,2024:document:${id}`);

export function renderAtom(feed: AtomFeed): string {
  const newest = feed.entries.map((e) => rfc3339(e.updated)).sort().at(-1);
  const lines = [
    `${XML_DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
    element('id', feed.selfUrl),
    element('title', feed.title),
    feed.subtitle ? element('subtitle', feed.subtitle) : '',
    element('updated', newest ?? rfc3339(feed.now ?? new Date().toISOString())),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `<author>${element('name', feed.author)}</author>`,
    element('generator', 'Gongkai'),
    ...feed.entries.map(renderEntry),
    '</feed>',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

function renderEntry(e: AtomEntry): string {
  return [
    '<entry>',
    element('id', e.id),
    element('title', e.title),
    `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
    element('updated', rfc3339(e.updated)),
    e.published ? element('published', rfc3339(e.published)) : '',
    `<author>${element('name', e.author)}</author>`,
    ...(e.categories ?? []).map((c) => `<category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`),
    element('summary', e.summary, { type: 'text' }),
    '</entry>',
  ]
    .filter(Boolean)
    .join('');
}
