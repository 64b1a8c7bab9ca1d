import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery } from '../../shared/schemas/common.ts';

export const CreateDraft = Type.Object(
  { organisationId: Id, title: Type.String({ minLength: 1, maxLength: 200 }), body: Type.String({ maxLength: 200_000 }) },
  { additionalProperties: false },
);
export const UpdateDraft = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), body: Type.Optional(Type.String({ maxLength: 200_000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export const ListDraftsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const Draft = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type DraftDto = Static<typeof Draft>;
export type CreateDraftInput = Static<typeof CreateDraft>;
export type UpdateDraftInput = Static<typeof UpdateDraft>;
