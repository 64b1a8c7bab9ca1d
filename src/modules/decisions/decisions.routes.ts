import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id, IdParams, Nullable, PageQuery } from '../../shared/schemas/common.ts';
import type { DecisionService } from './decisions.service.ts';
import { procedureKinds, procedureStates } from './procedures.ts';

const tags = ['重大行政决策 Decisions'];
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Fields = {
  year: Year,
  title: Type.String({ maxLength: 200 }),
  summary: Type.String({ maxLength: 5000 }),
  department: Type.String({ maxLength: 200 }),
  consultationId: Type.Optional(Nullable(Id)),
};

/** 重大行政决策事项目录: the public catalog per government and year; staff editing of items and their five procedures. */
export const decisionRoutes: FastifyPluginAsyncTypebox<{ decisions: DecisionService }> = async (app, { decisions }) => {
  app.get('/decisions/catalog', { schema: { tags, summary: '已公布的年度重大行政决策事项目录（某级政府、某年度）', querystring: Type.Object({ organisationId: Id, year: Year }, { additionalProperties: false }), security: [] } }, (req) =>
    decisions.catalog(req.query.organisationId, req.query.year),
  );
  app.get('/decisions/catalogs', { schema: { tags, summary: '有已公布目录的政府和年度', security: [] } }, () => decisions.catalogIndex());

  app.get('/decisions', { preHandler: requireUser, schema: { tags, summary: '决策事项（工作人员）', querystring: Type.Object({ organisationId: Type.Optional(Id), year: Type.Optional(Year), ...PageQuery }, { additionalProperties: false }) } }, (req) =>
    decisions.list(req.actor, req.query),
  );
  app.post('/decisions', { preHandler: requireUser, schema: { tags, summary: '新增决策事项', body: Type.Object({ organisationId: Id, ...Fields }, { additionalProperties: false }) } }, async (req, reply) =>
    reply.status(201).send(await decisions.create(req.actor, req.body)),
  );
  app.get('/decisions/:id', { preHandler: requireUser, schema: { tags, summary: '决策事项详情', params: IdParams } }, (req) => decisions.get(req.actor, req.params.id));
  app.put('/decisions/:id', { preHandler: requireUser, schema: { tags, summary: '修改决策事项', params: IdParams, body: Type.Object(Fields, { additionalProperties: false }) } }, (req) =>
    decisions.update(req.actor, req.params.id, req.body),
  );
  app.delete('/decisions/:id', { preHandler: requireUser, schema: { tags, summary: '删除未公布的事项', params: IdParams } }, async (req, reply) => {
    await decisions.remove(req.actor, req.params.id);
    return reply.status(204).send();
  });
  app.put(
    '/decisions/:id/procedures/:kind',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: '记录法定程序（公众参与、专家论证、风险评估、合法性审查、集体讨论决定）',
        params: Type.Object({ id: Id, kind: lit(procedureKinds) }, { additionalProperties: false }),
        body: Type.Object({ status: lit(procedureStates), doneOn: Type.Optional(Nullable(DateText)), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), documentId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
      },
    },
    (req) => decisions.setProcedure(req.actor, req.params.id, req.params.kind, req.body),
  );
  app.post(
    '/decisions/:id/decide',
    { preHandler: requireUser, schema: { tags, summary: '标记已作出决策（法定程序须完整）', params: IdParams, body: Type.Object({ decidedOn: DateText, decisionDocumentId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }) } },
    (req) => decisions.decide(req.actor, req.params.id, req.body),
  );
  app.post(
    '/decisions/:id/published',
    { preHandler: requireUser, schema: { tags, summary: '列入或移出公开的目录', params: IdParams, body: Type.Object({ published: Type.Boolean() }, { additionalProperties: false }) } },
    (req) => decisions.setPublished(req.actor, req.params.id, req.body.published),
  );
};
