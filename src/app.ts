import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Services } from './container.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { organisationRoutes } from './modules/organisations/index.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { attachmentRoutes, catalogRoutes, documentRoutes, normativeProcessRoutes, normativeRoutes } from './modules/documents/index.ts';
import { searchRoutes } from './modules/search/index.ts';
import { ledgerRoutes } from './modules/ledger/index.ts';
import { reviewRoutes, scanRoutes, scanSettings } from './modules/review/index.ts';
import { calendarRoutes } from './modules/calendar/index.ts';
import { letterTemplateRoutes, requestRoutes } from './modules/requests/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { consultationRoutes } from './modules/consultations/index.ts';
import { decisionRoutes } from './modules/decisions/index.ts';
import { qaRoutes } from './modules/qa/index.ts';
import { meetingRoutes } from './modules/meetings/index.ts';
import { feedbackRoutes } from './modules/feedback/index.ts';
import { portalRoutes, renderNotFoundPage } from './portal/index.ts';

export type AppOptions = { logger?: boolean | object };

const adminDir = fileURLToPath(new URL('../dist/admin/', import.meta.url));

/** Builds the HTTP app: platform plugins first, then one plugin per module. */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy === 'true',
    requestIdHeader: 'x-request-id',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandling(app, (request) => renderNotFoundPage(services, request));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects component styles at run time
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 65_536 });
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(services.database.db) as never,
    // The plugin's `after` is English ("1 minute"); the message wants whole seconds.
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: 429, after: String(Math.max(1, Math.ceil(ctx.ttl / 1000))) }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Gongkai 政务公开 API',
        version: '1',
        description:
          '所有错误都以 `{error: {code, message, fields?}}` 返回；Accept-Language: en 时返回英文消息。浏览器会话写操作需带 `x-csrf-token` 头；集成方使用 `Authorization: Bearer gk_…` API 令牌。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gk_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  registerMetrics(app);
  registerRequestContext(app, services.auth);

  // No icon yet; answer quietly instead of logging a 404 for every first visit.
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.status(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.database.db.selectFrom('iam_org').select('id').limit(1).execute();
      return { status: 'ok', database: services.database.dialect.name };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: services.database.dialect.name });
    }
  });

  await app.register(
    async (api) => {
      await api.register(identityRoutes, {
        auth: services.auth,
        users: services.users,
        cookieSecure: config.cookieSecure,
        sessionHours: config.sessionHours,
        loginRateLimit: config.loginRateLimit,
      });
      await api.register(organisationRoutes, { organisations: services.organisations });
      await api.register(auditRoutes, { audit: services.audit });
      await api.register(catalogRoutes, { catalog: services.catalog });
      await api.register(searchRoutes, { search: services.search });
      await api.register(ledgerRoutes, { ledger: services.ledger, verify: services.verifyLedger });
      await api.register(documentRoutes, { documents: services.documents, workflow: services.workflow, relations: services.relations });
      await api.register(attachmentRoutes, { attachments: services.attachments });
      await api.register(normativeRoutes, { library: services.normative, themes: services.themes, todo: services.todo, registration: services.registration, relations: services.relations });
      await api.register(normativeProcessRoutes, { filings: services.filings, cleanups: services.cleanups });
      await api.register(scanRoutes, { ...scanSettings(config), dictionary: async () => (await services.dictionaries.compiled()).compiled });
      await api.register(reviewRoutes, { review: services.review, dictionaries: services.dictionaries, rescan: services.rescan });
      await api.register(calendarRoutes, { calendar: services.calendar });
      await api.register(requestRoutes, { requests: services.requests, uploadMaxBytes: config.requestUploadMaxMb * 1_048_576, formRateLimit: config.formRateLimit });
      await api.register(letterTemplateRoutes, { templates: services.letterTemplates });
      await api.register(reportRoutes, { reports: services.reports });
      await api.register(consultationRoutes, { consultations: services.consultations, comments: services.comments, formRateLimit: config.formRateLimit });
      await api.register(decisionRoutes, { decisions: services.decisions });
      await api.register(qaRoutes, { qa: services.qa, formRateLimit: config.formRateLimit });
      await api.register(meetingRoutes, { meetings: services.meetings });
      await api.register(feedbackRoutes, { feedback: services.feedback, formRateLimit: config.formRateLimit });
    },
    { prefix: '/api/v1' },
  );

  await app.register(portalRoutes, { services });
  await registerAdmin(app);
  return app;
}

/** The admin SPA, built by Vite into dist/admin; every /admin/* path answers its index.html. */
async function registerAdmin(app: FastifyInstance): Promise<void> {
  if (!existsSync(adminDir)) {
    app.get('/admin', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>管理后台未构建</title><p>管理后台尚未构建，请运行 <code>npm run build:admin</code>（<code>npm install</code> 会自动构建）。</p></html>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: adminDir, prefix: '/admin/', decorateReply: false, wildcard: false, index: ['index.html'] });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await import('node:fs/promises').then((fs) => fs.readFile(`${adminDir}index.html`)));
  app.get('/admin', sendIndex);
  app.get('/admin/*', sendIndex);
}
