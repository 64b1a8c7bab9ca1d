// The public portal: server-rendered pages (routes.tsx) and their static assets under /assets/.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Services } from '../container.ts';
import { assetsDir, ASSETS_PREFIX } from './assets.ts';
import { registerPages, renderNotFound } from './routes.tsx';

export const portalRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: ASSETS_PREFIX,
    decorateReply: false,
    index: false,
    maxAge: '1d',
  });
  registerPages(app, services);
};

/** The 404 page in the portal's layout, for unknown non-API URLs that accept HTML. */
export async function renderNotFoundPage(services: Services, request: FastifyRequest): Promise<string> {
  return renderNotFound(services, request);
}
