import { sql, type Kysely } from 'kysely';

// Normative documents: the validity status stored on the document (kept current by publishing, effects and the
// daily maintenance task, which selects by validity_next_on), and administrator-defined themed categories (专题).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('doc_document')
    .addColumn('validity_status', 'text', (c) =>
      c.check(sql`validity_status in ('not_yet_in_force','in_force','amended','suspended','expired','repealed')`),
    )
    .execute();
  // The day the stored status was computed for, and the next day it may change by the calendar alone.
  await db.schema.alterTable('doc_document').addColumn('validity_status_on', 'text').execute();
  await db.schema.alterTable('doc_document').addColumn('validity_next_on', 'text').execute();
  await db.schema.createIndex('doc_document_validity').on('doc_document').columns(['normative_kind', 'validity_status']).execute();
  await db.schema.createIndex('doc_document_validity_next').on('doc_document').column('validity_next_on').execute();

  await db.schema
    .createTable('doc_theme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // JSON array of 主题分类 codes: a published document with one of these topics belongs to the theme.
    .addColumn('topic_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('doc_theme_name', ['org_id', 'name'])
    .execute();
  await db.schema
    .createTable('doc_theme_item')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('doc_theme.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_theme_item_pk', ['theme_id', 'document_id'])
    .execute();
  await db.schema.createIndex('doc_theme_item_document').on('doc_theme_item').column('document_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('doc_theme_item').execute();
  await db.schema.dropTable('doc_theme').execute();
  await db.schema.dropIndex('doc_document_validity_next').execute();
  await db.schema.dropIndex('doc_document_validity').execute();
  for (const c of ['validity_next_on', 'validity_status_on', 'validity_status']) await db.schema.alterTable('doc_document').dropColumn(c).execute();
}
