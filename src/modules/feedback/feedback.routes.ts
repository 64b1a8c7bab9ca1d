// Business-environment feedback over HTTP. Public: the categories, the form (rate-limited) and the monthly
// statistics (counts only). Staff (/feedback/manage…): lists, replies and rerouting on the case's department.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { publicFormRateLimit } from '../../platform/http/rate-limit-store.ts';
import { Id, IdParams, PageQuery } from '../../shared/schemas/common.ts';
import type { FeedbackService } from './feedback.service.ts';

const tags = ['营商环境线索 Feedback'];
const StatRow = Type.Object({ orgId: Type.String(), orgName: Type.String(), category: Type.String(), received: Type.Integer(), replied: Type.Integer(), onTime: Type.Integer() });

export const feedbackRoutes: FastifyPluginAsyncTypebox<{ feedback: FeedbackService; formRateLimit: number }> = async (app, { feedback, formRateLimit }) => {
  app.get('/feedback/categories', { schema: { tags, security: [], summary: '问题类别（可配置）', response: { 200: Type.Object({ categories: Type.Array(Type.String()) }) } } }, async () => ({ categories: feedback.categories() }));
  app.post(
    '/feedback',
    {
      config: publicFormRateLimit({ formRateLimit }),
      schema: {
        tags, security: [], summary: '企业反映营商环境问题（联系方式选填且不公开）',
        body: Type.Object({
          category: Type.String({ maxLength: 50 }), orgId: Type.String({ maxLength: 64 }), description: Type.String({ maxLength: 10_000 }),
          name: Type.Optional(Type.String({ maxLength: 200 })), company: Type.Optional(Type.String({ maxLength: 400 })), phone: Type.Optional(Type.String({ maxLength: 40 })), email: Type.Optional(Type.String({ maxLength: 254 })),
        }, { additionalProperties: false }),
        response: { 201: Type.Object({ trackingNo: Type.String(), orgName: Type.String(), receivedOn: Type.String(), dueOn: Type.String() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await feedback.submit(req.body, { ip: req.ip, requestId: req.id })),
  );
  app.get(
    '/feedback/stats',
    {
      schema: {
        tags, security: [], summary: '按月、部门和类别统计的线索数量与按期答复情况（不含任何个人或企业信息）',
        querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ month: Type.String(), months: Type.Array(Type.String()), rows: Type.Array(StatRow), totals: Type.Object({ received: Type.Integer(), replied: Type.Integer(), onTime: Type.Integer() }) }) },
      },
    },
    (req) => feedback.statistics(req.query.month),
  );

  app.get(
    '/feedback/manage',
    {
      preHandler: requireUser,
      schema: {
        tags, summary: '线索办理列表（本部门及下级）',
        querystring: Type.Object({ org: Type.Optional(Id), state: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('replied')])), category: Type.Optional(Type.String({ maxLength: 50 })), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, { additionalProperties: false }),
      },
    },
    (req) => feedback.list(req.actor, { orgId: req.query.org, state: req.query.state, category: req.query.category, q: req.query.q, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/feedback/manage/:id', { preHandler: requireUser, schema: { tags, summary: '线索详情', params: IdParams } }, (req) => feedback.get(req.actor, req.params.id));
  app.post('/feedback/manage/:id/reply', { preHandler: requireUser, schema: { tags, summary: '答复（通知留有联系方式的企业）', params: IdParams, body: Type.Object({ reply: Type.String({ maxLength: 25_000 }) }, { additionalProperties: false }) } }, (req) =>
    feedback.reply(req.actor, req.params.id, req.body.reply),
  );
  app.post('/feedback/manage/:id/reroute', { preHandler: requireUser, schema: { tags, summary: '转交其他部门', params: IdParams, body: Type.Object({ toOrgId: Id }, { additionalProperties: false }) } }, (req) =>
    feedback.reroute(req.actor, req.params.id, req.body.toOrgId),
  );
};
