import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { IdParams, Paged } from '../../shared/schemas/common.ts';
import type { NormativeFilings } from './normative-filings.ts';
import type { NormativeCleanups } from './normative-cleanups.ts';
import {
  AddItems, AuthorityDto, CandidateDto, CandidateQuery, CleanupDto, CleanupListQuery, CreateCleanup, DecideItems, FileFiling, FilingDto, FilingListQuery,
  ItemParams, PublishCleanup, ReviewFiling, SetAuthority,
} from './normative.schemas.ts';

const tags = ['规范性文件 Normative documents'];

/** 备案审查 and 清理 of normative documents; staff only (the published clean-up results are portal pages). */
export const normativeProcessRoutes: FastifyPluginAsyncTypebox<{ filings: NormativeFilings; cleanups: NormativeCleanups }> = async (app, { filings, cleanups }) => {
  app.addHook('preHandler', requireUser);

  app.get('/normative/filings', { schema: { tags, summary: '备案审查列表（overdue=true：逾期未报备或逾期未审查）', querystring: FilingListQuery, response: { 200: Paged(FilingDto) } } }, (req) =>
    filings.list(req.actor, req.query),
  );
  app.get('/normative/filings/:id', { schema: { tags, summary: '备案详情', params: IdParams, response: { 200: FilingDto } } }, (req) => filings.get(req.actor, req.params.id));
  app.post('/normative/filings/:id/file', { schema: { tags, summary: '报送备案（制定机关）', params: IdParams, body: FileFiling, response: { 200: FilingDto } } }, (req) =>
    filings.file(req.actor, req.params.id, req.body),
  );
  app.post('/normative/filings/:id/review', { schema: { tags, summary: '记录审查结果：通过、纠正或撤销（备案审查机关）', params: IdParams, body: ReviewFiling, response: { 200: FilingDto } } }, (req) =>
    filings.review(req.actor, req.params.id, req.body),
  );
  app.get('/normative/filing-authorities/:id', { schema: { tags, summary: '机构的备案审查机关（设置的或推断的）', params: IdParams, response: { 200: AuthorityDto } } }, (req) =>
    filings.getAuthority(req.actor, req.params.id),
  );
  app.put('/normative/filing-authorities/:id', { schema: { tags, summary: '指定机构的备案审查机关', params: IdParams, body: SetAuthority, response: { 200: AuthorityDto } } }, (req) =>
    filings.setAuthority(req.actor, req.params.id, req.body.authorityOrgId),
  );

  app.get('/normative/cleanups', { schema: { tags, summary: '清理活动列表', querystring: CleanupListQuery, response: { 200: Paged(CleanupDto) } } }, (req) => cleanups.list(req.actor, req.query));
  app.post('/normative/cleanups', { schema: { tags, summary: '新建清理活动（草稿）', body: CreateCleanup, response: { 201: CleanupDto } } }, async (req, reply) => {
    reply.status(201);
    return cleanups.create(req.actor, req.body);
  });
  app.get('/normative/cleanups/:id', { schema: { tags, summary: '清理活动详情与清理决定', params: IdParams, response: { 200: CleanupDto } } }, (req) => cleanups.get(req.actor, req.params.id));
  app.delete('/normative/cleanups/:id', { schema: { tags, summary: '删除未公布的清理活动', params: IdParams } }, async (req, reply) => {
    await cleanups.delete(req.actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/normative/cleanups/:id/candidates', { schema: { tags, summary: '可加入清理范围的已发布规范性文件', params: IdParams, querystring: CandidateQuery, response: { 200: Paged(CandidateDto) } } }, (req) =>
    cleanups.candidates(req.actor, req.params.id, req.query),
  );
  app.post('/normative/cleanups/:id/items', { schema: { tags, summary: '批量加入文件', params: IdParams, body: AddItems, response: { 200: CleanupDto } } }, (req) =>
    cleanups.addItems(req.actor, req.params.id, req.body.documentIds),
  );
  app.delete('/normative/cleanups/:id/items/:itemId', { schema: { tags, summary: '移出文件', params: ItemParams, response: { 200: CleanupDto } } }, (req) =>
    cleanups.removeItem(req.actor, req.params.id, req.params.itemId),
  );
  app.post('/normative/cleanups/:id/decisions', { schema: { tags, summary: '记录清理决定（可批量）：继续有效、修改、废止、失效', params: IdParams, body: DecideItems, response: { 200: CleanupDto } } }, (req) =>
    cleanups.decide(req.actor, req.params.id, req.body),
  );
  app.post('/normative/cleanups/:id/publish', { schema: { tags, summary: '公布清理结果（一个事务内记录废止、失效效力）', params: IdParams, body: Type.Optional(PublishCleanup), response: { 200: CleanupDto } } }, (req) =>
    cleanups.publish(req.actor, req.params.id, req.body ?? {}),
  );
};
