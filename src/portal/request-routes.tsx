// The portal's 依申请公开 pages: the guide, the application form (multipart POST, no JavaScript needed), the receipt,
// and tracking with correction, withdrawal and downloads. Every page here is personal: `private, no-store`.
// POSTs carry a double-submit CSRF token (request-form.ts) and are rate-limited like the public API.
import type { ReactElement } from 'react';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { Services } from '../container.ts';
import { AppError, ValidationError } from '../platform/errors.ts';
import { renderError } from '../platform/http/error-handler.ts';
import { publicFormRateLimit } from '../platform/http/rate-limit-store.ts';
import { readMultipartForm } from '../platform/http/multipart-form.ts';
import type { PublicCaseView, UploadedFile } from '../modules/requests/index.ts';
import { pageContext, queryText } from './context.ts';
import { indexOrganisations } from './directory.ts';
import { directoryOrder } from './search-params.ts';
import { renderPage } from './render.ts';
import { FORM_COOKIE, FORM_COOKIE_PATH, applicationInput, applyValues, formOnlyErrors, newFormToken, serviceErrors, tokensMatch, type FormErrors } from './request-form.ts';
import { normaliseTracking } from './request-view.ts';
import { REQUESTS_HREF, REQUEST_APPLY_HREF, REQUEST_CORRECT_HREF, REQUEST_LETTER_HREF, REQUEST_RELEASED_HREF, REQUEST_TRACK_HREF, REQUEST_WITHDRAW_HREF } from './request-urls.ts';
import { RequestsGuidePage } from './pages/requests-guide.tsx';
import { RequestApplyPage } from './pages/request-apply.tsx';
import { RequestReceiptPage } from './pages/request-receipt.tsx';
import { RequestTrackPage, type TrackProps } from './pages/request-track.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ErrorPage } from './pages/error.tsx';

const EXPIRED = '页面已过期或无法确认表单来源，请重新提交。（浏览器需要允许本站使用 Cookie）';
const WRONG_CODE = '受理编号或查询码不正确，请核对后重新输入。';

type Form = { fields: Record<string, string>; files: Record<string, UploadedFile[]>; problem?: 'tooLarge' | 'malformed' };

/** Personal pages: never stored by a browser or proxy cache. */
function sendPrivate(reply: FastifyReply, element: ReactElement, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'private, no-store').header('vary', 'Cookie').send(renderPage(element));
}

/** Reads a multipart form; a file over the limit or a malformed body is reported, not thrown, so the form can say so. */
async function readForm(request: FastifyRequest, maxBytes: number): Promise<Form> {
  const form = await readMultipartForm(request, maxBytes);
  return form.problem === 'notMultipart' ? { ...form, problem: 'malformed' } : (form as Form);
}

