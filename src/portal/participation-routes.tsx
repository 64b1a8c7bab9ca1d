// Public participation pages: 互动交流 (the hub), 政策问答 (list, item, question form), 重大会议 and 营商环境“不满意”线索.
// The forms carry the CSRF token when the visitor is also signed in (staff testing the portal), else none is needed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { translate, translateField } from '../platform/i18n/messages.ts';
import { publicFormRateLimit } from '../platform/http/rate-limit-store.ts';
import { pageContext, queryText } from './context.ts';
import { sendPage } from './render.ts';
import { pageParam } from './urls.ts';
import { lastPage } from './components/pagination.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { MeetingPage, MeetingsPage } from './pages/meetings.tsx';
import { FeedbackFormPage, FeedbackReceiptPage, FeedbackStatsPage, type FeedbackForm } from './pages/feedback.tsx';
import { QaAskPage, QaItemPage, QaListPage, QaReceiptPage, type AskForm } from './pages/qa.tsx';
import { InteractionPage } from './pages/interaction.tsx';
import { INTERACTION_HREF } from './layout.tsx';

export const QA_PAGE_SIZE = 20;
const ORG_KINDS = new Set(['city', 'county', 'department', 'institution']);
const ID = /^[0-9a-zA-Z-]{1,64}$/;

/** Field errors and the message of a refused public form, in Chinese. */
export function formErrors(err: unknown): { errors: Record<string, string>; message: string | null } | null {
  if (!(err instanceof AppError) || err.status >= 500 || err.status === 429) return null;
  const errors: Record<string, string> = {};
  for (const f of err.fields) errors[f.path] ??= translateField(f.code, 'zh', f.params);
  return { errors, message: err.fields.length ? null : translate(err.code, 'zh', err.params) };
}

