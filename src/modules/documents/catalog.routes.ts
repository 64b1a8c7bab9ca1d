import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id, IdParams, Nullable, PageQuery } from '../../shared/schemas/common.ts';
import type { CatalogService } from './catalog.service.ts';

const tags = ['信息公开目录 Catalog'];
const Column = Type.Object({
  id: Type.String(), organisationId: Type.String(), parentId: Nullable(Type.String()), code: Type.String(), name: Type.String(),
  updateDays: Nullable(Type.Integer()), template: Nullable(Type.String()), sortOrder: Type.Integer(), documents: Type.Integer(),
});
const Columns = Type.Object({ items: Type.Array(Column) });

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  // The catalog and what is published in it are public.
  app.get('/organisations/:id/catalog', { schema: { tags, summary: '机构的信息公开目录（栏目树，首次使用时按模板生成）', params: IdParams, response: { 200: Columns } } }, async (req) => ({
    items: await catalog.columns(req.params.id),
  }));
  app.get(
    '/catalog/columns/:id/documents',
    { schema: { tags, summary: '栏目中已发布的文件', params: IdParams, querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }) } },
    (req) => catalog.publishedIn(req.params.id, req.query.page, req.query.pageSize),
  );

  app.get('/documents/:id/columns', { schema: { tags, summary: '文件所属栏目', params: IdParams, response: { 200: Columns } } }, async (req) => ({
    items: await catalog.columnsOfDocument(req.actor.kind === 'anonymous' ? null : req.actor, req.params.id),
  }));

  app.register(async (scoped) => {
    scoped.addHook('preHandler', requireUser);
    const s = scoped.withTypeProvider<import('@fastify/type-provider-typebox').TypeBoxTypeProvider>();
    s.post(
      '/catalog/columns',
      { schema: { tags, summary: '新增栏目', body: Type.Object({ organisationId: Id, parentId: Type.Optional(Nullable(Id)), name: Type.String({ minLength: 1, maxLength: 60 }), updateDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650 }))) }, { additionalProperties: false }), response: { 201: Column } } },
      async (req, reply) => {
        reply.status(201);
        return catalog.addColumn(req.actor, req.body);
      },
    );
    s.patch(
      '/catalog/columns/:id',
      { schema: { tags, summary: '修改栏目（名称、更新周期、排序）', params: IdParams, body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })), updateDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650 }))), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })) }, { additionalProperties: false, minProperties: 1 }), response: { 200: Column } } },
      (req) => catalog.updateColumn(req.actor, req.params.id, req.body),
    );
    s.delete('/catalog/columns/:id', { schema: { tags, summary: '删除空栏目', params: IdParams } }, async (req, reply) => {
      await catalog.deleteColumn(req.actor, req.params.id);
      return reply.status(204).send();
    });
    s.put(
      '/documents/:id/columns',
      { schema: { tags, summary: '设置文件所属栏目（可多个）', params: IdParams, body: Type.Object({ columnIds: Type.Array(Id, { maxItems: 20 }) }, { additionalProperties: false }), response: { 200: Columns } } },
      async (req) => ({ items: await catalog.placeDocument(req.actor, req.params.id, req.body.columnIds) }),
    );
  });
};
