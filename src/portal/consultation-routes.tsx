// Portal pages of 意见征集 and 重大行政决策: lists, the consultation page with its no-JavaScript comment form
// (rate-limited like every public form), the adoption report, the Atom feed and the decision catalogs. Only the
// services' public reads are used, so drafts, unmoderated comments and contact data never reach these pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { renderError } from '../platform/http/error-handler.ts';
import { publicFormRateLimit } from '../platform/http/rate-limit-store.ts';
import { pageContext, queryText } from './context.ts';
import { sendPage } from './render.ts';
import { renderAtom } from './atom.ts';
import { siteOrigin, pageParam } from './urls.ts';
import { NotFoundPage } from './pages/not-found.tsx';
import { CONSULTATIONS_HREF, ConsultationsPage, consultationHref, phaseTabs, type PublicPhase } from './pages/consultations.tsx';
import { ConsultationPage, type CommentFormState } from './pages/consultation.tsx';
import { ConsultationResultPage } from './pages/consultation-result.tsx';
import { DecisionCatalogPage, DecisionIndexPage } from './pages/decisions.tsx';

const PAGE_SIZE = 20;
const COMMENTS_PAGE_SIZE = 20;
const emptyForm: CommentFormState = { values: {}, errors: [], message: null, notice: null };
const isAnchor = (s: string) => /^(\d{1,4}(\.\d{1,3})?|general)$/.test(s);

