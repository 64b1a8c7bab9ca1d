import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, fromBool } from '../../platform/db/ids.ts';
import { can, canAnywhere, isPlatformAdmin, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { isRoleCode, isTokenScope, roles, tokenScopes, type Permission } from '../../platform/authz/roles.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import type { CreateTokenInput, CreateUserInput, ListUsersInput, TokenDto, UpdateUserInput, UserDto } from '../../shared/schemas/identity.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { IdentityRepository, type UserRow } from './identity.repository.ts';
import { presentToken, presentUser } from './identity.presenter.ts';
import { hashPassword, isAcceptablePassword, randomSecret, sha256 } from './passwords.ts';

/** Users, their role grants and their API tokens. A user belongs to one organisation and holds roles on any. */
export class UserService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
  ) {}

  private repo(db: Kysely<DB> = this.db) {
    return new IdentityRepository(db, this.dialect);
  }

  async list(actor: Actor, input: ListUsersInput) {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    let orgPath: string | undefined;
    if (input.organisationId) orgPath = (await this.orgs.requireReadable(actor, input.organisationId)).path;
    const filter = { roots: scopeRoots(actor, 'user.read'), q: input.q, orgPath };
    const [rows, total] = await Promise.all([this.repo().listUsers(filter, (page - 1) * pageSize, pageSize), this.repo().countUsers(filter)]);
    const grants = await this.repo().grantsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => presentUser(r, grants.filter((g) => g.user_id === r.id))), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    const { row, orgPath } = await this.load(this.db, id);
    if (actor.userId !== id && !can(actor, 'user.read', orgPath)) throw new NotFoundError();
    return this.present(this.db, row);
  }

  async create(actor: Actor, input: CreateUserInput): Promise<UserDto> {
    const orgId = input.organisationId ?? this.defaultOrgId(actor, 'user.manage');
    if (!orgId) throw new ForbiddenError();
    const org = await this.orgs.requireReadable(actor, orgId).catch(() => {
      throw ValidationError.field('organisationId', 'unknownOrg');
    });
    if (!can(actor, 'user.manage', org.path)) throw new ForbiddenError();
    if (!isAcceptablePassword(input.password, input.username)) {
      throw new ValidationError([{ path: 'password', code: 'minLength', params: { limit: 10 } }], 'WEAK_PASSWORD');
    }
    const passwordHash = await hashPassword(input.password);
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      if (await repo.findUserByUsername(input.username)) throw new ConflictError('USERNAME_TAKEN', { username: input.username });
      const row = newUserRow({ orgId: org.id, username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true });
      row.email = input.email || null;
      row.phone = input.phone || null;
      await repo.insertUser(row);
      const dto = await this.present(tx.db, row);
      await tx.audit({ action: 'user.create', entityType: 'user', entityId: row.id, org, after: dto });
      return dto;
    });
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserDto> {
    let newOrg: { id: string; path: string } | undefined;
    if (input.organisationId) {
      newOrg = await this.orgs.requireReadable(actor, input.organisationId).catch(() => {
        throw ValidationError.field('organisationId', 'unknownOrg');
      });
      if (!can(actor, 'user.manage', newOrg.path)) throw new ForbiddenError();
    }
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const { row, org } = await this.requireManageable(tx.db, actor, id);
      if (input.active === false && id === actor.userId) throw new ConflictError('SELF_DEACTIVATE');
      const before = await this.present(tx.db, row);
      const patch: Partial<UserRow> = { updated_at: nowIso() };
      if (input.displayName !== undefined) patch.display_name = input.displayName.trim();
      if (input.email !== undefined) patch.email = input.email || null;
      if (input.phone !== undefined) patch.phone = input.phone || null;
      if (newOrg) patch.org_id = newOrg.id;
      if (input.active !== undefined) {
        patch.active = fromBool(input.active);
        if (!input.active) await repo.deleteSessionsOfUser(id);
      }
      await repo.updateUser(id, patch);
      if (input.active === false && (await repo.countActiveSysadmins()) === 0) throw new ConflictError('LAST_ADMIN');
      const after = await this.present(tx.db, { ...row, ...patch });
      await tx.audit({ action: 'user.update', entityType: 'user', entityId: id, org, before, after });
      return after;
    });
  }

  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const { row } = await this.requireManageable(this.db, actor, id);
    if (!isAcceptablePassword(password, row.username)) {
      throw new ValidationError([{ path: 'password', code: 'minLength', params: { limit: 10 } }], 'WEAK_PASSWORD');
    }
    const passwordHash = await hashPassword(password);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const { org } = await this.requireManageable(tx.db, actor, id);
      const now = nowIso();
      await repo.updateUser(id, { password_hash: passwordHash, must_change_password: 1, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now });
      await repo.deleteSessionsOfUser(id);
      await tx.audit({ action: 'user.reset_password', entityType: 'user', entityId: id, org });
    });
  }

  async unlock(actor: Actor, id: string): Promise<UserDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const { row, org } = await this.requireManageable(tx.db, actor, id);
      await repo.updateUser(id, { failed_logins: 0, locked_until: null, updated_at: nowIso() });
      await tx.audit({ action: 'user.unlock', entityType: 'user', entityId: id, org, before: { lockedUntil: row.locked_until }, after: { lockedUntil: null } });
      return this.present(tx.db, { ...row, failed_logins: 0, locked_until: null });
    });
  }

  async grantRole(actor: Actor, id: string, role: string, organisationId: string): Promise<UserDto> {
    if (!isRoleCode(role)) throw ValidationError.field('role', 'unknownRole');
    const org = await this.orgs.requireReadable(actor, organisationId).catch(() => {
      throw ValidationError.field('organisationId', 'unknownOrg');
    });
    if (!can(actor, 'role.grant', org.path)) throw new ForbiddenError();
    // Only a platform administrator hands out the system-administrator role.
    if (role === 'sysadmin' && !isPlatformAdmin(actor)) throw new ForbiddenError();
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const { row } = await this.requireManageable(tx.db, actor, id);
      const existing = await repo.grantsOf([id]);
      if (existing.some((g) => g.role === role && g.org_id === org.id)) throw new ConflictError('ROLE_EXISTS');
      const grant = { id: newId(), user_id: id, role, org_id: org.id, created_at: nowIso(), created_by: actor.userId };
      await repo.insertGrant(grant);
      await tx.audit({ action: 'user.grant_role', entityType: 'user', entityId: id, org, after: { role, organisationId: org.id, organisationName: org.name } });
      return this.present(tx.db, row);
    });
  }

  async revokeRole(actor: Actor, id: string, grantId: string): Promise<UserDto> {
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const { row } = await this.requireManageable(tx.db, actor, id);
      const grant = await repo.findGrant(grantId);
      if (!grant || grant.user_id !== id) throw new NotFoundError();
      if (!can(actor, 'role.grant', grant.org_path)) throw new ForbiddenError();
      if (grant.role === 'sysadmin' && !isPlatformAdmin(actor)) throw new ForbiddenError();
      await repo.deleteGrant(grantId);
      if (grant.role === 'sysadmin' && (await repo.countActiveSysadmins()) === 0) throw new ConflictError('LAST_ADMIN');
      await tx.audit({
        action: 'user.revoke_role',
        entityType: 'user',
        entityId: id,
        org: { id: grant.org_id, path: grant.org_path },
        before: { role: grant.role, organisationId: grant.org_id, organisationName: grant.org_name },
      });
      return this.present(tx.db, row);
    });
  }

  // API tokens: a user manages their own; a platform administrator sees and revokes all.
  async listTokens(actor: Actor): Promise<TokenDto[]> {
    if (!actor.userId) throw new UnauthenticatedError();
    const rows = await this.repo().listTokens(isPlatformAdmin(actor) ? null : [actor.userId]);
    return rows.map(presentToken);
  }

  scopesFor(actor: Actor): { code: string; name: string }[] {
    return Object.entries(tokenScopes)
      .filter(([, s]) => (s.permissions as readonly Permission[]).every((p) => canAnywhere(actor, p)))
      .map(([code, s]) => ({ code, name: s.name }));
  }

  async createToken(actor: Actor, input: CreateTokenInput): Promise<{ token: string; item: TokenDto }> {
    if (!actor.userId || actor.kind !== 'user') throw new ForbiddenError();
    const allowed = new Set(this.scopesFor(actor).map((s) => s.code));
    const bad = input.scopes.findIndex((s) => !isTokenScope(s) || !allowed.has(s));
    if (bad >= 0) throw ValidationError.field(`scopes/${bad}`, 'unknownScope');
    const expiresAt = input.expiresAt ? `${input.expiresAt}T15:59:59.999Z` : null; // end of that day in Beijing
    if (expiresAt && expiresAt < nowIso()) throw ValidationError.field('expiresAt', 'pastDate');
    const secret = `gk_${randomSecret(30)}`;
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = {
        id: newId(),
        user_id: actor.userId!,
        name: input.name.trim(),
        token_hash: sha256(secret),
        scopes: JSON.stringify(input.scopes),
        created_at: nowIso(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      };
      await repo.insertToken(row);
      const item = presentToken({ ...row, user_name: actor.userName });
      await tx.audit({ action: 'token.create', entityType: 'api_token', entityId: row.id, after: item });
      return { token: secret, item };
    });
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const row = await repo.findToken(id);
      if (!row || (row.user_id !== actor.userId && !isPlatformAdmin(actor))) throw new NotFoundError();
      if (row.revoked_at) return;
      await repo.updateToken(id, { revoked_at: nowIso() });
      await tx.audit({ action: 'token.revoke', entityType: 'api_token', entityId: id, before: { name: row.name } });
    });
  }

  /** Creates the first administrator (CLI and first start), with the system-administrator role on the root. */
  async createAdministrator(actor: Actor, input: { username: string; displayName: string; password: string; rootOrgId: string }): Promise<UserDto> {
    const passwordHash = await hashPassword(input.password);
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      if (await repo.findUserByUsername(input.username)) throw new ConflictError('USERNAME_TAKEN', { username: input.username });
      const row = newUserRow({ orgId: input.rootOrgId, username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: false });
      const now = row.created_at;
      await repo.insertUser(row);
      await repo.insertGrant({ id: newId(), user_id: row.id, role: 'sysadmin', org_id: input.rootOrgId, created_at: now, created_by: null });
      const dto = await this.present(tx.db, row);
      await tx.audit({ action: 'user.create', entityType: 'user', entityId: row.id, after: dto });
      return dto;
    });
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.repo().findUserByUsername(username);
  }

  async countUsersIn(db: Kysely<DB>, orgId: string): Promise<number> {
    return this.repo(db).countUsersInOrg(orgId);
  }
  async countGrantsIn(db: Kysely<DB>, orgId: string): Promise<number> {
    return this.repo(db).countGrantsInOrg(orgId);
  }

  roleList() {
    return Object.entries(roles).map(([code, r]) => ({ code, name: r.name, description: r.description }));
  }

  private defaultOrgId(actor: Actor, permission: Permission): string | null {
    const roots = scopeRoots(actor, permission);
    const first = roots?.[0];
    return actor.grants.find((g) => g.orgPath === first)?.orgId ?? null;
  }

  private async load(db: Kysely<DB>, id: string) {
    const row = await this.repo(db).findUser(id);
    if (!row) throw new NotFoundError();
    const org = (await this.orgs.refs([row.org_id], db)).get(row.org_id)!;
    return { row, org, orgPath: org.path };
  }

  private async requireManageable(db: Kysely<DB>, actor: Actor, id: string) {
    const loaded = await this.load(db, id);
    if (!can(actor, 'user.read', loaded.orgPath)) throw new NotFoundError();
    if (!can(actor, 'user.manage', loaded.orgPath)) throw new ForbiddenError();
    return loaded;
  }

  private async present(db: Kysely<DB>, row: UserRow): Promise<UserDto> {
    const org = (await this.orgs.refs([row.org_id], db)).get(row.org_id);
    return presentUser({ ...row, org_name: org?.name ?? '' }, await this.repo(db).grantsOf([row.id]));
  }
}

function newUserRow(u: { orgId: string; username: string; displayName: string; passwordHash: string; mustChangePassword: boolean }): UserRow {
  const now = nowIso();
  return {
    id: newId(),
    org_id: u.orgId,
    username: u.username,
    display_name: u.displayName.trim(),
    email: null,
    phone: null,
    password_hash: u.passwordHash,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    must_change_password: fromBool(u.mustChangePassword),
    password_changed_at: now,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
}
