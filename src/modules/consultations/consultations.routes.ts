import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { publicFormRateLimit } from '../../platform/http/rate-limit-store.ts';
import { Id, IdParams, Nullable, PageQuery } from '../../shared/schemas/common.ts';
import type { ConsultationService } from './consultations.service.ts';
import type { CommentService } from './comments.service.ts';
import { consultationKinds } from './domain/periods.ts';
import { commentChannels, decisions } from './consultations.dto.ts';

const tags = ['意见征集 Consultations'];
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Anchor = Type.String({ maxLength: 10, pattern: '^(\\d{1,4}(\\.\\d{1,3})?)?$' });
const Channel = Type.Object({ kind: Type.String({ maxLength: 20 }), detail: Type.String({ maxLength: 300 }) }, { additionalProperties: false });
const Fields = {
  kind: lit(consultationKinds),
  title: Type.String({ maxLength: 200 }),
  draftText: Type.String({ maxLength: 200_000 }),
  explanation: Type.String({ maxLength: 50_000 }),
  opensOn: DateText,
  closesOn: DateText,
  shortenedReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  channels: Type.Array(Channel, { maxItems: 10 }),
  contact: Type.String({ maxLength: 500 }),
};
const CreateBody = Type.Object({ organisationId: Id, ...Fields }, { additionalProperties: false });
const UpdateBody = Type.Object(Fields, { additionalProperties: false });
const PublicPhase = lit(['upcoming', 'open', 'closed', 'concluded']);
const PublicList = Type.Object({ phase: Type.Optional(PublicPhase), organisationId: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery }, { additionalProperties: false });
const StaffList = Type.Object(
  { phase: Type.Optional(lit(['draft', 'upcoming', 'open', 'closed', 'concluded', 'withdrawn'])), organisationId: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery },
  { additionalProperties: false },
);
const CommentText = Type.String({ maxLength: 5000 });
const PublicCommentBody = Type.Object(
  {
    anchor: Type.Optional(Nullable(Anchor)),
    text: CommentText,
    name: Type.Optional(Type.String({ maxLength: 50 })),
    channel: Type.Optional(lit(['sms', 'email'])),
    address: Type.Optional(Type.String({ maxLength: 254 })),
    code: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
const StaffCommentBody = Type.Object(
  {
    anchor: Type.Optional(Nullable(Anchor)),
    text: CommentText,
    channel: lit(commentChannels.filter((c) => c !== 'online')),
    receivedOn: DateText,
    name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  },
  { additionalProperties: false },
);

/**
 * 意见征集 over HTTP. Public: list, view, approved comments, verification code, comment intake (rate-limited).
 * Staff (signed in; consultation.* on the consultation's organisation): everything else.
 */
export const consultationRoutes: FastifyPluginAsyncTypebox<{ consultations: ConsultationService; comments: CommentService; formRateLimit: number }> = async (
  app,
  { consultations, comments, formRateLimit },
) => {
  const formLimit = publicFormRateLimit({ formRateLimit });
  const meta = (req: { ip: string; id: string }) => ({ ip: req.ip, requestId: req.id });

  // ---------------------------------------------------------------- public
  app.get('/consultations', { schema: { tags, summary: '已发布的意见征集（征集中、即将开始、已截止、已公布采纳情况）', querystring: PublicList, security: [] } }, (req) =>
    consultations.listPublic(req.query),
  );
  app.get('/consultations/:id', { schema: { tags, summary: '意见征集：草案（按条）、起草说明、渠道、各条意见数；公布后含采纳情况报告', params: IdParams, security: [] } }, (req) =>
    consultations.getPublic(req.params.id),
  );
  app.get(
    '/consultations/:id/comments',
    {
      schema: {
        tags,
        summary: '已审核通过的公众意见（anchor=3 为第三条，anchor=general 为总体意见）；采纳情况公布后含答复',
        params: IdParams,
        querystring: Type.Object({ anchor: Type.Optional(Type.String({ maxLength: 10, pattern: '^(\\d{1,4}(\\.\\d{1,3})?|general)$' })), ...PageQuery }, { additionalProperties: false }),
        security: [],
      },
    },
    (req) => comments.listPublic(req.params.id, req.query),
  );
  app.post(
    '/consultations/:id/verification',
    {
      config: formLimit,
      schema: { tags, summary: '获取提交意见所需的验证码（短信或电子邮件）', params: IdParams, body: Type.Object({ channel: lit(['sms', 'email'] as const), address: Type.String({ maxLength: 254 }) }, { additionalProperties: false }), security: [] },
    },
    (req) => comments.issueCode(req.params.id, req.body.channel, req.body.address),
  );
  app.post(
    '/consultations/:id/comments',
    { config: formLimit, schema: { tags, summary: '提交意见（针对全文或某一条款）；审核通过后才公开，联系方式不公开', params: IdParams, body: PublicCommentBody, security: [] } },
    async (req, reply) => reply.status(201).send(await comments.submit(req.params.id, req.body, meta(req))),
  );

  // ---------------------------------------------------------------- staff
  app.get('/consultations/manage', { preHandler: requireUser, schema: { tags, summary: '本机构及下级机构的意见征集（含草稿）', querystring: StaffList } }, (req) =>
    consultations.list(req.actor, req.query),
  );
  app.get('/consultations/moderation-queue', { preHandler: requireUser, schema: { tags, summary: '待审核意见（可审核的全部征集，先到先审；不含联系方式）', querystring: Type.Object(PageQuery, { additionalProperties: false }) } }, (req) =>
    comments.moderationQueue(req.actor, req.query),
  );
  app.post('/consultations', { preHandler: requireUser, schema: { tags, summary: '新建意见征集草稿', body: CreateBody } }, async (req, reply) =>
    reply.status(201).send(await consultations.create(req.actor, req.body)),
  );
  app.get('/consultations/:id/full', { preHandler: requireUser, schema: { tags, summary: '意见征集全部信息（工作人员）', params: IdParams } }, (req) =>
    consultations.get(req.actor, req.params.id),
  );
  app.put('/consultations/:id', { preHandler: requireUser, schema: { tags, summary: '修改草稿或尚未开始的征集', params: IdParams, body: UpdateBody } }, (req) =>
    consultations.update(req.actor, req.params.id, req.body),
  );
  app.delete('/consultations/:id', { preHandler: requireUser, schema: { tags, summary: '删除未发布的草稿', params: IdParams } }, async (req, reply) => {
    await consultations.remove(req.actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/consultations/:id/publish', { preHandler: requireUser, schema: { tags, summary: '发布（按开始日期开放征集）', params: IdParams } }, (req) =>
    consultations.publish(req.actor, req.params.id),
  );
  app.post(
    '/consultations/:id/extend',
    { preHandler: requireUser, schema: { tags, summary: '延长征集期', params: IdParams, body: Type.Object({ closesOn: DateText, reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }) } },
    (req) => consultations.extend(req.actor, req.params.id, req.body.closesOn, req.body.reason ?? null),
  );
  app.post(
    '/consultations/:id/withdraw',
    { preHandler: requireUser, schema: { tags, summary: '撤回征集（须说明理由）', params: IdParams, body: Type.Object({ reason: Type.String({ maxLength: 500 }) }, { additionalProperties: false }) } },
    (req) => consultations.withdraw(req.actor, req.params.id, req.body.reason),
  );
  app.get(
    '/consultations/:id/all-comments',
    { preHandler: requireUser, schema: { tags, summary: '全部意见（含待审核、未通过；联系方式仅对征集管理人员显示）', params: IdParams, querystring: Type.Object({ status: Type.Optional(lit(['pending', 'approved', 'rejected'])), page: PageQuery.page, pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }) } },
    (req) => comments.list(req.actor, req.params.id, req.query),
  );
  app.post(
    '/consultations/:id/staff-comments',
    { preHandler: requireUser, schema: { tags, summary: '录入通过信函、电子邮件、传真或座谈会收到的意见', params: IdParams, body: StaffCommentBody } },
    async (req, reply) => reply.status(201).send(await comments.enter(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/consultations/comments/:id/moderation',
    { preHandler: requireUser, schema: { tags, summary: '审核意见：通过后公开；不予公开须说明理由', params: IdParams, body: Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }) } },
    (req) => comments.moderate(req.actor, req.params.id, req.body),
  );
  app.post(
    '/consultations/comments/:id/decision',
    { preHandler: requireUser, schema: { tags, summary: '对意见作出采纳决定（截止后；公布采纳情况前仅内部可见）', params: IdParams, body: Type.Object({ decision: lit(decisions), reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }) } },
    (req) => comments.decide(req.actor, req.params.id, req.body),
  );
  app.post(
    '/consultations/:id/result',
    { preHandler: requireUser, schema: { tags, summary: '一并公布全部答复和采纳情况报告（可关联已发布的最终文件）', params: IdParams, body: Type.Object({ summary: Type.String({ maxLength: 20_000 }), finalDocumentId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }) } },
    (req) => consultations.publishResult(req.actor, req.params.id, req.body),
  );
  app.put(
    '/consultations/:id/final-document',
    { preHandler: requireUser, schema: { tags, summary: '关联（或更换）最终发布的文件', params: IdParams, body: Type.Object({ documentId: Nullable(Id) }, { additionalProperties: false }) } },
    (req) => consultations.linkFinal(req.actor, req.params.id, req.body.documentId),
  );
};
