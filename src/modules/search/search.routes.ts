import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Id, Nullable } from '../../shared/schemas/common.ts';
import { SEARCH_KINDS, type SearchService } from './search.service.ts';

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['检索 Search'],
        summary: '全文检索已发布的信息（中文分词、标题加权、高亮摘要、分面统计）',
        querystring: Type.Object(
          {
            q: Type.String({ maxLength: 100 }),
            org: Type.Optional(Id),
            topic: Type.Optional(Type.String({ maxLength: 20 })),
            genre: Type.Optional(Type.String({ maxLength: 20 })),
            year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
            validity: Type.Optional(Type.String({ maxLength: 20 })),
            kind: Type.Optional(Type.Union(SEARCH_KINDS.map((k) => Type.Literal(k)))),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            totalIsEstimate: Type.Boolean({ description: '为真时命中超过 total 条：总数未逐条统计，分面只统计前 total 条命中' }),
            page: Type.Integer(),
            size: Type.Integer(),
            exact: Nullable(Type.Object({ id: Type.String(), url: Type.String() })),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                titleHtml: Type.String(),
                url: Type.String(),
                org: Type.String(),
                docNo: Nullable(Type.String()),
                publishedAt: Type.String(),
                validity: Nullable(Type.String()),
                kind: Type.String(),
                snippet: Type.String(),
              }),
            ),
            facets: Type.Object({ topic: Facet, genre: Facet, year: Facet, validity: Facet, kind: Facet }),
          }),
        },
      },
    },
    async (req) => {
      const r = await search.search(req.query);
      return { ...r, items: r.items.map((i) => ({ ...i, org: i.orgId })) };
    },
  );
};
