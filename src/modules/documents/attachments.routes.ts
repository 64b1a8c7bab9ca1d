import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { requireUser } from '../../platform/http/request-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeText, extractText } from '../../platform/files/index.ts';
import type { DocumentAttachments } from './document-attachments.ts';
import type { AttachmentDto } from './attachments.schemas.ts';
import { Attachment, AttachmentList, AttachmentParams, DownloadQuery, EditionParams, ReorderAttachments, UpdateAttachment, UploadQuery } from './attachments.schemas.ts';

const tags = ['文件附件 Attachments'];

/** Office files are always downloaded; PDFs, images, text and (sanitised) HTML open in the browser unless asked. */
const INLINE_KINDS = new Set(['pdf', 'image', 'html', 'text']);

/**
 * Attachments of an edition. Upload sends the file itself as the request body (any Content-Type, e.g.
 * application/octet-stream) with its name in `?filename=`; no multipart, so the body limit is the file size limit.
 */
export const attachmentRoutes: FastifyPluginAsyncTypebox<{ attachments: DocumentAttachments }> = async (app, { attachments }) => {
  const maxBytes = attachments.maxUploadBytes;
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  // An oversized upload is refused while it arrives (nothing is read past the limit, nothing is stored).
  app.setErrorHandler((err: FastifyError) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('ATTACHMENT_TOO_LARGE', 413, { limitMb: Math.floor(maxBytes / 1_048_576) });
    throw err;
  });
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' && req.routeOptions.url?.endsWith('/attachments/:attId')) return; // public for published editions
    await requireUser(req, reply);
  });

  const base = '/documents/:id/editions/:editionId/attachments';
  app.get(base, { schema: { tags, summary: '版本的附件列表', params: EditionParams, response: { 200: AttachmentList } } }, async (req) => ({
    items: await attachments.list(req.actor, req.params.id, req.params.editionId),
  }));

  app.post(
    base,
    {
      bodyLimit: maxBytes,
      schema: {
        tags,
        summary: '上传附件（请求体为文件本身，文件名放在 ?filename=；类型按内容识别且须与扩展名一致）',
        description: `支持 PDF、DOCX、XLSX、PNG、JPEG、GIF、WEBP、HTML、TXT；上限见 GONGKAI_ATTACHMENT_MAX_MB（当前 ${Math.floor(maxBytes / 1_048_576)} MB）。`,
        params: EditionParams,
        querystring: UploadQuery,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, { type: req.headers['content-type'] ?? '' });
      const created = await attachments.upload(req.actor, req.params.id, req.params.editionId, req.query.filename, req.body);
      return reply.status(201).send(created);
    },
  );

  app.put(`${base}/order`, { schema: { tags, summary: '调整附件顺序', params: EditionParams, body: ReorderAttachments, response: { 200: AttachmentList } } }, async (req) => ({
    items: await attachments.reorder(req.actor, req.params.id, req.params.editionId, req.body.ids),
  }));

  app.patch(`${base}/:attId`, { schema: { tags, summary: '修改附件（显示名称、无障碍标记、顺序、作为某 PDF 的 HTML 版本）', params: AttachmentParams, body: UpdateAttachment, response: { 200: AttachmentList } } }, async (req) => ({
    items: await attachments.update(req.actor, req.params.id, req.params.editionId, req.params.attId, req.body),
  }));

  app.delete(`${base}/:attId`, { schema: { tags, summary: '删除附件（仅草稿或已退回版本）', params: AttachmentParams } }, async (req, reply) => {
    await attachments.remove(req.actor, req.params.id, req.params.editionId, req.params.attId);
    return reply.status(204).send();
  });

  app.get(`${base}/:attId`, { schema: { tags, summary: '下载附件（公众仅可下载已发布版本的附件）', params: AttachmentParams, querystring: DownloadQuery } }, async (req, reply) => {
    const { attachment, data } = await attachments.open(req.actor, req.params.id, req.params.editionId, req.params.attId);
    const etag = `"${attachment.id}-${attachment.size}"`;
    const publicCopy = req.actor.kind === 'anonymous';
    reply
      .header('x-content-type-options', 'nosniff')
      .header('etag', etag)
      .header('cache-control', publicCopy ? 'public, max-age=300' : 'private, no-store');
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    const inline = INLINE_KINDS.has(attachment.kind) && !req.query.download;
    reply.header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', attachment.name));
    if (attachment.kind === 'html' && inline) {
      // Never our origin's active content: the stored HTML is re-sanitised and served in a sandbox without scripts.
      reply.header('content-security-policy', "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'");
      return reply.type('text/html; charset=utf-8').send(await sanitisedPage(data, attachment));
    }
    if (attachment.kind === 'html' || attachment.kind === 'text') {
      // Text is served as UTF-8 whatever it was uploaded in (GBK files are common), so browsers show it right.
      return reply.type(`${attachment.kind === 'html' ? 'application/octet-stream' : 'text/plain'}; charset=utf-8`).send(attachment.kind === 'html' ? data : decodeText(data).text);
    }
    return reply.type(attachment.mime).send(data);
  });
};

/** RFC 6266 / RFC 5987: an ASCII fallback name plus the exact UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function sanitisedPage(data: Buffer, attachment: AttachmentDto): Promise<string> {
  const { html, title } = await extractText(data, 'html');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title || attachment.name)}</title></head><body><main>${html ?? ''}</main></body></html>`;
}
