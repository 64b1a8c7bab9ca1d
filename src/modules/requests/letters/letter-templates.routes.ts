import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../../platform/http/request-context.ts';
import { Id } from '../../../shared/schemas/common.ts';
import type { LetterTemplates } from './letter-templates.service.ts';

const tags = ['依申请公开 Requests'];
const OrgQuery = Type.Object({ organisationId: Type.Optional(Id) }, { additionalProperties: false });
// Lengths and placeholders are checked by the service, which names the paragraph and the problem in Chinese.
const TemplateBody = Type.Object(
  {
    title: Type.String({ maxLength: 200 }),
    paragraphs: Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 100 }),
    reconsiderationBody: Type.String({ maxLength: 500 }),
    court: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 答复书模板: GET the effective template (whose it is), PUT one for an organisation, DELETE to inherit again. */
export const letterTemplateRoutes: FastifyPluginAsyncTypebox<{ templates: LetterTemplates }> = async (app, { templates }) => {
  app.get(
    '/requests/letter-template',
    {
      preHandler: requireUser,
      schema: { tags, summary: '答复书模板：机构适用的模板及其来源（不带 organisationId 为平台默认）', querystring: OrgQuery },
    },
    (req) => templates.effective(req.actor, req.query.organisationId),
  );
  app.put(
    '/requests/letter-template',
    {
      preHandler: requireUser,
      schema: { tags, summary: '保存机构自己的答复书模板（政务公开办）', querystring: OrgQuery, body: TemplateBody },
    },
    (req) => templates.save(req.actor, req.query.organisationId, req.body),
  );
  app.delete(
    '/requests/letter-template',
    { preHandler: requireUser, schema: { tags, summary: '删除机构自己的模板，恢复使用上级机构或平台默认模板', querystring: OrgQuery } },
    (req) => templates.reset(req.actor, req.query.organisationId),
  );
  app.get(
    '/requests/letter-template/sample.docx',
    { preHandler: requireUser, schema: { tags, summary: '用机构适用的模板生成示例答复书（DOCX，虚构申请人）', querystring: OrgQuery } },
    async (req, reply) => {
      const bytes = await templates.sample(req.actor, req.query.organisationId);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="sample-letter.docx"; filename*=UTF-8''${encodeURIComponent('示例答复书.docx')}`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
};
