import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { IdParams, Paged } from '../../shared/schemas/common.ts';
import {
  CreateOrganisation,
  ListOrganisationsQuery,
  MoveOrganisation,
  Organisation,
  UpdateOrganisation,
} from '../../shared/schemas/organisations.ts';
import type { OrganisationService } from './organisations.service.ts';

const tags = ['组织机构 Organisations'];

export const organisationRoutes: FastifyPluginAsyncTypebox<{ organisations: OrganisationService }> = async (app, { organisations }) => {
  app.addHook('preHandler', requireUser);

  app.get('/organisations/tree', { schema: { tags, summary: '可见的全部机构（平铺，用于构建树）', response: { 200: Type.Object({ items: Type.Array(Organisation) }) } } }, async (req) => ({
    items: await organisations.tree(req.actor),
  }));

  app.get('/organisations', { schema: { tags, summary: '分页查询机构', querystring: ListOrganisationsQuery, response: { 200: Paged(Organisation) } } }, (req) =>
    organisations.list(req.actor, req.query),
  );

  app.get('/organisations/:id', { schema: { tags, summary: '机构详情', params: IdParams, response: { 200: Organisation } } }, (req) =>
    organisations.get(req.actor, req.params.id),
  );

  app.post('/organisations', { schema: { tags, summary: '新建机构', body: CreateOrganisation, response: { 201: Organisation } } }, async (req, reply) => {
    reply.status(201);
    return organisations.create(req.actor, req.body);
  });

  app.patch('/organisations/:id', { schema: { tags, summary: '修改机构', params: IdParams, body: UpdateOrganisation, response: { 200: Organisation } } }, (req) =>
    organisations.update(req.actor, req.params.id, req.body),
  );

  app.post('/organisations/:id/move', { schema: { tags, summary: '移动机构（连同下级）', params: IdParams, body: MoveOrganisation, response: { 200: Organisation } } }, (req) =>
    organisations.move(req.actor, req.params.id, req.body.parentId),
  );

  app.post('/organisations/:id/deactivate', { schema: { tags, summary: '停用机构', params: IdParams, response: { 200: Organisation } } }, (req) =>
    organisations.setActive(req.actor, req.params.id, false),
  );

  app.post('/organisations/:id/activate', { schema: { tags, summary: '启用机构', params: IdParams, response: { 200: Organisation } } }, (req) =>
    organisations.setActive(req.actor, req.params.id, true),
  );

  app.delete('/organisations/:id', { schema: { tags, summary: '删除机构（无内容时）', params: IdParams } }, async (req, reply) => {
    await organisations.delete(req.actor, req.params.id);
    return reply.status(204).send();
  });
};
