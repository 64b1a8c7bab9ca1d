import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Actor, Grant } from '../../platform/authz/actor.ts';
import { isRoleCode, isTokenScope, type TokenScope } from '../../platform/authz/roles.ts';
import { AppError, UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import { parseJson } from '../../platform/db/ids.ts';
import { IdentityRepository, type GrantRow, type UserRow } from './identity.repository.ts';
import { dummyPasswordHash, hashPassword, isAcceptablePassword, randomSecret, sha256, verifyPassword } from './passwords.ts';

export type AuthSettings = { sessionHours: number; loginMaxFailures: number; lockoutMinutes: number };
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };
export type SessionInfo = { actor: Actor; sessionId: string; csrfToken: string };

const TOUCH_AFTER_MS = 60_000;

/** Sign-in, sessions stored in the database (so any app instance can serve any request), and API-token lookup. */
export class AuthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
    private readonly uow: UnitOfWork,
    private readonly settings: AuthSettings,
  ) {}

  private repo(db: Kysely<DB> = this.db) {
    return new IdentityRepository(db, this.dialect);
  }

  async login(username: string, password: string, meta: RequestMeta): Promise<{ token: string; session: SessionInfo }> {
    const user = await this.repo().findUserByUsername(username.trim());
    const now = new Date();
    const anonymous: Actor = { kind: 'anonymous', userId: null, userName: username.slice(0, 50), grants: [], scopes: null, ip: meta.ip, requestId: meta.requestId };
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw new UnauthenticatedError('LOGIN_FAILED');
    }
    if (user.locked_until && user.locked_until > now.toISOString()) {
      throw new AppError('ACCOUNT_LOCKED', 423, { until: formatLocal(user.locked_until) });
    }
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      const failures = user.failed_logins + 1;
      const lock = failures >= this.settings.loginMaxFailures;
      const lockedUntil = lock ? new Date(now.getTime() + this.settings.lockoutMinutes * 60_000).toISOString() : null;
      await this.uow({ ...anonymous, userId: user.id, userName: user.display_name }, async (tx) => {
        await this.repo(tx.db).updateUser(user.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil });
        await tx.audit({ action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, after: { failures, lockedUntil } });
      });
      if (lock) throw new AppError('ACCOUNT_LOCKED', 423, { until: formatLocal(lockedUntil!) });
      throw new UnauthenticatedError('LOGIN_FAILED');
    }
    if (user.active !== 1) throw new UnauthenticatedError('ACCOUNT_INACTIVE');
    const token = randomSecret();
    const csrfToken = randomSecret(24);
    const sessionId = sha256(token);
    const actor = await this.actorFor(user, meta);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      await repo.updateUser(user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
      await repo.insertSession({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: this.expiry(now),
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await tx.audit({ action: 'auth.login', entityType: 'user', entityId: user.id });
    });
    return { token, session: { actor, sessionId, csrfToken } };
  }

  /** The session behind a cookie value, or null when it is unknown, expired or its user is deactivated. */
  async resolveSession(token: string, meta: RequestMeta): Promise<SessionInfo | null> {
    const repo = this.repo();
    const sessionId = sha256(token);
    const session = await repo.findSession(sessionId);
    const now = new Date();
    if (!session || session.expires_at <= now.toISOString()) return null;
    const user = await repo.findUser(session.user_id);
    if (!user || user.active !== 1) return null;
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_AFTER_MS) {
      await repo.touchSession(sessionId, now.toISOString(), this.expiry(now));
    }
    return { actor: await this.actorFor(user, meta), sessionId, csrfToken: session.csrf_token };
  }

  async logout(actor: Actor, sessionId: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      await this.repo(tx.db).deleteSession(sessionId);
      await tx.audit({ action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    });
  }

  /** An API token (`Authorization: Bearer gk_…`) acts as its user, narrowed to the token's scopes. */
  async resolveToken(secret: string, meta: RequestMeta): Promise<Actor> {
    const repo = this.repo();
    const row = await repo.findTokenByHash(sha256(secret));
    const now = nowIso();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) throw new UnauthenticatedError('TOKEN_INVALID');
    const user = await repo.findUser(row.user_id);
    if (!user || user.active !== 1) throw new UnauthenticatedError('TOKEN_INVALID');
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_AFTER_MS) {
      await repo.updateToken(row.id, { last_used_at: now });
    }
    const scopes = parseJson<string[]>(row.scopes, []).filter(isTokenScope) as TokenScope[];
    return { ...(await this.actorFor(user, meta)), kind: 'token', scopes };
  }

  async changePassword(actor: Actor, sessionId: string | null, current: string, next: string): Promise<void> {
    const user = actor.userId ? await this.repo().findUser(actor.userId) : undefined;
    if (!user) throw new UnauthenticatedError();
    if (!(await verifyPassword(user.password_hash, current))) throw new ValidationError([{ path: 'currentPassword', code: 'invalid' }], 'WRONG_PASSWORD');
    if (!isAcceptablePassword(next, user.username)) throw new ValidationError([{ path: 'newPassword', code: 'minLength', params: { limit: 10 } }], 'WEAK_PASSWORD');
    const passwordHash = await hashPassword(next);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      await repo.updateUser(user.id, { password_hash: passwordHash, must_change_password: 0, password_changed_at: nowIso(), updated_at: nowIso() });
      await repo.deleteSessionsOfUser(user.id, sessionId ?? undefined);
      await tx.audit({ action: 'user.change_password', entityType: 'user', entityId: user.id });
    });
  }

  private expiry(from: Date): string {
    return new Date(from.getTime() + this.settings.sessionHours * 3_600_000).toISOString();
  }

  private async actorFor(user: UserRow, meta: RequestMeta): Promise<Actor> {
    const grants = await this.repo().grantsOf([user.id]);
    return {
      kind: 'user',
      userId: user.id,
      userName: user.display_name,
      grants: grants.filter((g) => isRoleCode(g.role)).map(toGrant),
      scopes: null,
      ip: meta.ip,
      requestId: meta.requestId,
    };
  }
}

const toGrant = (g: GrantRow): Grant => ({ id: g.id, role: g.role as Grant['role'], orgId: g.org_id, orgPath: g.org_path });

/** Beijing time for messages shown to people (instants are stored in UTC). */
export function formatLocal(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
