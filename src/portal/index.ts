// The public portal: server-rendered pages (routes.tsx, publishing-routes.tsx), Atom feeds, sitemap.xml and
// robots.txt (feed-routes.ts), and their static assets under /assets/.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Services } from '../container.ts';
import { assetsDir, ASSETS_PREFIX } from './assets.ts';
import { registerPages, renderNotFound } from './routes.tsx';
import { registerPublishingPages } from './publishing-routes.tsx';
import { registerFeeds } from './feed-routes.ts';
import { registerCleanupPages } from './cleanup-routes.tsx';
import { registerConsultationPages } from './consultation-routes.tsx';
import { requestPortalRoutes } from './request-routes.tsx';
import { registerParticipationPages } from './participation-routes.tsx';

export const portalRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: ASSETS_PREFIX,
    decorateReply: false,
    index: false,
    maxAge: '1d',
  });
  registerPages(app, services);
  registerPublishingPages(app, services);
  registerFeeds(app, services);
  registerCleanupPages(app, services);
  registerConsultationPages(app, services);
  await app.register(requestPortalRoutes, { services });
  registerParticipationPages(app, services);
};

/** The 404 page in the portal's layout, for unknown non-API URLs that accept HTML. */
export async function renderNotFoundPage(services: Services, request: FastifyRequest): Promise<string> {
  return renderNotFound(services, request);
}
