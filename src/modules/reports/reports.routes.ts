import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { Id } from '../../shared/schemas/common.ts';
import { FIRST_REPORT_YEAR, type ReportsService } from './reports.service.ts';
import { requestTablesXlsx } from './request-tables.xlsx.ts';

const tags = ['年度报告 Reports'];
const YearParams = Type.Object({ year: Type.Integer({ minimum: FIRST_REPORT_YEAR, maximum: 9999 }) }, { additionalProperties: false });
const ScopeQuery = Type.Object(
  { org: Id, scope: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('subtree')], { default: 'self' })) },
  { additionalProperties: false },
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Annual-report statistics: tables 3 and 4 as JSON (with the cross-checks) and as XLSX in the official layout. */
export const reportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/reports/annual/:year/requests',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: '年度报告表三（收到和处理政府信息公开申请情况）、表四（行政复议、行政诉讼情况）及勾稽关系校验',
        params: YearParams,
        querystring: ScopeQuery,
      },
    },
    (req) => reports.requestStatistics(req.actor, req.params.year, req.query.org, req.query.scope ?? 'self'),
  );
  app.get(
    '/reports/annual/:year/requests.xlsx',
    {
      preHandler: requireUser,
      schema: { tags, summary: '导出表三、表四（XLSX，按年报格式合并单元格）', params: YearParams, querystring: ScopeQuery },
    },
    async (req, reply) => {
      const stats = await reports.requestStatistics(req.actor, req.params.year, req.query.org, req.query.scope ?? 'self');
      const name = `${stats.year}年${stats.organisation.name}依申请公开统计.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="requests-${stats.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .send(await requestTablesXlsx(stats));
    },
  );
};
