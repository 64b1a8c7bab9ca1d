import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { canAnywhere } from '../../platform/authz/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { Paged } from '../../shared/schemas/common.ts';
import { AuditEntry, ListAuditQuery } from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.addHook('preHandler', requireUser);
  // Read-only by design: the product offers no way to edit or delete audit entries.
  app.get('/audit', { schema: { tags: ['审计日志 Audit'], summary: '审计日志（按机构、用户、对象、时间筛选）', querystring: ListAuditQuery, response: { 200: Paged(AuditEntry) } } }, async (req) => {
    if (!canAnywhere(req.actor, 'audit.read')) throw new NotFoundError();
    return audit.list(req.actor, req.query);
  });
};
