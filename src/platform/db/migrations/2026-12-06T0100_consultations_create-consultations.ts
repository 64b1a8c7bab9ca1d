import type { Kysely } from 'kysely';

// Consultations on drafts (意见征集) with their comments and, apart, commenters' contact data; the annual catalog of
// major administrative decisions (重大行政决策) with the five statutory procedures per item.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('con_consultation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('draft_text', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('shortened_reason', 'text')
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('withdraw_reason', 'text')
    .addColumn('result_summary', 'text')
    .addColumn('result_published_at', 'text')
    .addColumn('final_document_id', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('con_consultation_org').on('con_consultation').columns(['org_path', 'opens_on']).execute();
  await db.schema.createIndex('con_consultation_state').on('con_consultation').columns(['state', 'closes_on']).execute();
  await db.schema.createIndex('con_consultation_final').on('con_consultation').columns(['final_document_id']).execute();

  await db.schema
    .createTable('con_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('con_consultation.id'))
    .addColumn('anchor', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dup_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('con_comment_dup').on('con_comment').columns(['consultation_id', 'dup_key']).unique().execute();
  await db.schema.createIndex('con_comment_list').on('con_comment').columns(['consultation_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('con_commenter')
    .addColumn('comment_id', 'text', (c) => c.primaryKey().references('con_comment.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('dec_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consultation_id', 'text')
    .addColumn('decision_document_id', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dec_item_org_year').on('dec_item').columns(['org_path', 'year']).execute();

  await db.schema
    .createTable('dec_procedure')
    .addColumn('item_id', 'text', (c) => c.notNull().references('dec_item.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    .addColumn('document_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dec_procedure_pk', ['item_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dec_procedure', 'dec_item', 'con_commenter', 'con_comment', 'con_consultation']) await db.schema.dropTable(t).execute();
}
