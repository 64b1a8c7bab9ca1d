import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery } from './common.ts';

const Username = Type.String({ minLength: 2, maxLength: 50, pattern: '^[A-Za-z0-9_.@-]+$' });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const Email = Type.String({ maxLength: 200, pattern: '^([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?$' });
const Phone = Type.String({ maxLength: 30, pattern: '^[0-9+\\- ()]*$' });

export const Login = Type.Object({ username: Type.String({ minLength: 1, maxLength: 50 }), password: Password }, { additionalProperties: false });
export const ChangePassword = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const CreateUser = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    password: Password,
    organisationId: Type.Optional(Id),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);
export const UpdateUser = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    organisationId: Type.Optional(Id),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ResetPassword = Type.Object({ password: Password }, { additionalProperties: false });
export const GrantRole = Type.Object({ role: Type.String({ maxLength: 40 }), organisationId: Id }, { additionalProperties: false });
export const ListUsersQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 50 })), organisationId: Type.Optional(Id), ...PageQuery },
  { additionalProperties: false },
);

export const RoleGrantDto = Type.Object({
  id: Type.String(),
  role: Type.String(),
  roleName: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
});
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
  roles: Type.Array(RoleGrantDto),
});

export const CreateToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    scopes: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 40, uniqueItems: true }),
    expiresAt: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);
export const Token = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  userId: Type.String(),
  userName: Type.String(),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export type CreateUserInput = Static<typeof CreateUser>;
export type UpdateUserInput = Static<typeof UpdateUser>;
export type ListUsersInput = Static<typeof ListUsersQuery>;
export type UserDto = Static<typeof User>;
export type TokenDto = Static<typeof Token>;
export type CreateTokenInput = Static<typeof CreateToken>;
