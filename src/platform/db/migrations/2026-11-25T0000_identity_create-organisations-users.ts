import { sql, type Kysely } from 'kysely';

// Portable subset only: text ids, ISO text instants, integer 0/1 booleans, JSON as text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('iam_org')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('iam_org.id'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('city','county','township','village','department','institution')`),
    )
    .addColumn('division_code', 'text', (c) => c.unique())
    .addColumn('uscc', 'text', (c) => c.unique())
    .addColumn('site_code', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0,1)`))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('iam_org_parent').on('iam_org').column('parent_id').execute();

  await db.schema
    .createTable('iam_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0,1)`))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('iam_user_org').on('iam_user').column('org_id').execute();

  await db.schema
    .createTable('iam_role_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('iam_user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('iam_role_grant_unique', ['user_id', 'role', 'org_id'])
    .execute();
  await db.schema.createIndex('iam_role_grant_org').on('iam_role_grant').column('org_id').execute();

  await db.schema
    .createTable('iam_session')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie value, never the value itself
    .addColumn('user_id', 'text', (c) => c.notNull().references('iam_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('iam_session_user').on('iam_session').column('user_id').execute();

  await db.schema
    .createTable('iam_api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('iam_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('aud_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('org_path', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('aud_log_at').on('aud_log').column('at').execute();
  await db.schema.createIndex('aud_log_org').on('aud_log').columns(['org_path', 'at']).execute();
  await db.schema.createIndex('aud_log_entity').on('aud_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('aud_log_actor').on('aud_log').columns(['actor_id', 'at']).execute();

  await db.schema
    .createTable('sys_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('sys_outbox_pending').on('sys_outbox').columns(['processed_at', 'available_at']).execute();

  await db.schema
    .createTable('sys_rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['sys_rate_limit', 'sys_outbox', 'aud_log', 'iam_api_token', 'iam_session', 'iam_role_grant', 'iam_user', 'iam_org']) {
    await db.schema.dropTable(t).execute();
  }
}
