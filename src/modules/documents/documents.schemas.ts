import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery } from '../../shared/schemas/common.ts';
import { Attachment } from './attachments.schemas.ts';

const DateString = Type.String({ format: 'date' });
const optDate = Type.Optional(Nullable(DateString));
const optText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

/** Metadata an editor fills in (domain.md §5.1); everything but the title is optional while drafting. */
const metadataFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  bodyHtml: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  docNo: optText(60),
  topic: optText(80),
  genre: optText(40),
  issuer: optText(100),
  writtenOn: optDate,
  effectiveFrom: optDate,
  expiresOn: optDate,
  repealedOn: optDate,
  formedOn: optDate,
  disclosure: Type.Optional(Type.Union([Type.Literal('proactive'), Type.Literal('on_request'), Type.Literal('withheld')])),
  disclosureReason: optText(500),
  scope: optText(200),
  keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 20 })),
  summary: optText(100),
  note: optText(100),
  changeNote: optText(500),
};

export const CreateDocument = Type.Object(
  {
    organisationId: Id,
    kind: Type.Optional(Type.Union([Type.Literal('document'), Type.Literal('interpretation')])),
    normativeKind: Type.Optional(Nullable(Type.Union([Type.Literal('normative'), Type.Literal('rule')]))),
    ...metadataFields,
  },
  { additionalProperties: false },
);

export const UpdateDocument = Type.Object(
  {
    ...Type.Partial(Type.Object(metadataFields)).properties,
    lockVersion: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NewEdition = Type.Object(
  { changeType: Type.Union([Type.Literal('major'), Type.Literal('minor')]), changeNote: optText(500) },
  { additionalProperties: false },
);

export const DocumentAction = Type.Object(
  {
    action: Type.Union(['submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'urgent_publish', 'approve_retrospectively', 'withdraw', 'unpublish', 'reopen'].map((a) => Type.Literal(a))),
    reason: optText(500),
    publishAt: Type.Optional(Type.String({ format: 'date-time' })),
    replacementDocumentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const ListDocumentsQuery = Type.Object(
  {
    organisationId: Type.Optional(Id),
    state: Type.Optional(Type.String({ maxLength: 20 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Edition = Type.Object({
  id: Type.String(),
  version: Type.String(),
  changeType: Type.String(),
  changeNote: Nullable(Type.String()),
  state: Type.String(),
  lockVersion: Type.Integer(),
  title: Type.String(),
  bodyHtml: Type.String(),
  docNo: Nullable(Type.String()),
  topic: Nullable(Type.String()),
  genre: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  writtenOn: Nullable(Type.String()),
  effectiveFrom: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  repealedOn: Nullable(Type.String()),
  formedOn: Nullable(Type.String()),
  disclosure: Type.String(),
  disclosureReason: Nullable(Type.String()),
  scope: Nullable(Type.String()),
  keywords: Type.Array(Type.String()),
  summary: Nullable(Type.String()),
  note: Nullable(Type.String()),
  validityRule: Nullable(Type.Object({ id: Type.String(), years: Nullable(Type.Integer()), note: Type.String() })),
  submittedBy: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  scheduledAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  urgent: Type.Boolean(),
  /** Public reason of a withdrawal or unpublication. */
  endedReason: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const DocumentBody = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  kind: Type.String(),
  normativeKind: Nullable(Type.String()),
  organisationId: Type.String(),
  organisationName: Type.String(),
  indexNo: Nullable(Type.String()),
  /** 统一登记编号 (normative documents). */
  registrationNo: Nullable(Type.String()),
  /** Stored validity status today (normative documents), and the day it was computed for. */
  validityStatus: Nullable(Type.String()),
  validityStatusOn: Nullable(Type.String()),
  publicState: Type.String(),
  edition: Edition,
  publishedEditionId: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  /** The shown edition's attachments in reading order (single-document reads only, not lists). */
  attachments: Type.Optional(Type.Array(Attachment)),
});

export type CreateDocumentInput = Static<typeof CreateDocument>;
export type UpdateDocumentInput = Static<typeof UpdateDocument>;
export type DocumentActionInput = Static<typeof DocumentAction>;
export type EditionDto = Static<typeof Edition>;
export type DocumentDto = Static<typeof DocumentBody>;

export const RegistrationNoBody = Type.Object({ registrationNo: Nullable(Type.String({ maxLength: 60 })) }, { additionalProperties: false });
