import type { Kysely } from 'kysely';

// Policy Q&A (qa_), executive meetings (mtg_) and business-environment feedback (fbk_); see docs/participation.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('topic', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('publish_wanted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_on', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_item_state').on('qa_item').columns(['state', 'published_at']).execute();
  await db.schema.createIndex('qa_item_org').on('qa_item').columns(['org_path', 'state']).execute();
  await db.schema.createIndex('qa_item_dedupe').on('qa_item').columns(['dedupe_key', 'created_at']).execute();
  await db.schema
    .createTable('qa_asker')
    .addColumn('qa_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .execute();
  await db.schema
    .createTable('qa_link')
    .addColumn('qa_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_link_pk', ['qa_id', 'document_id'])
    .execute();
  await db.schema.createIndex('qa_link_document').on('qa_link').column('document_id').execute();

  await db.schema
    .createTable('mtg_meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('press_release', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('participation', 'text', (c) => c.notNull())
    .addColumn('document_ids', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mtg_meeting_held').on('mtg_meeting').columns(['state', 'held_on']).execute();

  await db.schema
    .createTable('fbk_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fbk_case_org').on('fbk_case').columns(['org_path', 'state']).execute();
  await db.schema.createIndex('fbk_case_month').on('fbk_case').columns(['month', 'org_id']).execute();
  await db.schema.createIndex('fbk_case_dedupe').on('fbk_case').columns(['dedupe_key', 'created_at']).execute();
  await db.schema
    .createTable('fbk_contact')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('company', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['fbk_contact', 'fbk_case', 'mtg_meeting', 'qa_link', 'qa_asker', 'qa_item']) await db.schema.dropTable(t).execute();
}
