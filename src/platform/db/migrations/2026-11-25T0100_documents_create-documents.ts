import { sql, type Kysely } from 'kysely';

// The first slice of the documents module: drafts owned by an organisation. The publishing issue extends it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft')`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('iam_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_document_org').on('doc_document').column('org_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('doc_document').execute();
}
