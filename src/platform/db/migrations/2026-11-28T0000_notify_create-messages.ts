import type { Kysely } from 'kysely';

// Notifications (platform/notify): outgoing SMS / e-mail waiting for a gateway, and one-time verification codes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ntf_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('scrub', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('ntf_message_due').on('ntf_message').columns(['sent_at', 'available_at']).execute();
  await db.schema.createIndex('ntf_message_ref').on('ntf_message').column('ref').execute();

  await db.schema
    .createTable('ntf_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('ntf_code_recipient').on('ntf_code').columns(['recipient_hash', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ntf_code').execute();
  await db.schema.dropTable('ntf_message').execute();
}