const body = (request: FastifyRequest): Record<string, string> => {
  const b = request.body as Record<string, unknown> | null | undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(b ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
};
const zh = (err: AppError) => renderError(err, 'zh').error.message;

export const requestPortalRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const { config } = services;
  const maxBytes = config.requestUploadMaxMb * 1_048_576;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 6, fields: 60 } });
  // anonymousForm: these routes check their own CSRF token and act as the applicant, never as a signed-in user.
  const writeLimit = { config: { ...publicFormRateLimit(config), anonymousForm: true } };
  const readLimit = { config: { ...publicFormRateLimit({ formRateLimit: config.formRateLimit * 5 }), anonymousForm: true } };
  const ctx = (request: FastifyRequest) => pageContext(services, request);
  const meta = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });
  const orgList = async () => directoryOrder(indexOrganisations(await services.organisations.publicDirectory()));
  const secure = (request: FastifyRequest) => (config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true');

  /** The visitor's form token: the cookie's, or a new one set now. */
  const token = (request: FastifyRequest, reply: FastifyReply): string => {
    const current = request.cookies[FORM_COOKIE];
    if (current && current.length >= 16 && current.length <= 100) return current;
    const fresh = newFormToken();
    reply.setCookie(FORM_COOKIE, fresh, { path: FORM_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: secure(request) });
    return fresh;
  };
  const tokenOk = (request: FastifyRequest, field: string | undefined) => tokensMatch(request.cookies[FORM_COOKIE], field);
  const uploadMaxMb = config.requestUploadMaxMb;

  const applyPage = async (request: FastifyRequest, reply: FastifyReply, p: { values?: ReturnType<typeof applyValues>; errors?: FormErrors; notice?: string }, status = 200) =>
    sendPrivate(reply, <RequestApplyPage ctx={ctx(request)} orgs={await orgList()} values={p.values ?? {}} errors={p.errors ?? {}} notice={p.notice} token={token(request, reply)} uploadMaxMb={uploadMaxMb} />, status);
  const trackPage = (request: FastifyRequest, reply: FastifyReply, p: Omit<TrackProps, 'ctx' | 'token' | 'uploadMaxMb'>, status = 200) =>
    sendPrivate(reply, <RequestTrackPage ctx={ctx(request)} token={token(request, reply)} uploadMaxMb={uploadMaxMb} {...p} />, status);

  // Rate limits and unexpected failures answer as pages of this section, still private.
  app.setErrorHandler(async (err: { statusCode?: number; status?: number }, request, reply) => {
    const code = err.statusCode ?? err.status;
    if (code === 429) {
      const seconds = Number(reply.getHeader('retry-after'));
      const text = `提交过于频繁，请${seconds > 0 ? ` ${seconds} 秒` : '稍'}后再试。`;
      if (request.url.startsWith(REQUEST_APPLY_HREF)) return applyPage(request, reply, { notice: `${text}已填写的内容不会丢失：返回上一页即可继续。` }, 429);
      return trackPage(request, reply, { notice: { kind: 'error', text } }, 429);
    }
    const status = code && code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error({ err }, 'request portal page failed');
    return sendPrivate(reply, status === 404 ? <NotFoundPage ctx={ctx(request)} /> : <ErrorPage ctx={ctx(request)} />, status);
  });

  app.get(REQUESTS_HREF, async (request, reply) => sendPrivate(reply, <RequestsGuidePage ctx={ctx(request)} orgs={await orgList()} />));

  app.get(REQUEST_APPLY_HREF, async (request, reply) => applyPage(request, reply, { values: { orgId: queryText(request.query, 'org', 64), idType: 'resident' } }));

  app.post(REQUEST_APPLY_HREF, writeLimit, async (request, reply) => {
    const form = await readForm(request, maxBytes);
    const values = applyValues(form.fields);
    if (form.problem === 'malformed') return applyPage(request, reply, { values, notice: '提交的内容不完整，请重新填写并提交。' }, 400);
    if (!tokenOk(request, form.fields._csrf)) return applyPage(request, reply, { values, notice: EXPIRED }, 403);
    const natural = values.applicantCategory !== 'org';
    const input = applicationInput(values);
    const errors = formOnlyErrors(values);
    if (form.problem === 'tooLarge') errors.identityProof = `文件过大：每个文件不能超过 ${uploadMaxMb} MB`;
    else if (!form.files.identityProof?.length) errors.identityProof = '请上传身份证明（身份证件或营业执照等的照片或 PDF）';
    const dryRun = Object.keys(errors).length > 0;
    try {
      if (dryRun) {
        // Let the service check the fields too, so every problem shows at once. Without proofs it refuses before
        // storing anything (the proof is required), so this can never register a case.
        // An organisation without its sub-type yet is checked as 其他, so its code and contact are checked too.
        const probe = values.applicantCategory === 'org' && !input.applicant.kind ? { ...input, applicant: { ...input.applicant, kind: 'other_org' as const } } : input;
        await services.requests.apply(probe, [], meta(request));
        throw new Error('the application was accepted without an identity proof');
      }
      const receipt = await services.requests.apply(input, form.files.identityProof ?? [], meta(request));
      const orgName = (await orgList()).find((o) => o.id === input.orgId)?.name ?? '';
      return sendPrivate(reply, <RequestReceiptPage ctx={ctx(request)} receipt={receipt} orgName={orgName} />);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const found: FormErrors = err instanceof ValidationError ? serviceErrors(err.fields, natural) : err.fields.some((f) => f.path === 'identityProof') ? { identityProof: zh(err) } : {};
      if (dryRun && form.files.identityProof?.length) delete found.identityProof; // the dry run sent no file
      const all = { ...found, ...errors };
      if (Object.keys(all).length === 0) return applyPage(request, reply, { values, notice: zh(err) }, err.status);
      return applyPage(request, reply, { values, errors: all }, 400);
    }
  });

  app.get(REQUEST_TRACK_HREF, async (request, reply) => trackPage(request, reply, {}));

  /** Opens the case for a POST carrying the credentials; answers the tracking form when they do not match. */
  const withCase = async (request: FastifyRequest, reply: FastifyReply, fields: Record<string, string>, then: (view: PublicCaseView, creds: { trackingNo: string; code: string }) => Promise<FastifyReply>) => {
    const creds = normaliseTracking(fields.trackingNo, fields.code);
    if (!tokenOk(request, fields._csrf)) return trackPage(request, reply, { trackingNo: creds.trackingNo, notice: { kind: 'error', text: EXPIRED } }, 403);
    if (!creds.trackingNo || !creds.code) return trackPage(request, reply, { trackingNo: creds.trackingNo, notice: { kind: 'error', text: '请输入受理编号和查询码。' } }, 400);
    const view = await services.requests.track(creds.trackingNo, creds.code);
    if (!view) return trackPage(request, reply, { trackingNo: creds.trackingNo, notice: { kind: 'error', text: WRONG_CODE } }, 404);
    return then(view, creds);
  };
  const refusal = (err: unknown): string => {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return zh(err);
  };

  app.post(REQUEST_TRACK_HREF, readLimit, async (request, reply) =>
    withCase(request, reply, body(request), async (view, creds) => trackPage(request, reply, { view, ...creds })),
  );

  app.post(REQUEST_CORRECT_HREF, writeLimit, async (request, reply) => {
    const form = await readForm(request, maxBytes);
    return withCase(request, reply, form.fields, async (view, creds) => {
      const text = (form.fields.text ?? '').slice(0, 2000);
      if (form.problem) return trackPage(request, reply, { view, ...creds, correctionText: text, correctionError: { file: form.problem === 'tooLarge' ? `文件过大：不能超过 ${uploadMaxMb} MB` : '提交的内容不完整，请重新提交' } }, 400);
      try {
        const after = await services.requests.correct(creds.trackingNo, creds.code, { text }, form.files.file ?? [], meta(request));
        return trackPage(request, reply, { view: after, ...creds, notice: { kind: 'ok', text: '补正已提交，答复期限自收到补正之日起重新计算。' } });
      } catch (err) {
        const message = refusal(err);
        const fields = (err as AppError).fields;
        const correctionError = { text: fields.some((f) => f.path === 'text') ? message.replace(/^.*?：/, '') : undefined, file: fields.some((f) => f.path === 'file') ? message : undefined };
        if (correctionError.text || correctionError.file) return trackPage(request, reply, { view, ...creds, correctionText: text, correctionError }, 400);
        return trackPage(request, reply, { view, ...creds, notice: { kind: 'error', text: message } }, (err as AppError).status);
      }
    });
  });

  app.post(REQUEST_WITHDRAW_HREF, writeLimit, async (request, reply) => {
    const fields = body(request);
    return withCase(request, reply, fields, async (view, creds) => {
      if (fields.confirm !== '1') return trackPage(request, reply, { view, ...creds, confirmWithdraw: true });
      try {
        const after = await services.requests.withdraw(creds.trackingNo, creds.code, { reason: fields.reason }, meta(request));
        return trackPage(request, reply, { view: after, ...creds, notice: { kind: 'ok', text: '申请已撤回。' } });
      } catch (err) {
        return trackPage(request, reply, { view, ...creds, notice: { kind: 'error', text: refusal(err) } }, (err as AppError).status);
      }
    });
  });

  const download = (reply: FastifyReply, filename: string, bytes: Uint8Array, type: string) => {
    const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(type)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
  };

  app.post(REQUEST_LETTER_HREF, readLimit, async (request, reply) =>
    withCase(request, reply, body(request), async (view, creds) => {
      try {
        const bytes = await services.requests.letterForApplicant(creds.trackingNo, creds.code);
        if (bytes) return download(reply, `答复书-${view.trackingNo}.docx`, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        return trackPage(request, reply, { view, ...creds, notice: { kind: 'error', text: '尚未作出答复，暂无答复书。' } }, 404);
      } catch (err) {
        return trackPage(request, reply, { view, ...creds, notice: { kind: 'error', text: refusal(err) } }, (err as AppError).status);
      }
    }),
  );

  app.post(REQUEST_RELEASED_HREF, readLimit, async (request, reply) => {
    const fields = body(request);
    return withCase(request, reply, fields, async (view, creds) => {
      const file = await services.requests.releasedFileForApplicant(creds.trackingNo, creds.code, (fields.fileId ?? '').slice(0, 64));
      if (file) return download(reply, file.filename, file.bytes, 'application/octet-stream');
      return trackPage(request, reply, { view, ...creds, notice: { kind: 'error', text: '找不到该文件。' } }, 404);
    });
  });
};
