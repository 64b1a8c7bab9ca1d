// Placeholder until the portal lands: the public site's routes and its 404 page.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';

export const portalRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/', async (_req, reply) => {
    const orgs = await services.organisations.publicDirectory();
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${services.config.siteName}</title><h1>${services.config.siteName}</h1><p>${orgs.length} 个机构</p></html>`);
  });
};

export async function renderNotFoundPage(_services: Services, _request: FastifyRequest): Promise<string> {
  return '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>页面不存在</title><h1>页面不存在</h1></html>';
}
