import type { Kysely } from 'kysely';

// The hash-chained publication ledger (DESIGN §3): one row per publication, withdrawal or unpublication, each
// carrying the hash of the published content and of the previous row. Append-only: nothing updates or deletes it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pub_ledger')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('pub_ledger_document').on('pub_ledger').columns(['document_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pub_ledger').execute();
}
