import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id, IdParams, Nullable, Paged, PageQuery } from '../../shared/schemas/common.ts';
import { RegistrationNoBody } from './documents.schemas.ts';
import type { DocumentRelations } from './document-relations.ts';
import type { NormativeLibrary } from './normative-library.ts';
import type { RegistrationNumbers } from './registration-numbers.ts';
import type { ThemeService } from './themes.service.ts';
import type { TodoService } from './todo.service.ts';

const tags = ['规范性文件 Normative documents'];

const LibraryQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(['', 'all', 'not_yet_in_force', 'in_force', 'amended', 'suspended', 'expired', 'repealed'].map((s) => Type.Literal(s)))),
    organisationId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
    topic: Type.Optional(Type.String({ pattern: '^\\d{2,4}$' })),
    themeId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
const LibraryItem = Type.Object({
  id: Type.String(), slug: Type.String(), title: Type.String(), docNo: Nullable(Type.String()), registrationNo: Nullable(Type.String()),
  organisationId: Type.String(), organisationName: Type.String(), topic: Nullable(Type.String()), writtenOn: Nullable(Type.String()),
  effectiveFrom: Nullable(Type.String()), expiresOn: Nullable(Type.String()), publishedAt: Nullable(Type.String()),
  status: Nullable(Type.String()), statusName: Nullable(Type.String()),
});
const ThemeFields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  topicCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2,4}$' }), { maxItems: 30 })),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
const CreateTheme = Type.Object({ organisationId: Id, ...ThemeFields }, { additionalProperties: false });
const UpdateTheme = Type.Object(Type.Partial(Type.Object(ThemeFields)).properties, { additionalProperties: false, minProperties: 1 });
const Theme = Type.Object({
  id: Type.String(), organisationId: Type.String(), organisationName: Type.String(), name: Type.String(), description: Nullable(Type.String()),
  topicCodes: Type.Array(Type.String()), sortOrder: Type.Integer(), documents: Type.Integer(),
});
const ThemeDetail = Type.Composite([Theme, Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), docNo: Nullable(Type.String()), publicState: Type.String() })) })]);
const TodoList = Type.Object({
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      kind: Type.String(), id: Type.String(), title: Type.String(), detail: Type.String(), organisationId: Nullable(Type.String()), organisationName: Nullable(Type.String()),
      dueOn: Nullable(Type.String()), daysLeft: Nullable(Type.Integer()), urgent: Type.Boolean(), href: Type.String(),
    }),
  ),
  groups: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), count: Type.Integer(), urgent: Type.Integer() })),
});

type Deps = { library: NormativeLibrary; themes: ThemeService; todo: TodoService; registration: RegistrationNumbers; relations: DocumentRelations };

/** The normative library and its 专题, 统一登记编号, effect removal, and the 工作待办 list. */
export const normativeRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, { library, themes, todo, registration, relations }) => {
  const PUBLIC = new Set(['/normative/documents', '/normative/themes', '/normative/themes/:id']);
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' && PUBLIC.has((req.routeOptions.url ?? '').replace(/^\/api\/v1/, ''))) return;
    await requireUser(req, reply);
  });

  app.get('/normative/documents', { schema: { tags, summary: '规范性文件库（默认只列现行有效；按效力、机构、年份、主题分类、专题筛选）', querystring: LibraryQuery, response: { 200: Paged(LibraryItem) } } }, (req) =>
    library.list(req.query),
  );
  app.get('/normative/themes', { schema: { tags, summary: '专题列表', response: { 200: Type.Object({ items: Type.Array(Theme) }) } } }, async () => ({ items: await themes.list() }));
  app.get('/normative/themes/:id', { schema: { tags, summary: '专题详情（含手工加入的文件）', params: IdParams, response: { 200: ThemeDetail } } }, (req) =>
    themes.get(req.actor.kind === 'anonymous' ? null : req.actor, req.params.id),
  );
  app.post('/normative/themes', { schema: { tags, summary: '新建专题', body: CreateTheme, response: { 201: ThemeDetail } } }, async (req, reply) => {
    reply.status(201);
    return themes.create(req.actor, req.body);
  });
  app.patch('/normative/themes/:id', { schema: { tags, summary: '修改专题', params: IdParams, body: UpdateTheme, response: { 200: ThemeDetail } } }, (req) =>
    themes.update(req.actor, req.params.id, req.body),
  );
  app.delete('/normative/themes/:id', { schema: { tags, summary: '删除专题（文件本身不受影响）', params: IdParams } }, async (req, reply) => {
    await themes.remove(req.actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/normative/themes/:id/documents', { schema: { tags, summary: '把文件加入专题', params: IdParams, body: Type.Object({ documentId: Id }, { additionalProperties: false }) } }, async (req, reply) => {
    await themes.addDocument(req.actor, req.params.id, req.body.documentId);
    return reply.status(204).send();
  });
  app.delete('/normative/themes/:id/documents/:documentId', { schema: { tags, summary: '从专题移出文件', params: Type.Object({ id: Id, documentId: Id }, { additionalProperties: false }) } }, async (req, reply) => {
    await themes.removeDocument(req.actor, req.params.id, req.params.documentId);
    return reply.status(204).send();
  });

  app.put('/documents/:id/registration-no', { schema: { tags, summary: '手工填写或清除统一登记编号（按登记编号规则校验）', params: IdParams, body: RegistrationNoBody, response: { 200: RegistrationNoBody } } }, async (req) => ({
    registrationNo: await registration.setManual(req.actor, req.params.id, req.body.registrationNo),
  }));
  app.delete('/documents/:id/effects/:effectId', { schema: { tags, summary: '删除本文件记录的效力（受影响文件的效力状态随之更新）', params: Type.Object({ id: Id, effectId: Id }, { additionalProperties: false }) } }, async (req, reply) => {
    await relations.removeEffect(req.actor, req.params.id, req.params.effectId);
    return reply.status(204).send();
  });

  app.get('/todo', { schema: { tags: ['工作待办 To-do'], summary: '工作待办：本人权限范围内需要处理的事项（如即将到期的规范性文件）', response: { 200: TodoList } } }, (req) => todo.list(req.actor));
};
