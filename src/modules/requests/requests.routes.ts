import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../platform/http/request-context.ts';
import { publicFormRateLimit } from '../../platform/http/rate-limit-store.ts';
import { readMultipartForm } from '../../platform/http/multipart-form.ts';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import { Id, IdParams, PageQuery } from '../../shared/schemas/common.ts';
import { answerOutcomes, applicantKinds, caseEventTypes, caseStates, remedyKinds, remedyResults } from './domain/model.ts';
import { requestVocabulary } from './request-vocabulary.ts';
import type { ApplicationInput, OfflineRegistrationInput, UploadedFile } from './requests.dto.ts';
import type { EventInput, RemedyInput, RequestService } from './requests.service.ts';

const tags = ['依申请公开 Requests'];
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Key = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]+$' });
const KeyParams = Type.Object({ key: Key }, { additionalProperties: false });
const CodeQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 64 })) });
const lit = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Remedy = Type.Object(
  {
    kind: lit(remedyKinds),
    filedOn: DateText,
    result: lit(remedyResults),
    decidedOn: Type.Optional(Type.Union([DateText, Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const EventBody = Type.Object(
  {
    type: lit(caseEventTypes),
    occurredOn: DateText,
    what: Type.Optional(Type.String({ maxLength: 2000 })),
    dueOn: Type.Optional(DateText),
    text: Type.Optional(Type.String({ maxLength: 10_000 })),
    kind: Type.Optional(Type.String({ maxLength: 20 })),
    party: Type.Optional(Type.String({ maxLength: 200 })),
    opinion: Type.Optional(Type.String({ maxLength: 2000 })),
    days: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    pages: Type.Optional(Type.Integer()),
    requestCount: Type.Optional(Type.Integer()),
    outcome: Type.Optional(lit(answerOutcomes)),
    basis: Type.Optional(Type.String({ maxLength: 1000 })),
    method: Type.Optional(Type.String({ maxLength: 100 })),
    toOrgId: Type.Optional(Id),
    receivedOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);

type Parsed = { fields: Record<string, string>; files: Record<string, UploadedFile[]> };

/** Reads a multipart body; an unreadable one is a clear 4xx. */
async function readMultipart(req: FastifyRequest, maxBytes: number): Promise<Parsed> {
  const { fields, files, problem } = await readMultipartForm(req, maxBytes);
  if (problem === 'notMultipart') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, { type: req.headers['content-type'] ?? '' });
  if (problem === 'tooLarge') throw new AppError('ATTACHMENT_TOO_LARGE', 413, { limitMb: Math.max(1, Math.floor(maxBytes / 1_048_576)) });
  if (problem === 'malformed') throw new AppError('VALIDATION_FAILED', 400, { summary: '上传内容不完整或超过数量限制' });
  return { fields, files };
}

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'on' || v === 'yes';

function applicationOf(f: Record<string, string>): ApplicationInput {
  return {
    orgId: f.orgId ?? '',
    applicant: {
      kind: (f.applicantKind ?? '') as ApplicationInput['applicant']['kind'],
      name: f.name ?? '',
      idNumber: f.idNumber ?? '',
      contactPerson: f.contactPerson || undefined,
      legalRepresentative: f.legalRepresentative || undefined,
      phone: f.phone ?? '',
      email: f.email || undefined,
      address: f.address || undefined,
      postcode: f.postcode || undefined,
    },
    information: { title: f.title ?? '', docNumber: f.docNumber || undefined, description: f.description || undefined, purpose: f.purpose || undefined },
    form: (f.form ?? '') as ApplicationInput['form'],
    delivery: (f.delivery ?? '') as ApplicationInput['delivery'],
    suggestProactive: truthy(f.suggestProactive),
  };
}

const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
function sendFile(reply: FastifyReply, filename: string, bytes: Uint8Array, type = 'application/octet-stream') {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const isStaff = (req: FastifyRequest) => req.actor.kind === 'user' || req.actor.kind === 'token';

/**
 * Disclosure on application over HTTP. Public (no sign-in; the tracking code is the credential, rate-limited):
 * POST /requests, GET /requests/:trackingNo?code=, POST …/correction?code=, POST …/withdraw?code=, released files
 * and the letter with the code. Everything else is staff-only and checked per case organisation.
 */
export const requestRoutes: FastifyPluginAsyncTypebox<{ requests: RequestService; uploadMaxBytes: number; formRateLimit: number }> = async (
  app,
  { requests, uploadMaxBytes, formRateLimit },
) => {
  await app.register(multipart, { limits: { fileSize: uploadMaxBytes, files: 6, fields: 60 } });
  const formLimit = publicFormRateLimit({ formRateLimit });
  // Reads by the public are limited against code guessing; signed-in staff share these routes and are not limited.
  const readLimit = { rateLimit: { ...publicFormRateLimit({ formRateLimit: formRateLimit * 5 }).rateLimit, allowList: (req: FastifyRequest) => isStaff(req) } };

  // ---------------------------------------------------------------- public
  app.post(
    '/requests',
    {
      config: formLimit,
      schema: { tags, summary: '提交政府信息公开申请（multipart：字段 + 身份证明文件 identityProof），返回受理编号与查询码', security: [] },
    },
    async (req, reply) => {
      const { fields, files } = await readMultipart(req, uploadMaxBytes);
      const receipt = await requests.apply(applicationOf(fields), files.identityProof ?? [], meta(req));
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/requests/:key',
    {
      config: readLimit,
      schema: {
        tags,
        summary: '申请人凭查询码查看办理进度（?code=），或工作人员查看案件详情（按 id）',
        params: KeyParams,
        querystring: CodeQuery,
      },
    },
    async (req) => {
      if (req.query.code !== undefined) {
        const view = await requests.track(req.params.key, req.query.code);
        if (!view) throw new NotFoundError();
        return view;
      }
      if (!isStaff(req)) throw new NotFoundError();
      return requests.get(req.actor, req.params.key);
    },
  );

  app.post(
    '/requests/:key/correction',
    {
      config: formLimit,
      schema: {
        tags,
        summary: '申请人提交补正（multipart：text，可附 file）',
        params: KeyParams,
        querystring: Type.Object({ code: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req) => {
      const { fields, files } = await readMultipart(req, uploadMaxBytes);
      return requests.correct(req.params.key, req.query.code, { text: fields.text ?? '' }, files.file ?? [], meta(req));
    },
  );

  app.post(
    '/requests/:key/withdraw',
    {
      config: formLimit,
      schema: {
        tags,
        summary: '申请人撤回申请',
        params: KeyParams,
        querystring: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) })),
      },
    },
    async (req) => requests.withdraw(req.params.key, req.query.code, { reason: req.body?.reason }, meta(req)),
  );

  app.get(
    '/requests/:key/released/:fileId',
    {
      config: readLimit,
      schema: {
        tags,
        summary: '申请人凭查询码下载提供的信息',
        params: Type.Object({ key: Key, fileId: Id }),
        querystring: Type.Object({ code: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const f = await requests.releasedFileForApplicant(req.params.key, req.query.code, req.params.fileId);
      if (!f) throw new NotFoundError();
      return sendFile(reply, f.filename, f.bytes);
    },
  );

  app.get(
    '/requests/:key/letter.docx',
    {
      config: readLimit,
      schema: { tags, summary: '答复书（DOCX）：申请人凭查询码，工作人员按案件 id', params: KeyParams, querystring: CodeQuery },
    },
    async (req, reply) => {
      let bytes: Uint8Array | null;
      if (req.query.code !== undefined) bytes = await requests.letterForApplicant(req.params.key, req.query.code);
      else if (isStaff(req)) bytes = await requests.letter(req.actor, req.params.key);
      else bytes = null;
      if (!bytes) throw new NotFoundError();
      return sendFile(reply, `答复书-${req.params.key}.docx`, bytes, DOCX);
    },
  );

  // ---------------------------------------------------------------- staff
  app.get(
    '/requests',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: '案件列表（机构、状态、临近/超期、申请人类型、收到日期、关键词；按收到日期或答复期限排序）',
        querystring: Type.Object({
          ...PageQuery,
          organisationId: Type.Optional(Id),
          state: Type.Optional(lit(caseStates)),
          urgency: Type.Optional(Type.Union([Type.Literal('near'), Type.Literal('overdue')])),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          applicantKind: Type.Optional(lit(applicantKinds)),
          receivedFrom: Type.Optional(DateText),
          receivedTo: Type.Optional(DateText),
          sort: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('due')])),
        }),
      },
    },
    (req) => requests.list(req.actor, req.query),
  );
  app.get(
    '/requests/transfer-targets',
    { preHandler: requireUser, schema: { tags, summary: '可接收转办的机关（公开的机构名录，仅名称）' } },
    (req) => requests.transferTargets(req.actor),
  );
  app.get(
    '/requests/vocabulary',
    { preHandler: requireUser, schema: { tags, summary: '答复类型（年报表三各行及法律依据）、收件渠道及收到日期规则、状态、申请人类型等词表' } },
    () => ({ ...requestVocabulary(), today: requests.currentDate() }),
  );
  app.get(
    '/requests/groups',
    { preHandler: requireUser, schema: { tags, summary: '多人申请同一信息的分组（文号相同或名称相同），供转为主动公开参考' } },
    (req) => requests.groups(req.actor),
  );
  app.get(
    '/requests/fees/quote',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: '信息处理费试算（按件或按量，二选一）',
        querystring: Type.Object({
          caseId: Type.Optional(Id),
          pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          requestCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          before: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
        }),
      },
    },
    (req) => requests.quote(req.actor, req.query),
  );
  app.post(
    '/requests/offline',
    {
      preHandler: requireUser,
      schema: { tags, summary: '登记线下申请（当面、邮寄、平信、传真、电子邮件；multipart，含身份证明 identityProof）' },
    },
    async (req, reply) => {
      const { fields, files } = await readMultipart(req, uploadMaxBytes);
      const input: OfflineRegistrationInput = {
        ...applicationOf(fields),
        channel: fields.channel as OfflineRegistrationInput['channel'],
        appliedOn: fields.appliedOn ?? '',
        receivedOn: fields.receivedOn ?? '',
        note: fields.note || undefined,
      };
      return reply.status(201).send(await requests.registerOffline(req.actor, input, files.identityProof ?? []));
    },
  );
  app.post(
    '/requests/:id/events',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: '记录办理事件（受理、补正、征求意见、延期、收费、法律审核、答复、送达、归档、转办…）',
        params: IdParams,
        body: EventBody,
      },
    },
    (req) => requests.record(req.actor, req.params.id, req.body as EventInput),
  );
  app.post(
    '/requests/:id/released',
    { preHandler: requireUser, schema: { tags, summary: '上传提供的信息（multipart：file，redacted=1 表示已脱敏）', params: IdParams } },
    async (req, reply) => {
      const { fields, files } = await readMultipart(req, uploadMaxBytes);
      return reply.status(201).send(await requests.addReleased(req.actor, req.params.id, files.file?.[0], truthy(fields.redacted)));
    },
  );
  app.get(
    '/requests/:id/files/:fileId',
    {
      preHandler: requireUser,
      schema: { tags, summary: '下载身份证明、补正材料或提供的信息（本案工作人员）', params: Type.Object({ id: Id, fileId: Id }) },
    },
    async (req, reply) => {
      const f = await requests.file(req.actor, req.params.id, req.params.fileId);
      return sendFile(reply, f.filename, f.bytes, f.contentType);
    },
  );
  app.post(
    '/requests/:id/convert',
    {
      preHandler: requireUser,
      schema: { tags, summary: '转为主动公开：以答复与提供的信息创建文件草稿（条例第四十四条）', params: IdParams },
    },
    async (req, reply) => reply.status(201).send(await requests.convert(req.actor, req.params.id)),
  );
  app.get(
    '/requests/:id/remedies',
    { preHandler: requireUser, schema: { tags, summary: '行政复议、行政诉讼记录', params: IdParams } },
    (req) => requests.listRemedies(req.actor, req.params.id),
  );
  app.post(
    '/requests/:id/remedies',
    { preHandler: requireUser, schema: { tags, summary: '登记行政复议或行政诉讼', params: IdParams, body: Remedy } },
    async (req, reply) => reply.status(201).send(await requests.addRemedy(req.actor, req.params.id, req.body as RemedyInput)),
  );
  app.patch(
    '/requests/:id/remedies/:remedyId',
    {
      preHandler: requireUser,
      schema: { tags, summary: '更新复议、诉讼结果', params: Type.Object({ id: Id, remedyId: Id }), body: Type.Partial(Remedy) },
    },
    (req) => requests.updateRemedy(req.actor, req.params.id, req.params.remedyId, req.body as Partial<RemedyInput>),
  );
  app.delete(
    '/requests/:id/remedies/:remedyId',
    { preHandler: requireUser, schema: { tags, summary: '删除误登记的复议、诉讼记录', params: Type.Object({ id: Id, remedyId: Id }) } },
    async (req, reply) => {
      await requests.removeRemedy(req.actor, req.params.id, req.params.remedyId);
      return reply.status(204).send();
    },
  );
};
