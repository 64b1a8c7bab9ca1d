import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery } from '../../shared/schemas/common.ts';

const DateOrInstant = Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$' });

export const ListAuditQuery = Type.Object(
  {
    organisationId: Type.Optional(Id),
    actorId: Type.Optional(Id),
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 80 })),
    from: Type.Optional(DateOrInstant),
    to: Type.Optional(DateOrInstant),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
});
export type AuditEntryDto = Static<typeof AuditEntry>;
