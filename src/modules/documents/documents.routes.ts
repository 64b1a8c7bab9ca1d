import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { IdParams, Paged } from '../../shared/schemas/common.ts';
import { CreateDocument, DocumentAction, DocumentBody, ListDocumentsQuery, NewEdition, UpdateDocument } from './documents.schemas.ts';
import type { DocumentService } from './documents.service.ts';
import type { DocumentWorkflow } from './document-workflow.ts';
import type { DocumentRelations } from './document-relations.ts';
import { CreateEffect, CreateLink, LinkDto, LinkParams, Validity, ValidityQuery } from './relations.schemas.ts';
import { Type } from '@sinclair/typebox';

const tags = ['文件 Documents'];

export const documentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService; workflow: DocumentWorkflow; relations: DocumentRelations }> = async (app, { documents, workflow, relations }) => {
  // Anyone may read a published document; staff with read access see the working edition.
  app.get('/documents/:id', { schema: { tags, summary: '文件详情（公众只见已发布版本）', params: IdParams, response: { 200: DocumentBody } } }, (req) =>
    documents.view(req.actor, req.params.id),
  );
  app.get('/documents/:id/validity', { schema: { tags, summary: '某日的效力状态（尚未施行、有效、已修改、已废止、已失效）', params: IdParams, querystring: ValidityQuery, response: { 200: Validity } } }, (req) =>
    relations.validity(req.actor.kind === 'anonymous' ? null : req.actor, req.params.id, req.query.asOf),
  );
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' && req.routeOptions.url?.endsWith('/documents/:id') ) return;
    if (req.method === 'GET' && req.routeOptions.url?.endsWith('/documents/:id/validity')) return;
    await requireUser(req, reply);
  });
  app.get('/documents', { schema: { tags, summary: '文件列表（草稿与已发布，按权限范围）', querystring: ListDocumentsQuery, response: { 200: Paged(DocumentBody) } } }, (req) =>
    documents.list(req.actor, req.query),
  );
  app.post('/documents', { schema: { tags, summary: '新建文件（草稿）', body: CreateDocument, response: { 201: DocumentBody } } }, async (req, reply) => {
    reply.status(201);
    return documents.create(req.actor, req.body);
  });
  app.patch('/documents/:id', { schema: { tags, summary: '修改草稿（带 lockVersion 乐观锁）', params: IdParams, body: UpdateDocument, response: { 200: DocumentBody } } }, (req) =>
    documents.update(req.actor, req.params.id, req.body),
  );
  app.post('/documents/:id/editions', { schema: { tags, summary: '基于已发布版本新建修订版本', params: IdParams, body: NewEdition, response: { 201: DocumentBody } } }, async (req, reply) => {
    reply.status(201);
    return documents.newEdition(req.actor, req.params.id, req.body.changeType, req.body.changeNote);
  });
  app.post('/documents/:id/actions', { schema: { tags, summary: '流转：提交、审核、驳回、定时发布、发布、撤回、下线', params: IdParams, body: DocumentAction, response: { 200: DocumentBody } } }, (req) =>
    workflow.act(req.actor, req.params.id, req.body),
  );
  const Links = Type.Object({ items: Type.Array(LinkDto) });
  app.get('/documents/:id/links', { schema: { tags, summary: '文件关联（解读、修改、废止、替代、落实、相关）', params: IdParams, response: { 200: Links } } }, async (req) => ({
    items: await relations.links(req.actor, req.params.id),
  }));
  app.post('/documents/:id/links', { schema: { tags, summary: '新增关联', params: IdParams, body: CreateLink, response: { 201: Links } } }, async (req, reply) => {
    reply.status(201);
    return { items: await relations.addLink(req.actor, req.params.id, req.body.toDocumentId, req.body.type) };
  });
  app.delete('/documents/:id/links/:linkId', { schema: { tags, summary: '删除关联', params: LinkParams } }, async (req, reply) => {
    await relations.removeLink(req.actor, req.params.id, req.params.linkId);
    return reply.status(204).send();
  });
  app.post('/documents/:id/effects', { schema: { tags, summary: '记录本文件对另一文件的效力（修改、废止、替代、暂停），本文件发布时生效', params: IdParams, body: CreateEffect } }, async (req, reply) => {
    await relations.addEffect(req.actor, req.params.id, req.body);
    return reply.status(204).send();
  });
};
