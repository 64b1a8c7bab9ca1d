import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id, IdParams, PageQuery } from '../../shared/schemas/common.ts';
import type { ReviewService } from './review.service.ts';
import type { Dictionaries } from './dictionaries.ts';
import type { RescanService } from './rescan.ts';

const tags = ['发布前审查 Review'];
const Kind = Type.Union([Type.Literal('sensitive'), Type.Literal('wrong')]);
const Severity = Type.Union([Type.Literal('block'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
const FindingParams = Type.Object({ id: Id, findingId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-f]+$' }) }, { additionalProperties: false });
const Entry = Type.Object(
  {
    word: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Kind,
    correct: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    severity: Type.Optional(Severity),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const reviewRoutes: FastifyPluginAsyncTypebox<{ review: ReviewService; dictionaries: Dictionaries; rescan: RescanService }> = async (app, { review, dictionaries, rescan }) => {
  app.addHook('preHandler', requireUser);

  // ---- a document's review
  app.get('/review/documents/:id', { schema: { tags, summary: '文件的审查结果：问题（含位置）、审查步骤、三同步', params: IdParams, querystring: Type.Object({ edition: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('published')])) }) } }, (req) =>
    review.review(req.actor, req.params.id, req.query.edition),
  );
  app.post('/review/documents/:id/findings/:findingId/override', { schema: { tags, summary: '记录豁免（须填理由，审核人）', params: FindingParams, body: Reason } }, (req) =>
    review.override(req.actor, req.params.id, req.params.findingId, req.body.reason),
  );
  app.post('/review/documents/:id/findings/:findingId/mask', { schema: { tags, summary: '一键脱敏（正文/标题）；附件问题返回重新上传提示', params: FindingParams } }, (req) =>
    review.mask(req.actor, req.params.id, req.params.findingId),
  );
  app.post('/review/documents/:id/steps/:step/sign', { schema: { tags, summary: '签批审查步骤（最后一步由“审核通过”签批）', params: Type.Object({ id: Id, step: Type.Integer({ minimum: 0, maximum: 10 }) }), body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }) } }, (req) =>
    review.sign(req.actor, req.params.id, req.params.step, req.body.note),
  );
  app.put('/review/documents/:id/interpretation-plan', { schema: { tags, summary: '登记解读方案（三同步）', params: IdParams, body: Type.Object({ plan: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }) } }, (req) =>
    review.recordPlan(req.actor, req.params.id, req.body.plan),
  );

  // ---- oversight
  app.get('/review/overrides', { schema: { tags, summary: '豁免记录（政务公开办监督）', querystring: Type.Object(PageQuery) } }, (req) => review.overrides(req.actor, req.query));
  app.get('/review/queue', { schema: { tags, summary: '发布后复查队列', querystring: Type.Object({ ...PageQuery, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('withdrawn'), Type.Literal('republished'), Type.Literal('dismissed')])) }) } }, (req) =>
    rescan.list(req.actor, req.query),
  );
  app.post('/review/queue/:id/withdraw', { schema: { tags, summary: '撤回该文件（须填理由）', params: IdParams, body: Reason } }, async (req, reply) => {
    await rescan.withdraw(req.actor, req.params.id, req.body.reason);
    return reply.status(204).send();
  });
  app.post('/review/queue/:id/republish', { schema: { tags, summary: '脱敏并重新发布（小版本，紧急更正，须补充审核）', params: IdParams, body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }) } }, async (req, reply) => {
    await rescan.maskAndRepublish(req.actor, req.params.id, req.body.note);
    return reply.status(204).send();
  });
  app.post('/review/queue/:id/dismiss', { schema: { tags, summary: '忽略（须填理由）', params: IdParams, body: Reason } }, async (req, reply) => {
    await rescan.dismiss(req.actor, req.params.id, req.body.reason);
    return reply.status(204).send();
  });

  // ---- settings: steps per organisation, dictionaries, 三同步 rules
  app.get('/review/steps/:id', { schema: { tags, summary: '机构的审查步骤（未设置时继承上级，默认一步“审核”）', params: IdParams } }, (req) => review.steps(req.actor, req.params.id));
  app.put('/review/steps/:id', { schema: { tags, summary: '设置机构的审查步骤（null 为继承上级）', params: IdParams, body: Type.Object({ steps: Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 6 }), Type.Null()]) }, { additionalProperties: false }) } }, (req) =>
    review.setSteps(req.actor, req.params.id, req.body.steps),
  );
  app.get('/review/dictionary', { schema: { tags, summary: '词库（敏感词、错误表述）', querystring: Type.Object({ ...PageQuery, pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), kind: Type.Optional(Kind), q: Type.Optional(Type.String({ maxLength: 100 })) }) } }, (req) =>
    dictionaries.list(req.actor, req.query),
  );
  app.post('/review/dictionary', { schema: { tags, summary: '新增词条', body: Entry } }, async (req, reply) => {
    reply.status(201);
    return dictionaries.create(req.actor, req.body);
  });
  app.patch('/review/dictionary/:id', { schema: { tags, summary: '修改词条', params: IdParams, body: Type.Partial(Entry) } }, (req) => dictionaries.update(req.actor, req.params.id, req.body));
  app.delete('/review/dictionary/:id', { schema: { tags, summary: '删除词条', params: IdParams } }, async (req, reply) => {
    await dictionaries.remove(req.actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/review/dictionary/import', { bodyLimit: 16 * 1_048_576, schema: { tags, summary: '批量导入（CSV：词语,正确表述,严重程度,备注；TXT：每行一词）', body: Type.Object({ kind: Kind, content: Type.String({ minLength: 1, maxLength: 15 * 1_048_576 }) }, { additionalProperties: false }) } }, (req) =>
    dictionaries.import(req.actor, req.body.kind, req.body.content),
  );
  app.get('/review/interpretation-rules', { schema: { tags, summary: '三同步：须同步解读的文件类型' } }, async (req) => ({ items: await review.interpretationRules(req.actor) }));
  app.post('/review/interpretation-rules', { schema: { tags, summary: '新增三同步规则（体裁或规范性文件类别）', body: Type.Object({ match: Type.Union([Type.Literal('genre'), Type.Literal('normative_kind')]), value: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }) } }, async (req, reply) => {
    reply.status(201);
    return review.addInterpretationRule(req.actor, req.body.match, req.body.value);
  });
  app.delete('/review/interpretation-rules/:id', { schema: { tags, summary: '删除三同步规则', params: IdParams } }, async (req, reply) => {
    await review.removeInterpretationRule(req.actor, req.params.id);
    return reply.status(204).send();
  });
};
