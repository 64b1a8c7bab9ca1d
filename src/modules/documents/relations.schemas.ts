import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from '../../shared/schemas/common.ts';

export const linkTypes = ['interprets', 'amends', 'repeals', 'replaces', 'implements', 'related'] as const;
export const linkTypeNames: Record<(typeof linkTypes)[number], { out: string; in: string }> = {
  interprets: { out: '解读', in: '相关解读' },
  amends: { out: '修改', in: '被修改' },
  repeals: { out: '废止', in: '被废止' },
  replaces: { out: '替代', in: '被替代' },
  implements: { out: '落实', in: '被落实' },
  related: { out: '相关', in: '相关' },
};

export const CreateLink = Type.Object(
  { toDocumentId: Id, type: Type.Union(linkTypes.map((t) => Type.Literal(t))) },
  { additionalProperties: false },
);
export const LinkParams = Type.Object({ id: Id, linkId: Id }, { additionalProperties: false });
export const LinkDto = Type.Object({
  id: Type.String(),
  type: Type.String(),
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
  label: Type.String(),
  document: Type.Object({ id: Type.String(), slug: Type.String(), title: Type.String(), publicState: Type.String(), docNo: Nullable(Type.String()) }),
});

export const CreateEffect = Type.Object(
  {
    affectedDocumentId: Id,
    type: Type.Union([Type.Literal('amends'), Type.Literal('repeals'), Type.Literal('replaces'), Type.Literal('suspends'), Type.Literal('expires')]),
    affectedArticle: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    inForceOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export const ValidityQuery = Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false });
export const Validity = Type.Object({
  asOf: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  since: Nullable(Type.String()),
  notice: Nullable(Type.String()),
  pendingNotice: Nullable(Type.String()),
  effects: Type.Array(
    Type.Object({ type: Type.String(), affectingDocumentId: Type.String(), affectingTitle: Nullable(Type.String()), affectedArticle: Nullable(Type.String()), inForceOn: Type.String(), applied: Type.Boolean() }),
  ),
});

export type LinkDtoType = Static<typeof LinkDto>;
export type CreateEffectInput = Static<typeof CreateEffect>;
export type ValidityDto = Static<typeof Validity>;
