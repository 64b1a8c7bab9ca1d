import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { IdParams, Paged } from '../../shared/schemas/common.ts';
import { CreateDraft, Draft, ListDraftsQuery, UpdateDraft } from './documents.schemas.ts';
import type { DocumentService } from './documents.service.ts';

const tags = ['文件草稿 Documents'];

export const documentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService }> = async (app, { documents }) => {
  app.addHook('preHandler', requireUser);
  app.get('/documents', { schema: { tags, summary: '可见的文件草稿', querystring: ListDraftsQuery, response: { 200: Paged(Draft) } } }, (req) =>
    documents.list(req.actor, req.query.page, req.query.pageSize),
  );
  app.get('/documents/:id', { schema: { tags, summary: '草稿详情', params: IdParams, response: { 200: Draft } } }, (req) => documents.get(req.actor, req.params.id));
  app.post('/documents', { schema: { tags, summary: '新建草稿', body: CreateDraft, response: { 201: Draft } } }, async (req, reply) => {
    reply.status(201);
    return documents.create(req.actor, req.body);
  });
  app.patch('/documents/:id', { schema: { tags, summary: '修改草稿', params: IdParams, body: UpdateDraft, response: { 200: Draft } } }, (req) =>
    documents.update(req.actor, req.params.id, req.body),
  );
};
