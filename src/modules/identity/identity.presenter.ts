import { roles, isRoleCode } from '../../platform/authz/roles.ts';
import { parseJson, toBool } from '../../platform/db/ids.ts';
import type { TokenDto, UserDto } from '../../shared/schemas/identity.ts';
import type { GrantRow, TokenRow, UserRow } from './identity.repository.ts';

export function presentUser(row: UserRow & { org_name: string }, grants: GrantRow[]): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.org_id,
    organisationName: row.org_name,
    email: row.email,
    phone: row.phone,
    active: toBool(row.active),
    lockedUntil: row.locked_until && row.locked_until > new Date().toISOString() ? row.locked_until : null,
    mustChangePassword: toBool(row.must_change_password),
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    roles: grants.map((g) => ({
      id: g.id,
      role: g.role,
      roleName: isRoleCode(g.role) ? roles[g.role].name : g.role,
      organisationId: g.org_id,
      organisationName: g.org_name,
    })),
  };
}

export function presentToken(row: TokenRow & { user_name: string }): TokenDto {
  return {
    id: row.id,
    name: row.name,
    scopes: parseJson<string[]>(row.scopes, []),
    userId: row.user_id,
    userName: row.user_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
