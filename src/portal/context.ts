// What every page needs besides its own data: site identity for header/footer, the visitor's preferences,
// and the current URL (the preference links return to it).
import type { FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { PREFS_COOKIE, parsePrefs, type Prefs } from './prefs.ts';
import { siteOrigin } from './urls.ts';

export type SiteInfo = { name: string; organizer: string; siteCode: string; icp: string; psb: string };
/** `origin` is `scheme://host` for absolute URLs (canonical links, feeds). */
export type PageContext = { site: SiteInfo; prefs: Prefs; url: string; origin: string };

export function pageContext(services: Services, request: FastifyRequest): PageContext {
  const { config } = services;
  return {
    site: { name: config.siteName, organizer: config.siteOrganizer, siteCode: config.siteCode, icp: config.icp, psb: config.psb },
    prefs: parsePrefs(request.cookies?.[PREFS_COOKIE]),
    url: request.url,
    origin: siteOrigin(request),
  };
}

/** The first value of a query parameter, trimmed and capped; repeated or missing parameters are tolerated. */
export function queryText(query: unknown, key: string, max = 50): string {
  const raw = (query as Record<string, unknown> | undefined)?.[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}
