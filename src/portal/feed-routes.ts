// Machine-readable views: Atom feeds of every list, sitemap.xml and robots.txt. Only published documents (the
// services' public reads) ever reach them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { renderAtom, documentEntryId, type AtomEntry } from './atom.ts';
import { beijingDate, plainSummary } from './format.ts';
import { allPublic, columnOrganisation, columnTree } from './publishing.ts';
import { normativeHref, parseNormativeFilter } from './normative.ts';
import { renderNotFound } from './routes.tsx';
import { renderRobots, renderSitemap, SITEMAP_MAX_URLS, type SitemapUrl } from './sitemap-xml.ts';
import type { PublicDocument, Validity } from './types.ts';
import { columnHref, documentHref, guideHref, organisationHref, siteOrigin, xxgkHref, NORMATIVE_HREF } from './urls.ts';

export const FEED_SIZE = 50;

function sendText(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.type(`${type}; charset=utf-8`).header('cache-control', 'no-cache').send(body);
}

export function documentEntry(origin: string, doc: PublicDocument, validity?: Pick<Validity, 'status' | 'statusName'> | null): AtomEntry {
  const e = doc.edition;
  const published = e.publishedAt ?? e.updatedAt;
  return {
    id: documentEntryId(doc.id),
    title: e.title,
    url: `${origin}${documentHref(doc)}`,
    updated: published,
    published,
    summary: [e.docNo, plainSummary(doc)].filter(Boolean).join('　'),
    author: e.issuer || doc.organisationName,
    categories: validity ? [{ term: validity.status, label: validity.statusName }] : [],
  };
}

export function registerFeeds(app: FastifyInstance, services: Services): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => reply.status(404).type('text/html; charset=utf-8').send(renderNotFound(services, request));
  const site = services.config.siteName;
  const atom = (request: FastifyRequest, reply: FastifyReply, feed: { title: string; page: string; entries: AtomEntry[] }) => {
    const origin = siteOrigin(request);
    const body = renderAtom({
      title: feed.title,
      selfUrl: `${origin}${request.url.split('?')[0]}`,
      pageUrl: `${origin}${feed.page}`,
      author: services.config.siteOrganizer,
      entries: feed.entries,
    });
    return sendText(reply, 'application/atom+xml', body);
  };

  app.get('/feeds/documents.atom', async (request, reply) => {
    const { items } = await services.documents.listPublic({ pageSize: FEED_SIZE });
    return atom(request, reply, { title: `${site}：最新政府信息`, page: '/xxgk', entries: items.map((d) => documentEntry(siteOrigin(request), d)) });
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/feed.atom', async (request, reply) => {
    const org = (await services.organisations.publicDirectory()).find((o) => o.id === request.params.id);
    if (!org) return notFound(request, reply);
    const { items } = await services.documents.listPublic({ organisationId: org.id, pageSize: FEED_SIZE });
    return atom(request, reply, { title: `${org.name}：最新政府信息`, page: xxgkHref(org.id), entries: items.map((d) => documentEntry(siteOrigin(request), d)) });
  });

  app.get<{ Params: { id: string } }>('/columns/:id/feed.atom', async (request, reply) => {
    const listing = await services.catalog.publishedIn(request.params.id, 1, FEED_SIZE).catch((err) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!listing) return notFound(request, reply);
    const docs = await Promise.all(listing.items.map((i) => services.documents.getPublic(i.id).catch(() => null)));
    const published = docs.filter((d): d is PublicDocument => d !== null && d.publicState === 'published');
    const orgId = await columnOrganisation(services, listing);
    const orgName = published[0]?.organisationName ?? (orgId ? (await services.organisations.publicDirectory()).find((o) => o.id === orgId)?.name : undefined);
    const title = orgName ? `${orgName}：${listing.column.name}` : listing.column.name;
    return atom(request, reply, { title, page: columnHref(listing.column.id), entries: published.map((d) => documentEntry(siteOrigin(request), d)) });
  });

  // One feed per library filter; without a status it carries every status (subscribers hear of repeals too).
  app.get('/normative/feed.atom', async (request, reply) => {
    const filter = parseNormativeFilter(request.query, 'all');
    const { items } = await services.normative
      .list({ status: filter.status, organisationId: filter.orgId || undefined, year: filter.year, topic: filter.topic, themeId: filter.themeId, pageSize: FEED_SIZE })
      .catch((err) => {
        if (err instanceof AppError && err.status === 404) return { items: [] };
        throw err;
      });
    const docs = await Promise.all(items.map((d) => services.documents.getPublic(d.id).catch(() => null)));
    const entries = items.flatMap((d, i) => {
      const doc = docs[i];
      return doc ? [documentEntry(siteOrigin(request), doc, d.status ? { status: d.status, statusName: d.statusName ?? d.status } : null)] : [];
    });
    return atom(request, reply, { title: `${site}：行政规范性文件`, page: normativeHref(filter), entries });
  });

  app.get('/sitemap.xml', async (request, reply) => sendText(reply, 'application/xml', renderSitemap(await sitemapUrls(services, siteOrigin(request)))));

  app.get('/robots.txt', async (request, reply) => sendText(reply, 'text/plain', renderRobots(`${siteOrigin(request)}/sitemap.xml`)));
}

/**
 * Home, directory, library, every organisation and its 政府信息公开 page, the columns that hold published
 * documents (with the columns above them), and every published document.
 */
export async function sitemapUrls(services: Services, origin: string): Promise<SitemapUrl[]> {
  const [orgs, docs] = await Promise.all([services.organisations.publicDirectory(), allPublic(services, {}, SITEMAP_MAX_URLS)]);
  const paths: SitemapUrl[] = ['/', '/organisations', NORMATIVE_HREF, '/requests', '/interaction', '/qa', '/meetings', '/feedback', '/feedback/stats', '/consultations', '/decisions', '/sitemap', '/about'].map((loc) => ({ loc }));
  for (const o of orgs) paths.push({ loc: organisationHref(o.id) }, { loc: xxgkHref(o.id) }, { loc: guideHref(o.id) });
  const publishing = new Set(docs.map((d) => d.organisationId));
  for (const o of orgs.filter((org) => publishing.has(org.id))) {
    const walk = (nodes: ReturnType<typeof columnTree>) =>
      nodes.forEach((n) => {
        if (n.total === 0) return;
        paths.push({ loc: columnHref(n.id) });
        walk(n.children);
      });
    walk(columnTree(await services.catalog.columns(o.id)));
  }
  for (const d of docs) paths.push({ loc: documentHref(d), lastmod: beijingDate(d.edition.publishedAt) });
  return paths.map((p) => ({ ...p, loc: `${origin}${p.loc}` }));
}
