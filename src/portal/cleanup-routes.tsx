// 规范性文件清理结果 pages and their Atom feed (one entry per published campaign).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { pageContext } from './context.ts';
import { sendPage } from './render.ts';
import { renderAtom } from './atom.ts';
import { siteOrigin } from './urls.ts';
import { NotFoundPage } from './pages/not-found.tsx';
import { CleanupListPage, CleanupResultPage, cleanupHref, CLEANUPS_HREF } from './pages/cleanups.tsx';

export function registerCleanupPages(app: FastifyInstance, services: Services): void {
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, <NotFoundPage ctx={ctx(request)} />, 404);

  app.get(CLEANUPS_HREF, async (request, reply) => sendPage(reply, <CleanupListPage ctx={ctx(request)} campaigns={await services.cleanups.listPublished()} />));

  app.get('/normative/cleanups/feed.atom', async (request, reply) => {
    const origin = siteOrigin(request);
    const campaigns = await services.cleanups.listPublished({ limit: 50 });
    const body = renderAtom({
      title: `${services.config.siteName}：规范性文件清理结果`,
      selfUrl: `${origin}/normative/cleanups/feed.atom`,
      pageUrl: `${origin}${CLEANUPS_HREF}`,
      author: services.config.siteOrganizer,
      entries: campaigns.map((c) => ({
        id: `urn:uuid:${c.id.toLowerCase()}`,
        title: c.title,
        url: `${origin}${cleanupHref(c.id)}`,
        updated: `${c.publishedOn}T00:00:00+08:00`,
        published: `${c.publishedOn}T00:00:00+08:00`,
        summary: `${c.organisation.name}规范性文件清理结果`,
        author: c.organisation.name,
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'no-cache').send(body);
  });

  app.get<{ Params: { id: string } }>('/normative/cleanups/:id', async (request, reply) => {
    const campaign = await services.cleanups.getPublished(request.params.id).catch((err) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!campaign) return notFound(request, reply);
    return sendPage(reply, <CleanupResultPage ctx={ctx(request)} campaign={campaign} />);
  });
}
