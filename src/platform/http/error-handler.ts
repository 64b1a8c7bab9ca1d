import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../errors.ts';
import { pickLanguage, translate, translateField, type Lang, type MessageCode } from '../i18n/messages.ts';

export type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

function localiseParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v && typeof v === 'object' && 'zh' in v && 'en' in v ? (v as Record<Lang, string>)[lang] : v]),
  );
}

export function renderError(err: AppError, lang: Lang): ErrorBody {
  const fields = err.fields.map((f) => ({ path: f.path, message: translateField(f.code, lang, f.params) }));
  const summary = fields.map((f) => `${f.path} ${f.message}`).join(lang === 'zh' ? '；' : '; ');
  const message = translate(err.code, lang, { ...localiseParams(err.params, lang), summary });
  return { error: { code: err.code, message, ...(fields.length ? { fields } : {}) } };
}

/** Fastify's own errors (parsing, limits, rate limits) mapped to ours, so every 4xx has the same shape. */
function fromFastify(err: FastifyError, request: FastifyRequest): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('INVALID_JSON', 400);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('EMPTY_BODY', 400);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, { type: request.headers['content-type'] ?? '' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', 413, { limit: request.routeOptions.bodyLimit ?? '' });
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/.test(err.message))) return new AppError('INVALID_JSON', 400);
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', 429, { after: (err as { after?: string }).after ?? '' });
  return null;
}

export function registerErrorHandling(
  app: FastifyInstance,
  htmlNotFound?: (request: FastifyRequest) => Promise<string>,
): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLanguage(request.headers['accept-language']);
    let appError: AppError | null = err instanceof AppError ? err : null;
    if (!appError && err.validation) appError = err.cause instanceof ValidationError ? err.cause : null;
    if (!appError && (err as unknown as { error?: unknown }).error instanceof ValidationError) appError = (err as unknown as { error: ValidationError }).error;
    appError ??= fromFastify(err, request);
    if (!appError && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      appError = new AppError(err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', err.statusCode, { summary: err.message });
    }
    if (!appError) {
      request.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL', 500);
    }
    if (appError.status === 429) reply.header('retry-after', String(reply.getHeader('retry-after') ?? 60));
    return reply.status(appError.status).type('application/json; charset=utf-8').send(renderError(appError, lang));
  });

  app.setNotFoundHandler(async (request, reply) => {
    const wantsHtml = !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (htmlNotFound && wantsHtml) return reply.status(404).type('text/html; charset=utf-8').send(await htmlNotFound(request));
    const lang = pickLanguage(request.headers['accept-language']);
    const body = renderError(new AppError('ROUTE_NOT_FOUND' as MessageCode, 404, { method: request.method, url: request.url.split('?')[0] }), lang);
    return reply.status(404).send(body);
  });
}
