// The publishing pages: 政府信息公开 per organisation, catalog columns, documents and the normative library.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { pageContext, queryText } from './context.ts';
import { ancestorsOf, indexOrganisations } from './directory.ts';
import { sendPage } from './render.ts';
import { columnAncestors, columnOrganisation, columnRows, columnTree, docRow, findColumnNode, loadDocument } from './publishing.ts';
import { loadNormative, parseNormativeFilter } from './normative.ts';
import { pageParam, xxgkHref } from './urls.ts';
import { lastPage } from './components/pagination.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { XxgkPage } from './pages/xxgk.tsx';
import { ColumnPage } from './pages/column.tsx';
import { DocumentPage } from './pages/document.tsx';
import { GonePage } from './pages/gone.tsx';
import { NormativePage } from './pages/normative.tsx';
import { GuidePage } from './pages/guide.tsx';

export const COLUMN_PAGE_SIZE = 20;
export const NORMATIVE_PAGE_SIZE = 20;
const RECENT_COUNT = 10;

export function registerPublishingPages(app: FastifyInstance, services: Services): void {
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, <NotFoundPage ctx={ctx(request)} />, 404);
  const directory = async () => indexOrganisations(await services.organisations.publicDirectory());

  // 政府信息公开 in the main navigation: the city's own page.
  app.get('/xxgk', async (request, reply) => {
    const index = await directory();
    const roots = index.children.get(null) ?? [];
    const city = roots.find((o) => o.kind === 'city') ?? roots[0];
    if (!city) return notFound(request, reply);
    return reply.header('cache-control', 'no-cache').redirect(xxgkHref(city.id), 302);
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/xxgk', async (request, reply) => {
    const index = await directory();
    const org = index.byId.get(request.params.id);
    if (!org) return notFound(request, reply);
    const [columns, recent] = await Promise.all([
      services.catalog.columns(org.id),
      services.documents.listPublic({ organisationId: org.id, pageSize: RECENT_COUNT }),
    ]);
    const page = (
      <XxgkPage
        ctx={ctx(request)}
        org={org}
        ancestors={ancestorsOf(org, index)}
        roots={columnTree(columns)}
        recent={recent.items.map((d) => docRow(d))}
        total={recent.total}
      />
    );
    return sendPage(reply, page);
  });

  app.get<{ Params: { id: string } }>('/organisations/:id/xxgk/guide', async (request, reply) => {
    const org = (await directory()).byId.get(request.params.id);
    if (!org) return notFound(request, reply);
    const columns = await services.catalog.columns(org.id);
    return sendPage(reply, <GuidePage ctx={ctx(request)} org={org} roots={columnTree(columns)} updatedAt={org.updatedAt} />);
  });

  app.get<{ Params: { id: string } }>('/columns/:id', async (request, reply) => {
    const page = pageParam(queryText(request.query, 'page', 7));
    const listing = await services.catalog.publishedIn(request.params.id, page, COLUMN_PAGE_SIZE).catch((err) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!listing || (page > 1 && page > lastPage(listing.total, COLUMN_PAGE_SIZE))) return notFound(request, reply);
    const orgId = await columnOrganisation(services, listing);
    const org = orgId ? ((await directory()).byId.get(orgId) ?? null) : null;
    const columns = org ? await services.catalog.columns(org.id) : [];
    const view = (
      <ColumnPage
        ctx={ctx(request)}
        column={listing.column}
        org={org}
        ancestors={columnAncestors(columns, listing.column.id)}
        subcolumns={findColumnNode(columnTree(columns), listing.column.id)?.children ?? []}
        rows={columnRows(listing)}
        page={page}
        pageSize={COLUMN_PAGE_SIZE}
        total={listing.total}
      />
    );
    return sendPage(reply, view);
  });

  app.get<{ Params: { idOrSlug: string } }>('/documents/:idOrSlug', async (request, reply) => {
    const found = await loadDocument(services, request.params.idOrSlug);
    if (found.kind === 'missing') return notFound(request, reply);
    if (found.kind === 'gone') return sendPage(reply, <GonePage ctx={ctx(request)} replacement={found.replacement} />, 410);
    const relatedQa = await services.qa.publishedForDocument(found.view.doc.id);
    const consultations = await services.consultations.forDocument(found.view.doc.id);
    return sendPage(reply, <DocumentPage ctx={ctx(request)} view={found.view} relatedQa={relatedQa} consultations={consultations} />);
  });

  app.get('/normative', async (request, reply) => {
    const filter = parseNormativeFilter(request.query);
    const page = pageParam(queryText(request.query, 'page', 7));
    const library = await loadNormative(services, filter, page, NORMATIVE_PAGE_SIZE);
    if (page > 1 && page > lastPage(library.total, NORMATIVE_PAGE_SIZE)) return notFound(request, reply);
    const cleanups = await services.cleanups.listPublished({ organisationId: library.org?.id, limit: 10 });
    const view = (
      <NormativePage ctx={ctx(request)} filter={filter} library={library} page={page} pageSize={NORMATIVE_PAGE_SIZE} cleanups={cleanups} />
    );
    return sendPage(reply, view);
  });
}
