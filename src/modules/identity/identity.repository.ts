import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import type { ApiTokenTable, RoleGrantTable, SessionTable, UserTable } from './identity.tables.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';

export type UserRow = Selectable<UserTable>;
export type GrantRow = Selectable<RoleGrantTable> & { org_path: string; org_name: string };
export type SessionRow = Selectable<SessionTable>;
export type TokenRow = Selectable<ApiTokenTable>;

export type UserListFilter = { roots: string[] | null; q?: string; orgPath?: string };

/** All SQL for users, role grants, sessions and API tokens. */
export class IdentityRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
  ) {}

  // users
  findUser(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('iam_user').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findUserByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('iam_user').selectAll().where('username', '=', username).executeTakeFirst();
  }
  async insertUser(row: UserRow): Promise<void> {
    await this.db.insertInto('iam_user').values(row).execute();
  }
  async updateUser(id: string, patch: Partial<UserRow>): Promise<void> {
    await this.db.updateTable('iam_user').set(patch).where('id', '=', id).execute();
  }

  private usersIn(filter: UserListFilter) {
    let q = this.db.selectFrom('iam_user').innerJoin('iam_org', 'iam_org.id', 'iam_user.org_id');
    q = q.where((eb) => inSubtrees(eb.ref('iam_org.path'), filter.roots));
    if (filter.orgPath) q = q.where('iam_org.path', 'like', `${likeEscape(filter.orgPath)}%`);
    if (filter.q) {
      const needle = filter.q;
      q = q.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('iam_user.username'), needle),
          this.dialect.containsInsensitive(eb.ref('iam_user.display_name'), needle),
        ]),
      );
    }
    return q;
  }
  listUsers(filter: UserListFilter, offset: number, limit: number): Promise<(UserRow & { org_name: string; org_path: string })[]> {
    return this.usersIn(filter)
      .selectAll('iam_user')
      .select(['iam_org.name as org_name', 'iam_org.path as org_path'])
      .orderBy('iam_user.username')
      .offset(offset)
      .limit(limit)
      .execute();
  }
  async countUsers(filter: UserListFilter): Promise<number> {
    const row = await this.usersIn(filter).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async countUsersInOrg(orgId: string): Promise<number> {
    const row = await this.db.selectFrom('iam_user').select(sql<number>`cast(count(*) as integer)`.as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // role grants
  grantsOf(userIds: string[]): Promise<GrantRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('iam_role_grant')
      .innerJoin('iam_org', 'iam_org.id', 'iam_role_grant.org_id')
      .selectAll('iam_role_grant')
      .select(['iam_org.path as org_path', 'iam_org.name as org_name'])
      .where('iam_role_grant.user_id', 'in', userIds)
      .orderBy('iam_role_grant.created_at')
      .execute();
  }
  findGrant(id: string): Promise<GrantRow | undefined> {
    return this.db
      .selectFrom('iam_role_grant')
      .innerJoin('iam_org', 'iam_org.id', 'iam_role_grant.org_id')
      .selectAll('iam_role_grant')
      .select(['iam_org.path as org_path', 'iam_org.name as org_name'])
      .where('iam_role_grant.id', '=', id)
      .executeTakeFirst();
  }
  async insertGrant(row: Selectable<RoleGrantTable>): Promise<void> {
    await this.db.insertInto('iam_role_grant').values(row).execute();
  }
  async deleteGrant(id: string): Promise<void> {
    await this.db.deleteFrom('iam_role_grant').where('id', '=', id).execute();
  }
  async countGrantsInOrg(orgId: string): Promise<number> {
    const row = await this.db.selectFrom('iam_role_grant').select(sql<number>`cast(count(*) as integer)`.as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async countActiveSysadmins(): Promise<number> {
    const row = await this.db
      .selectFrom('iam_role_grant')
      .innerJoin('iam_user', 'iam_user.id', 'iam_role_grant.user_id')
      .select(sql<number>`cast(count(distinct iam_user.id) as integer)`.as('n'))
      .where('iam_role_grant.role', '=', 'sysadmin')
      .where('iam_user.active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // sessions
  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('iam_session').values(row).execute();
  }
  findSession(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('iam_session').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async touchSession(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('iam_session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('iam_session').where('id', '=', id).execute();
  }
  async deleteSessionsOfUser(userId: string, exceptId?: string): Promise<void> {
    let q = this.db.deleteFrom('iam_session').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  }

  // API tokens
  async insertToken(row: TokenRow): Promise<void> {
    await this.db.insertInto('iam_api_token').values(row).execute();
  }
  findTokenByHash(hash: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('iam_api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }
  findToken(id: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('iam_api_token').selectAll().where('id', '=', id).executeTakeFirst();
  }
  listTokens(userIds: string[] | null): Promise<(TokenRow & { user_name: string })[]> {
    let q = this.db
      .selectFrom('iam_api_token')
      .innerJoin('iam_user', 'iam_user.id', 'iam_api_token.user_id')
      .selectAll('iam_api_token')
      .select('iam_user.display_name as user_name')
      .orderBy('iam_api_token.created_at', 'desc');
    if (userIds !== null) q = q.where('iam_api_token.user_id', 'in', userIds.length ? userIds : ['']);
    return q.execute();
  }
  async updateToken(id: string, patch: Partial<TokenRow>): Promise<void> {
    await this.db.updateTable('iam_api_token').set(patch).where('id', '=', id).execute();
  }
}
