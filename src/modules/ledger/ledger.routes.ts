import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { canAnywhere } from '../../platform/authz/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { Id, Nullable } from '../../shared/schemas/common.ts';
import type { LedgerService, VerifyReport } from './ledger.service.ts';

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  action: Type.Union([Type.Literal('publish'), Type.Literal('withdraw'), Type.Literal('unpublish')]),
  documentId: Type.String(),
  editionId: Type.String(),
  version: Type.String(),
  contentHash: Hash,
  prevHash: Hash,
  entryHash: Hash,
});
const ListQuery = Type.Object(
  {
    documentId: Type.Optional(Id),
    after: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);
const Head = Type.Object({ entries: Type.Integer(), seq: Nullable(Type.Integer()), entryHash: Nullable(Hash) });
const Report = Type.Object({
  entries: Type.Integer(),
  headHash: Nullable(Hash),
  ok: Type.Boolean(),
  chainProblems: Type.Array(Type.Object({ seq: Type.Integer(), problem: Type.String(), expected: Type.Unknown() })),
  alteredEditions: Type.Array(Type.Object({ documentId: Type.String(), editionId: Type.String(), seq: Type.Integer() })),
});

const tags = ['发布存证 Ledger'];

export const ledgerRoutes: FastifyPluginAsyncTypebox<{ ledger: LedgerService; verify: () => Promise<VerifyReport> }> = async (
  app,
  { ledger, verify },
) => {
  // Public by design: entries hold ids and hashes, never text, so anyone can re-check them (docs/ledger.md).
  app.get(
    '/ledger',
    {
      schema: {
        tags,
        summary: '发布存证链（公开，按序号分页）',
        querystring: ListQuery,
        response: { 200: Type.Object({ head: Head, items: Type.Array(Entry) }) },
      },
    },
    async (req) => {
      const [head, items] = await Promise.all([
        ledger.head(),
        ledger.list({ documentId: req.query.documentId, afterSeq: req.query.after, limit: req.query.limit }),
      ]);
      return { head, items };
    },
  );
  // A full check reads every entry and every live edition: staff only (it is also `gongkai ledger verify`).
  app.get(
    '/ledger/verify',
    { schema: { tags, summary: '校验存证链与已发布内容（需审计权限）', response: { 200: Report } } },
    async (req) => {
      if (!canAnywhere(req.actor, 'audit.read')) throw new NotFoundError();
      return verify();
    },
  );
};
