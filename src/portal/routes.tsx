// The portal's pages. Every page is server-rendered and works without JavaScript.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { pageContext, queryText } from './context.ts';
import { buildDirectory, indexOrganisations, ancestorsOf, nameMatcher, type Org } from './directory.ts';
import { PREFS_COOKIE, PREFS_MAX_AGE_SECONDS, parsePrefs, safeReturnPath, serializePrefs, updatePrefs } from './prefs.ts';
import { renderPage, sendPage } from './render.ts';
import { docRow } from './publishing.ts';
import { HomePage } from './pages/home.tsx';
import { DirectoryPage } from './pages/directory.tsx';
import { OrganisationPage } from './pages/organisation.tsx';
import { SearchPage } from './pages/search.tsx';
import { directoryOrder, hasFilters, isLocalPath, parseSearchParams, SEARCH_PAGE_SIZE } from './search-params.ts';
import { AboutPage } from './pages/about.tsx';
import { LedgerPage } from './pages/ledger.tsx';
import { SitemapPage } from './pages/sitemap.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ErrorPage } from './pages/error.tsx';

export function renderNotFound(services: Services, request: FastifyRequest): string {
  return renderPage(<NotFoundPage ctx={pageContext(services, request)} />);
}

export function registerPages(app: FastifyInstance, services: Services): void {
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const directoryIndex = async () => {
    const orgs = await services.organisations.publicDirectory();
    const index = indexOrganisations(orgs);
    const parentName = (o: Org) => (o.parentId ? index.byId.get(o.parentId)?.name : undefined);
    return { orgs, index, parentName };
  };

  app.setErrorHandler(async (err: { statusCode?: number; status?: number }, request, reply) => {
    const code = err.statusCode ?? err.status; // Fastify errors carry statusCode, the services' AppError status
    const status = code && code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error({ err }, 'portal page failed');
    return sendPage(reply, status === 404 ? <NotFoundPage ctx={ctx(request)} /> : <ErrorPage ctx={ctx(request)} />, status);
  });

  app.get('/', async (request, reply) => {
    const { orgs, index } = await directoryIndex();
    const city = (index.children.get(null) ?? []).find((o) => o.kind === 'city') ?? null;
    const underCity = city ? (index.children.get(city.id) ?? []) : [];
    const levels = {
      city,
      departments: underCity.filter((o) => o.kind === 'department' || o.kind === 'institution').length,
      areas: orgs.filter((o) => o.kind === 'county').length,
      townships: orgs.filter((o) => o.kind === 'township').length,
    };
    const recent = (await services.documents.listPublic({ pageSize: 8 })).items.map((d) => docRow(d));
    const consultations = (await services.consultations.listPublic({ phase: 'open', pageSize: 5 })).items;
    return sendPage(reply, <HomePage ctx={ctx(request)} levels={levels} recent={recent} consultations={consultations} />);
  });

  app.get('/organisations', async (request, reply) => {
    const query = queryText(request.query, 'q');
    const { orgs, parentName } = await directoryIndex();
    return sendPage(reply, <DirectoryPage ctx={ctx(request)} directory={buildDirectory(orgs, query)} query={query} parentName={parentName} />);
  });

  app.get<{ Params: { id: string } }>('/organisations/:id', async (request, reply) => {
    const { index } = await directoryIndex();
    const org = index.byId.get(request.params.id);
    if (!org) return sendPage(reply, <NotFoundPage ctx={ctx(request)} />, 404);
    const page = <OrganisationPage ctx={ctx(request)} org={org} ancestors={ancestorsOf(org, index)} children={index.children.get(org.id) ?? []} />;
    return sendPage(reply, page);
  });

  app.get('/search', async (request, reply) => {
    const { orgs, index, parentName } = await directoryIndex();
    const params = parseSearchParams(request.query);
    if (params.org && !index.byId.has(params.org)) params.org = undefined; // an unknown organisation is no filter
    const results = params.q ? await services.search.search({ ...params, size: SEARCH_PAGE_SIZE }) : null;
    // A 发文字号 or 索引号 typed in full (and nothing narrowing it) goes straight to the document.
    if (results?.exact && !hasFilters(params) && isLocalPath(results.exact.url)) return reply.header('cache-control', 'no-cache').redirect(results.exact.url, 302);
    const matches = params.q ? orgs.filter(nameMatcher(params.q)).slice(0, 50) : [];
    const orgName = (id: string) => index.byId.get(id)?.name;
    const view = <SearchPage ctx={ctx(request)} params={params} results={results} orgOptions={directoryOrder(index)} orgName={orgName} organisations={matches} parentName={parentName} />;
    return sendPage(reply, view);
  });

  app.get('/about', async (request, reply) => sendPage(reply, <AboutPage ctx={ctx(request)} />));

  app.get('/ledger', async (request, reply) => {
    const head = await services.ledger.head();
    const recent = (await services.ledger.list({ afterSeq: Math.max(0, (head.seq ?? 0) - 20), limit: 20 })).reverse();
    return sendPage(reply, <LedgerPage ctx={ctx(request)} head={head} recent={recent} />);
  });

  app.get('/sitemap', async (request, reply) => {
    const { orgs } = await directoryIndex();
    return sendPage(reply, <SitemapPage ctx={ctx(request)} areas={orgs.filter((o) => o.kind === 'county')} />);
  });

  // 适老化 preferences without JavaScript: set the cookie, go back to the page the visitor was on.
  app.get('/prefs', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const prefs = updatePrefs(parsePrefs(request.cookies[PREFS_COOKIE]), { text: queryText(query, 'text'), contrast: queryText(query, 'contrast') });
    const secure = services.config.cookieSecure === 'auto' ? request.protocol === 'https' : services.config.cookieSecure === 'true';
    reply.setCookie(PREFS_COOKIE, serializePrefs(prefs), { path: '/', maxAge: PREFS_MAX_AGE_SECONDS, sameSite: 'lax', secure, httpOnly: false });
    return reply.header('cache-control', 'no-store').redirect(safeReturnPath(queryText(query, 'return', 2000)), 303);
  });
}
