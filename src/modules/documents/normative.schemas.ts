import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery } from '../../shared/schemas/common.ts';

const DateString = Type.String({ format: 'date' });
const OrgName = Type.Object({ id: Type.String(), name: Type.String() });

export const FilingListQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('filed'), Type.Literal('reviewed')])),
    overdue: Type.Optional(Type.Boolean()),
    organisationId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    asOf: Type.Optional(DateString),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const FilingDto = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  title: Type.String(),
  docNo: Nullable(Type.String()),
  issuer: OrgName,
  authority: Nullable(OrgName),
  publishedOn: Type.String(),
  dueOn: Type.String(),
  state: Type.String(),
  stateName: Type.String(),
  filedOn: Nullable(Type.String()),
  filingNote: Nullable(Type.String()),
  reviewDueOn: Nullable(Type.String()),
  result: Nullable(Type.String()),
  resultName: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  revokedFrom: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  decisionDocumentId: Nullable(Type.String()),
  overdue: Nullable(Type.String()),
  overdueName: Nullable(Type.String()),
  canFile: Type.Boolean(),
  canReview: Type.Boolean(),
});

export const FileFiling = Type.Object({ filedOn: Type.Optional(DateString), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });
export const ReviewFiling = Type.Object(
  {
    result: Type.Union([Type.Literal('passed'), Type.Literal('correction'), Type.Literal('revoked')]),
    opinion: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    revokedFrom: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export const SetAuthority = Type.Object({ authorityOrgId: Id }, { additionalProperties: false });
export const AuthorityDto = Type.Object({ organisationId: Type.String(), configured: Type.Boolean(), authority: Nullable(OrgName) });

// ---- clean-up campaigns

export const Decision = Type.Union([Type.Literal('keep'), Type.Literal('amend'), Type.Literal('repeal'), Type.Literal('expire')]);

export const CreateCleanup = Type.Object(
  {
    organisationId: Id,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    scopeBefore: Type.Optional(Nullable(DateString)),
    scopeNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export const CleanupListQuery = Type.Object(
  { organisationId: Type.Optional(Id), state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])), ...PageQuery },
  { additionalProperties: false },
);
export const CandidateQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), publishedBefore: Type.Optional(DateString), ...PageQuery },
  { additionalProperties: false },
);
export const AddItems = Type.Object({ documentIds: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });
export const DecideItems = Type.Object(
  { itemIds: Type.Array(Id, { minItems: 1, maxItems: 500 }), decision: Decision, reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
  { additionalProperties: false },
);
export const ItemParams = Type.Object({ id: Id, itemId: Id }, { additionalProperties: false });
export const PublishCleanup = Type.Object({ publishedOn: Type.Optional(DateString) }, { additionalProperties: false });

export const CleanupItemDto = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  docNo: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  decisionName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export const CleanupDto = Type.Object({
  id: Type.String(),
  organisation: OrgName,
  title: Type.String(),
  scopeBefore: Nullable(Type.String()),
  scopeNote: Nullable(Type.String()),
  state: Type.String(),
  stateName: Type.String(),
  publishedOn: Nullable(Type.String()),
  resultDocumentId: Nullable(Type.String()),
  createdAt: Type.String(),
  itemCount: Type.Optional(Type.Integer()),
  items: Type.Optional(Type.Array(CleanupItemDto)),
});
export const CandidateDto = Type.Object({ id: Type.String(), title: Type.String(), docNo: Nullable(Type.String()), publishedOn: Nullable(Type.String()), organisation: Type.String() });

export type FilingDtoType = Static<typeof FilingDto>;
export type FilingListQueryType = Static<typeof FilingListQuery>;
export type CleanupDtoType = Static<typeof CleanupDto>;
export type CreateCleanupInput = Static<typeof CreateCleanup>;