export function registerConsultationPages(app: FastifyInstance, services: Services): void {
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, <NotFoundPage ctx={ctx(request)} />, 404);
  const formLimit = publicFormRateLimit({ formRateLimit: services.config.formRateLimit });

  app.get(CONSULTATIONS_HREF, async (request, reply) => {
    const raw = queryText(request.query, 'phase', 20);
    const phase = (phaseTabs.some((t) => t.key === raw) ? raw : '') as PublicPhase | '';
    const q = queryText(request.query, 'q');
    const page = pageParam(queryText(request.query, 'page', 7));
    const list = await services.consultations.listPublic({ phase: phase || undefined, q: q || undefined, page, pageSize: PAGE_SIZE });
    return sendPage(reply, <ConsultationsPage ctx={ctx(request)} phase={phase} q={q} page={page} pageSize={PAGE_SIZE} total={list.total} items={list.items} />);
  });

  /** The consultation page; `form` carries a re-shown form after a failed submission. */
  const showConsultation = async (request: FastifyRequest, reply: FastifyReply, id: string, form: CommentFormState, status = 200) => {
    let view;
    try {
      view = await services.consultations.getPublic(id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return notFound(request, reply);
      throw err;
    }
    const rawAnchor = queryText(request.query, 'anchor', 10);
    const anchor = isAnchor(rawAnchor) ? rawAnchor : '';
    const page = pageParam(queryText(request.query, 'page', 7));
    const comments = await services.comments.listPublic(id, { anchor: anchor || undefined, page, pageSize: COMMENTS_PAGE_SIZE });
    // A re-shown form keeps the preference links pointing at the page, not at the POST address.
    const page_ = <ConsultationPage ctx={{ ...ctx(request), url: request.method === 'GET' ? request.url : consultationHref(id) }} view={view} comments={comments} anchor={anchor} form={form} verifyRequired={services.comments.verifyRequired} csrf={request.session?.csrfToken} />;
    return sendPage(reply, page_, status);
  };

  app.get<{ Params: { id: string } }>('/consultations/:id', async (request, reply) => {
    const submitted = queryText(request.query, 'submitted', 2) === '1';
    return showConsultation(request, reply, request.params.id, submitted ? { ...emptyForm, notice: '您的意见已提交，经审核后公开。感谢您的参与！' } : emptyForm);
  });

  const formValues = (body: unknown): Record<string, string> => {
    const b = (body ?? {}) as Record<string, unknown>;
    const pick = (k: string, max: number) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, max) : '');
    return { anchor: pick('anchor', 10), text: pick('text', 6000), name: pick('name', 50), channel: pick('channel', 5) === 'email' ? 'email' : 'sms', address: pick('address', 254), code: pick('code', 10) };
  };
  const failed = (err: unknown): CommentFormState => {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const body = renderError(err, 'zh').error;
    return { values: {}, errors: body.fields ?? [], message: body.message, notice: null };
  };

  app.post<{ Params: { id: string } }>('/consultations/:id/comment', { config: formLimit }, async (request, reply) => {
    const v = formValues(request.body);
    try {
      const input = { anchor: v.anchor || null, text: v.text, name: v.name || undefined, channel: v.channel as 'sms' | 'email', address: v.address || undefined, code: v.code || undefined };
      await services.comments.submit(request.params.id, input, { ip: request.ip, requestId: request.id });
      return reply.header('cache-control', 'no-store').redirect(`${consultationHref(request.params.id)}?submitted=1#comment-form`, 303);
    } catch (err) {
      const state = failed(err);
      if (state.errors.length === 0 && (err as AppError).status === 404) return notFound(request, reply);
      return showConsultation(request, reply, request.params.id, { ...state, values: { ...v, code: '' } }, (err as AppError).status);
    }
  });

  app.post<{ Params: { id: string } }>('/consultations/:id/code', { config: formLimit }, async (request, reply) => {
    const v = formValues(request.body);
    try {
      const sent = await services.comments.issueCode(request.params.id, v.channel as 'sms' | 'email', v.address);
      return showConsultation(request, reply, request.params.id, { values: v, errors: [], message: null, notice: `验证码已发送至 ${sent.to}，10 分钟内有效。` });
    } catch (err) {
      const state = failed(err);
      return showConsultation(request, reply, request.params.id, { ...state, values: v }, (err as AppError).status);
    }
  });

  app.get<{ Params: { id: string } }>('/consultations/:id/result', async (request, reply) => {
    let view;
    try {
      view = await services.consultations.getPublic(request.params.id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return notFound(request, reply);
      throw err;
    }
    if (!view.result) return notFound(request, reply);
    const answers = await services.comments.listPublic(view.id, { page: 1, pageSize: 100 });
    const rest = [];
    for (let p = 2; (p - 1) * 100 < answers.total; p++) rest.push(...(await services.comments.listPublic(view.id, { page: p, pageSize: 100 })).items);
    return sendPage(reply, <ConsultationResultPage ctx={ctx(request)} view={view} report={view.result} answers={[...answers.items, ...rest]} />);
  });

  app.get('/feeds/consultations.atom', async (request, reply) => {
    const origin = siteOrigin(request);
    const { items } = await services.consultations.listPublic({ pageSize: 50 });
    const body = renderAtom({
      title: `${services.config.siteName}：意见征集`,
      selfUrl: `${origin}/feeds/consultations.atom`,
      pageUrl: `${origin}${CONSULTATIONS_HREF}`,
      author: services.config.siteOrganizer,
      entries: items.map((c) => ({
        id: `urn:uuid:${c.id}`,
        title: c.title,
        url: `${origin}${consultationHref(c.id)}`,
        updated: c.resultPublishedAt ?? `${c.opensOn}T00:00:00+08:00`,
        published: `${c.opensOn}T00:00:00+08:00`,
        summary: `${c.organisationName}${c.kindName}草案公开征求意见，征集期 ${c.opensOn} 至 ${c.closesOn}（${c.phaseName}）`,
        author: c.organisationName,
        categories: [{ term: c.phase, label: c.phaseName }],
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'no-cache').send(body);
  });

  app.get('/decisions', async (request, reply) => sendPage(reply, <DecisionIndexPage ctx={ctx(request)} catalogs={await services.decisions.catalogIndex()} />));

  app.get<{ Params: { orgId: string; year: string } }>('/decisions/:orgId/:year', async (request, reply) => {
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : NaN;
    if (!Number.isInteger(year) || !/^[0-9a-zA-Z-]{1,64}$/.test(request.params.orgId)) return notFound(request, reply);
    try {
      const catalog = await services.decisions.catalog(request.params.orgId, year);
      return sendPage(reply, <DecisionCatalogPage ctx={ctx(request)} organisationName={catalog.organisationName} year={year} items={catalog.items} />);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return notFound(request, reply);
      throw err;
    }
  });
}