const field = (body: unknown, key: string, max: number) => {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

export function registerParticipationPages(app: FastifyInstance, services: Services): void {
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, <NotFoundPage ctx={ctx(request)} />, 404);
  const departments = async () => (await services.organisations.publicDirectory()).filter((o) => ORG_KINDS.has(o.kind));
  const documentTitle = async (id: string) => (ID.test(id) ? await services.documents.getPublic(id).then((d) => d.edition.title).catch(() => null) : null);
  const formLimit = publicFormRateLimit({ formRateLimit: services.config.formRateLimit });

  app.get(INTERACTION_HREF, async (request, reply) => {
    const [consultations, answers] = await Promise.all([
      services.consultations.listPublic({ phase: 'open', pageSize: 10 }),
      services.qa.publicList({ pageSize: 8 }),
    ]);
    return sendPage(reply, <InteractionPage ctx={ctx(request)} consultations={consultations.items} answers={answers.items} />);
  });

  app.get('/qa', async (request, reply) => {
    const q = queryText(request.query, 'q', 100);
    const audience = ['citizen', 'enterprise'].includes(queryText(request.query, 'audience')) ? queryText(request.query, 'audience') : '';
    const page = pageParam(queryText(request.query, 'page', 7));
    const list = await services.qa.publicList({ q, audience: audience || undefined, page, pageSize: QA_PAGE_SIZE });
    if (page > 1 && page > lastPage(list.total, QA_PAGE_SIZE)) return notFound(request, reply);
    return sendPage(reply, <QaListPage ctx={ctx(request)} q={q} audience={audience} items={list.items} total={list.total} page={page} pageSize={QA_PAGE_SIZE} />);
  });

  const askPage = async (request: FastifyRequest, reply: FastifyReply, form: AskForm, errors: Record<string, string> = {}, message: string | null = null, status = 200) =>
    sendPage(reply, <QaAskPage ctx={ctx(request)} form={form} departments={await departments()} errors={errors} message={message} answerDays={services.config.qaAnswerDays} csrf={request.session?.csrfToken} />, status);

  app.get('/qa/ask', async (request, reply) => {
    const documentId = queryText(request.query, 'document', 64);
    const title = documentId ? await documentTitle(documentId) : null;
    const form: AskForm = { documentId: title ? documentId : '', documentTitle: title, orgId: queryText(request.query, 'org', 64), title: '', question: '', audience: 'citizen', name: '', phone: '', email: '' };
    return askPage(request, reply, form);
  });

  app.post('/qa/ask', { config: formLimit }, async (request, reply) => {
    const b = request.body;
    const form: AskForm = {
      documentId: field(b, 'documentId', 64), documentTitle: null, orgId: field(b, 'orgId', 64), title: field(b, 'title', 500), question: field(b, 'question', 20_000),
      audience: field(b, 'audience', 20) === 'enterprise' ? 'enterprise' : 'citizen', name: field(b, 'name', 200), phone: field(b, 'phone', 40), email: field(b, 'email', 254),
    };
    form.documentTitle = form.documentId ? await documentTitle(form.documentId) : null;
    try {
      const receipt = await services.qa.ask(
        { ...form, documentId: form.documentId || undefined, orgId: form.documentId ? undefined : form.orgId || undefined, title: form.title || undefined },
        { ip: request.ip, requestId: request.id },
      );
      return sendPage(reply, <QaReceiptPage ctx={ctx(request)} receipt={receipt} />, 201);
    } catch (err) {
      const shown = formErrors(err);
      if (!shown) throw err;
      return askPage(request, reply, form, shown.errors, shown.message, (err as AppError).status);
    }
  });

  app.get<{ Params: { id: string } }>('/qa/:id', async (request, reply) => {
    if (!ID.test(request.params.id)) return notFound(request, reply);
    const item = await services.qa.publicGet(request.params.id).catch(() => null);
    if (!item) return notFound(request, reply);
    return sendPage(reply, <QaItemPage ctx={ctx(request)} item={item} />);
  });

  app.get('/meetings', async (request, reply) => {
    const orgId = queryText(request.query, 'org', 64);
    const yearText = queryText(request.query, 'year', 4);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const page = pageParam(queryText(request.query, 'page', 7));
    const org = orgId && ID.test(orgId) ? ((await services.organisations.refs([orgId])).get(orgId) ?? null) : null;
    if (orgId && !org) return notFound(request, reply);
    const list = await services.meetings.publicList({ orgId: org?.id, year: year ?? undefined, page, pageSize: QA_PAGE_SIZE });
    if (page > 1 && page > lastPage(list.total, QA_PAGE_SIZE)) return notFound(request, reply);
    const view = <MeetingsPage ctx={ctx(request)} orgId={org?.id ?? ''} orgName={org?.name ?? null} year={year} years={list.years} items={list.items} total={list.total} page={page} pageSize={QA_PAGE_SIZE} />;
    return sendPage(reply, view);
  });

  app.get<{ Params: { id: string } }>('/meetings/:id', async (request, reply) => {
    if (!ID.test(request.params.id)) return notFound(request, reply);
    const meeting = await services.meetings.publicGet(request.params.id).catch(() => null);
    if (!meeting) return notFound(request, reply);
    return sendPage(reply, <MeetingPage ctx={ctx(request)} meeting={meeting} />);
  });

  const feedbackPage = async (request: FastifyRequest, reply: FastifyReply, form: FeedbackForm, errors: Record<string, string> = {}, message: string | null = null, status = 200) =>
    sendPage(
      reply,
      <FeedbackFormPage ctx={ctx(request)} form={form} categories={services.feedback.categories()} departments={await departments()} errors={errors} message={message} replyDays={services.config.feedbackReplyDays} csrf={request.session?.csrfToken} />,
      status,
    );

  app.get('/feedback', async (request, reply) =>
    feedbackPage(request, reply, { category: '', orgId: queryText(request.query, 'org', 64), description: '', name: '', company: '', phone: '', email: '' }),
  );

  app.post('/feedback', { config: formLimit }, async (request, reply) => {
    const b = request.body;
    const form: FeedbackForm = {
      category: field(b, 'category', 50), orgId: field(b, 'orgId', 64), description: field(b, 'description', 20_000), name: field(b, 'name', 200),
      company: field(b, 'company', 400), phone: field(b, 'phone', 40), email: field(b, 'email', 254),
    };
    try {
      const receipt = await services.feedback.submit(form, { ip: request.ip, requestId: request.id });
      return sendPage(reply, <FeedbackReceiptPage ctx={ctx(request)} receipt={receipt} />, 201);
    } catch (err) {
      const shown = formErrors(err);
      if (!shown) throw err;
      return feedbackPage(request, reply, form, shown.errors, shown.message, (err as AppError).status);
    }
  });

  app.get('/feedback/stats', async (request, reply) => {
    const month = queryText(request.query, 'month', 7);
    return sendPage(reply, <FeedbackStatsPage ctx={ctx(request)} stats={await services.feedback.statistics(month || undefined)} />);
  });
}
