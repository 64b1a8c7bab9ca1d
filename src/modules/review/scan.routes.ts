// POST /api/v1/review/scan: the pre-publication scanner as an API. JSON `{text}` or the file itself as the body
// (application/octet-stream, name in ?filename=), like the attachment upload. Owned by the scanner (see scanner/).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError } from 'fastify';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { requireUser } from '../../platform/http/request-context.ts';
import { canAnywhere } from '../../platform/authz/actor.ts';
import { scanFile } from './scanner/scan-file.ts';
import { scanText } from './scanner/scan-text.ts';
import type { CompiledDictionary, MaskingRules } from './scanner/types.ts';

const tags = ['发布前审查 Review'];

export interface ScanRoutesOptions {
  /** Largest file or text in bytes (default 50 MB). */
  maxBytes?: number;
  /** Requests per user per minute (default 60). */
  rateLimit?: number;
  allowPhones?: readonly string[];
  allowEmailDomains?: readonly string[];
  masking?: MaskingRules;
  /** The current dictionary; called per request so a reload is picked up without restart. */
  dictionary?: () => CompiledDictionary | undefined | Promise<CompiledDictionary | undefined>;
}

const Location = Type.Object({
  field: Type.Optional(Type.String()),
  attachmentId: Type.Optional(Type.String()),
  filename: Type.Optional(Type.String()),
  page: Type.Optional(Type.Integer()),
  sheet: Type.Optional(Type.String()),
  cell: Type.Optional(Type.String()),
});
const FindingSchema = Type.Object({
  category: Type.String(),
  severity: Type.Union([Type.Literal('block'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
  blocking: Type.Boolean(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  masked: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  suggestion: Type.Optional(Type.String()),
  ruleId: Type.String(),
  location: Location,
});
const ScanResponse = Type.Object({ findings: Type.Array(FindingSchema), blocking: Type.Integer() });
const ScanQuery = Type.Object({ filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) });

export const scanRoutes: FastifyPluginAsyncTypebox<ScanRoutesOptions> = async (app, opts) => {
  const maxBytes = opts.maxBytes ?? 50 * 1_048_576;
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('ATTACHMENT_TOO_LARGE', 413, { limitMb: Math.floor(maxBytes / 1_048_576) });
    throw err;
  });
  app.post(
    '/review/scan',
    {
      bodyLimit: maxBytes,
      preHandler: requireUser,
      config: { rateLimit: { max: opts.rateLimit ?? 60, timeWindow: 60_000, keyGenerator: (req) => (req.actor.kind === 'user' ? `scan:${req.actor.userId}` : `scan:${req.ip}`) } },
      schema: {
        tags,
        summary: '发布前审查扫描：请求体为 JSON {text}，或文件本身（application/octet-stream，文件名放在 ?filename=）',
        description: '返回每处发现的类别、级别、位置（字符偏移、附件页码/工作表/单元格）、打码后的文字和说明；需要在某个机构拥有编辑或审核权限。',
        querystring: ScanQuery,
        response: { 200: ScanResponse },
      },
    },
    async (req) => {
      if (!canAnywhere(req.actor, 'document.edit') && !canAnywhere(req.actor, 'document.review')) throw new ForbiddenError();
      const dictionary = opts.dictionary ? await opts.dictionary() : undefined;
      const options = { dictionary, allowPhones: opts.allowPhones, allowEmailDomains: opts.allowEmailDomains, masking: opts.masking };
      const body: unknown = req.body;
      let findings;
      if (Buffer.isBuffer(body)) {
        if (!req.query.filename) throw ValidationError.field('filename', 'required');
        findings = await scanFile(body, req.query.filename, { ...options, maxBytes });
      } else if (body && typeof body === 'object' && typeof (body as { text?: unknown }).text === 'string') {
        const text = (body as { text: string }).text;
        findings = scanText(text, { ...options, location: { field: 'text' } });
      } else {
        throw ValidationError.field('text', 'required');
      }
      return { findings, blocking: findings.filter((f) => f.blocking).length };
    },
  );
};
