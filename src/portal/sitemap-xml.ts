// sitemaps.org 0.9 XML. Pure: the route gathers the URLs.
import { XML_DECLARATION, element } from './xml.ts';

export type SitemapUrl = { loc: string; lastmod?: string | null };

/** The protocol allows 50,000 URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

export function renderSitemap(urls: SitemapUrl[]): string {
  const body = urls
    .slice(0, SITEMAP_MAX_URLS)
    .map((u) => `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', u.lastmod) : ''}</url>`)
    .join('\n');
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function renderRobots(sitemapUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /prefs', 'Disallow: /requests/track', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
