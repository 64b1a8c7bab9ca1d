// Policy Q&A over HTTP. Public (no sign-in): the published knowledge base and asking a question (rate-limited).
// Staff (/qa/manage…): lists, entries, moderation, answers and publication, checked on the item's organisation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { publicFormRateLimit } from '../../platform/http/rate-limit-store.ts';
import { Id, IdParams, Nullable, PageQuery } from '../../shared/schemas/common.ts';
import { qaEvents, qaStates } from './domain/qa-lifecycle.ts';
import type { QaService } from './qa.service.ts';

const tags = ['政策问答 Q&A'];
// Generous schema caps (the service answers the real limits with clear Chinese messages).
const Text = (max: number) => Type.String({ maxLength: max * 5 });
const Audience = Type.Union([Type.Literal('all'), Type.Literal('citizen'), Type.Literal('enterprise')]);
const DocRef = Type.Object({ id: Type.String(), title: Type.String(), slug: Type.String() });
const PublicQa = Type.Object({
  id: Type.String(), title: Type.String(), question: Type.String(), answer: Type.String(), topic: Nullable(Type.String()), audience: Type.String(), audienceName: Type.String(),
  orgId: Type.String(), orgName: Type.String(), publishedAt: Type.String(), answeredOn: Nullable(Type.String()), documents: Type.Array(DocRef), url: Type.String(),
});
const Entry = {
  title: Type.Optional(Text(100)),
  question: Type.Optional(Text(2000)),
  answer: Type.Optional(Text(10_000)),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
  audience: Type.Optional(Audience),
  documentIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
};

export const qaRoutes: FastifyPluginAsyncTypebox<{ qa: QaService; formRateLimit: number }> = async (app, { qa, formRateLimit }) => {
  // ---------------------------------------------------------------- public
  app.get(
    '/qa',
    {
      schema: {
        tags, security: [], summary: '已发布的政策问答（可按关键词、主题、对象、部门、关联政策筛选）',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), topic: Type.Optional(Type.String({ maxLength: 40 })), audience: Type.Optional(Audience), org: Type.Optional(Id), document: Type.Optional(Id), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PublicQa), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
      },
    },
    (req) => qa.publicList({ q: req.query.q, topic: req.query.topic, audience: req.query.audience, orgId: req.query.org, documentId: req.query.document, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/qa/:id', { schema: { tags, security: [], summary: '一条已发布的政策问答', params: IdParams, response: { 200: PublicQa } } }, (req) => qa.publicGet(req.params.id));

  app.post(
    '/qa/questions',
    {
      config: publicFormRateLimit({ formRateLimit }),
      schema: {
        tags, security: [], summary: '公众提问（审核后转政策制发部门答复；联系方式选填且不公开）',
        body: Type.Object({
          title: Type.Optional(Text(100)), question: Text(2000), documentId: Type.Optional(Id), orgId: Type.Optional(Id), topic: Type.Optional(Type.String({ maxLength: 200 })), audience: Type.Optional(Audience),
          name: Type.Optional(Type.String({ maxLength: 200 })), phone: Type.Optional(Type.String({ maxLength: 40 })), email: Type.Optional(Type.String({ maxLength: 254 })),
        }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), orgName: Type.String(), receivedOn: Type.String(), dueOn: Type.String() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await qa.ask(req.body, { ip: req.ip, requestId: req.id })),
  );

  // ---------------------------------------------------------------- staff
  app.get(
    '/qa/manage',
    {
      preHandler: requireUser,
      schema: {
        tags, summary: '问答管理列表（本机构及下级；可按状态、来源、部门、关键词筛选）',
        querystring: Type.Object({ state: Type.Optional(Type.Union(qaStates.map((s) => Type.Literal(s)))), origin: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('staff')])), org: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, { additionalProperties: false }),
      },
    },
    (req) => qa.list(req.actor, { state: req.query.state, origin: req.query.origin, orgId: req.query.org, q: req.query.q, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/qa/manage/:id', { preHandler: requireUser, schema: { tags, summary: '问答详情（含提问人联系方式，仅承办与审核人员可见）', params: IdParams } }, (req) => qa.get(req.actor, req.params.id));
  app.post(
    '/qa/manage',
    { preHandler: requireUser, schema: { tags, summary: '新建知识库问答（草稿，发布前须审核）', body: Type.Object({ orgId: Id, ...Entry }, { additionalProperties: false }) } },
    async (req, reply) => reply.status(201).send(await qa.create(req.actor, { ...req.body, title: req.body.title ?? '', question: req.body.question ?? '' } as never)),
  );
  app.patch('/qa/manage/:id', { preHandler: requireUser, schema: { tags, summary: '修改问答（未公开时）', params: IdParams, body: Type.Object(Entry, { additionalProperties: false }) } }, (req) =>
    qa.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/qa/manage/:id/actions',
    {
      preHandler: requireUser,
      schema: {
        tags, summary: '审核转办、不予受理、改派、答复（可选择公开）、提交审核、发布、退回、撤下',
        params: IdParams,
        body: Type.Object({ type: Type.Union(qaEvents.map((e) => Type.Literal(e))), answer: Type.Optional(Text(10_000)), publish: Type.Optional(Type.Boolean()), reason: Type.Optional(Type.String({ maxLength: 2000 })), toOrgId: Type.Optional(Id) }, { additionalProperties: false }),
      },
    },
    (req) => qa.act(req.actor, req.params.id, req.body),
  );
};
