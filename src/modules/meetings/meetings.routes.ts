// Executive meetings over HTTP. Public: published meetings (per year, per organisation) without confidential items.
// Staff (/meetings/manage…): the openness office's editor, checked on the meeting's organisation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id, IdParams, PageQuery } from '../../shared/schemas/common.ts';
import { meetingStates } from './domain/meeting.ts';
import type { MeetingService } from './meetings.service.ts';

const tags = ['重大会议 Meetings'];
const Count = Type.Integer({ minimum: 0, maximum: 10_000 });
const ParticipationBody = Type.Object({ grassroots: Type.Optional(Count), enterprise: Type.Optional(Count), media: Type.Optional(Count), expert: Type.Optional(Count) }, { additionalProperties: false });
const Participation = Type.Object({ grassroots: Type.Integer(), enterprise: Type.Integer(), media: Type.Integer(), expert: Type.Integer() });
const Body = {
  kind: Type.Optional(Type.Union([Type.Literal('executive'), Type.Literal('plenary')])),
  sessionNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  title: Type.Optional(Type.String({ maxLength: 500 })),
  heldOn: Type.Optional(Type.String({ maxLength: 10 })),
  pressRelease: Type.Optional(Type.String({ maxLength: 100_000 })),
  items: Type.Optional(Type.Array(Type.Object({ text: Type.String({ maxLength: 5000 }), confidential: Type.Boolean() }, { additionalProperties: false }), { maxItems: 200 })),
  participation: Type.Optional(ParticipationBody),
  documentIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
};
const PublicMeeting = Type.Object({
  id: Type.String(), orgId: Type.String(), orgName: Type.String(), kind: Type.String(), kindName: Type.String(), sessionNo: Type.Integer(), title: Type.String(), heldOn: Type.String(),
  pressRelease: Type.String(), decidedItems: Type.Array(Type.String()), participation: Participation, participantsTotal: Type.Integer(),
  documents: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), slug: Type.String() })), publishedAt: Type.String(),
});

export const meetingRoutes: FastifyPluginAsyncTypebox<{ meetings: MeetingService }> = async (app, { meetings }) => {
  app.get(
    '/meetings',
    {
      schema: {
        tags, security: [], summary: '已发布的政府常务会议、全体会议（按年度、机构；不含涉密议定事项）',
        querystring: Type.Object({ org: Type.Optional(Id), year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PublicMeeting), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), years: Type.Array(Type.Integer()) }) },
      },
    },
    (req) => meetings.publicList({ orgId: req.query.org, year: req.query.year, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/meetings/:id', { schema: { tags, security: [], summary: '一次已发布的会议：通稿、议定事项、开放情况、相关解读', params: IdParams, response: { 200: PublicMeeting } } }, (req) => meetings.publicGet(req.params.id));

  app.get(
    '/meetings/manage',
    {
      preHandler: requireUser,
      schema: { tags, summary: '会议管理列表', querystring: Type.Object({ org: Type.Optional(Id), year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })), state: Type.Optional(Type.Union(meetingStates.map((s) => Type.Literal(s)))), ...PageQuery }, { additionalProperties: false }) },
    },
    (req) => meetings.list(req.actor, { orgId: req.query.org, year: req.query.year, state: req.query.state, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/meetings/manage/:id', { preHandler: requireUser, schema: { tags, summary: '会议详情（含涉密议定事项）', params: IdParams } }, (req) => meetings.get(req.actor, req.params.id));
  app.post('/meetings/manage', { preHandler: requireUser, schema: { tags, summary: '新建会议（草稿）', body: Type.Object({ orgId: Id, ...Body }, { additionalProperties: false }) } }, async (req, reply) =>
    reply.status(201).send(await meetings.create(req.actor, req.body)),
  );
  app.patch('/meetings/manage/:id', { preHandler: requireUser, schema: { tags, summary: '修改会议（草稿或已撤下）', params: IdParams, body: Type.Object(Body, { additionalProperties: false }) } }, (req) =>
    meetings.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/meetings/manage/:id/actions',
    { preHandler: requireUser, schema: { tags, summary: '发布或撤下', params: IdParams, body: Type.Object({ type: Type.Union([Type.Literal('publish'), Type.Literal('withdraw')]) }, { additionalProperties: false }) } },
    (req) => meetings.act(req.actor, req.params.id, req.body.type),
  );
};
