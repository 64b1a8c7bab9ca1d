// Every portal URL in one place, so pages, feeds and the sitemap agree.
import type { FastifyRequest } from 'fastify';

const seg = encodeURIComponent;

export const documentHref = (d: { id: string; slug?: string | null }) => `/documents/${seg(d.slug || d.id)}`;
export const columnHref = (id: string) => `/columns/${seg(id)}`;
export const xxgkHref = (orgId: string) => `/organisations/${seg(orgId)}/xxgk`;
export const organisationHref = (orgId: string) => `/organisations/${seg(orgId)}`;
/** The 政府信息公开指南, generated from the organisation's data (条例第十二条). */
export const guideHref = (orgId: string) => `/organisations/${seg(orgId)}/xxgk/guide`;
/** The catalog column that holds the guide: it always links to the generated guide. */
export const GUIDE_COLUMN_CODE = 'xxgk.guide';

export const OPENNESS_HREF = '/xxgk';
export const NORMATIVE_HREF = '/normative';

export const feedHrefs = {
  documents: '/feeds/documents.atom',
  normative: '/normative/feed.atom',
  cleanups: '/normative/cleanups/feed.atom',
  organisation: (orgId: string) => `/organisations/${seg(orgId)}/feed.atom`,
  column: (id: string) => `/columns/${seg(id)}/feed.atom`,
};

/** A path with query parameters; empty values and page 1 are left out so every list has one plain URL. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || (key === 'page' && Number(value) === 1)) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * `scheme://host[:port]` of the request, for absolute URLs in canonical links, feeds and the sitemap. Behind a
 * proxy this follows X-Forwarded-* only when GONGKAI_TRUST_PROXY is on; a malformed Host falls back to localhost.
 */
export function siteOrigin(request: FastifyRequest): string {
  const host = request.host ?? '';
  const safeHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const defaultPort = protocol === 'https' ? ':443' : ':80';
  return `${protocol}://${safeHost.endsWith(defaultPort) ? safeHost.slice(0, -defaultPort.length) : safeHost}`;
}

/** The page number from `?page=`, 1 when absent or malformed; capped so offsets stay reasonable. */
export function pageParam(raw: string, max = 10_000): number {
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), max);
}
