import { roles, tokenScopes, type Permission, type RoleCode, type TokenScope } from './roles.ts';

export type Grant = { id: string; role: RoleCode; orgId: string; orgPath: string };

/** Who is acting: a signed-in user, a user through an API token, the system (CLI, jobs) or an anonymous visitor. */
export type Actor = {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  userId: string | null;
  userName: string;
  grants: Grant[];
  /** Set for API tokens: only permissions covered by these scopes pass. */
  scopes: TokenScope[] | null;
  ip: string | null;
  requestId: string | null;
};

export const anonymousActor = (ip: string | null = null, requestId: string | null = null): Actor => ({
  kind: 'anonymous',
  userId: null,
  userName: '匿名访客',
  grants: [],
  scopes: null,
  ip,
  requestId,
});

export const systemActor = (name = '系统'): Actor => ({
  kind: 'system',
  userId: null,
  userName: name,
  grants: [],
  scopes: null,
  ip: null,
  requestId: null,
});

function scopeAllows(actor: Actor, permission: Permission): boolean {
  if (actor.scopes === null) return true;
  return actor.scopes.some((s) => (tokenScopes[s].permissions as readonly Permission[]).includes(permission));
}

/** The one permission check: does the actor hold `permission` on the organisation with this path? */
export function can(actor: Actor, permission: Permission, orgPath: string): boolean {
  if (actor.kind === 'system') return true;
  if (!scopeAllows(actor, permission)) return false;
  return actor.grants.some(
    (g) => orgPath.startsWith(g.orgPath) && (roles[g.role].permissions as readonly Permission[]).includes(permission),
  );
}

/** Whether the actor holds the permission anywhere (to decide if a list is worth showing at all). */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (!scopeAllows(actor, permission)) return false;
  return actor.grants.some((g) => (roles[g.role].permissions as readonly Permission[]).includes(permission));
}

/**
 * The subtree roots where the actor holds the permission, minimal (no root inside another), for list filters.
 * `null` means unrestricted (the system actor).
 */
export function scopeRoots(actor: Actor, permission: Permission): string[] | null {
  if (actor.kind === 'system') return null;
  if (!scopeAllows(actor, permission)) return [];
  const paths = actor.grants
    .filter((g) => (roles[g.role].permissions as readonly Permission[]).includes(permission))
    .map((g) => g.orgPath)
    .sort((a, b) => a.length - b.length);
  const minimal: string[] = [];
  for (const p of paths) if (!minimal.some((m) => p.startsWith(m))) minimal.push(p);
  return minimal;
}

/** A system administrator on a root organisation administers the whole platform. */
export function isPlatformAdmin(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return scopeAllows(actor, 'system.admin') && actor.grants.some((g) => g.role === 'sysadmin' && g.orgPath.split('/').length === 3);
}
