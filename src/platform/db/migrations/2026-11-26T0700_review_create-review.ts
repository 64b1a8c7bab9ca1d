import type { Kysely } from 'kysely';

// Pre-publication review (issue 4): dictionaries, stored findings per edition, overrides, review steps and their
// signatures, the 三同步 rules and interpretation plans, and the re-scan queue of published content.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rev_dictionary_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('correct', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_dictionary_word_kind').on('rev_dictionary_entry').columns(['kind', 'word']).unique().execute();

  // Small key/value state: the dictionary version counter (instances recompile when it moves) and the re-scan cursor.
  await db.schema
    .createTable('rev_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rev_scan')
    .addColumn('edition_id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('dictionary_version', 'integer', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rev_finding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('blocking', 'integer', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('attachment_id', 'text')
    .addColumn('filename', 'text')
    .addColumn('page', 'integer')
    .addColumn('sheet', 'text')
    .addColumn('cell', 'text')
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_finding_edition').on('rev_finding').columns(['edition_id', 'seq']).execute();

  await db.schema
    .createTable('rev_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('finding_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('document_title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_override_edition').on('rev_override').columns(['edition_id', 'finding_key']).unique().execute();
  await db.schema.createIndex('rev_override_org').on('rev_override').columns(['org_path', 'created_at']).execute();

  await db.schema
    .createTable('rev_step_config')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rev_signoff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('step_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_signoff_step').on('rev_signoff').columns(['edition_id', 'step_index']).unique().execute();

  await db.schema
    .createTable('rev_interpretation_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_interpretation_rule_unique').on('rev_interpretation_rule').columns(['match', 'value']).unique().execute();

  await db.schema
    .createTable('rev_interpretation_plan')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('document_title', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rev_queue_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('document_title', 'text', (c) => c.notNull())
    .addColumn('finding_keys', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rev_queue_org').on('rev_queue_item').columns(['status', 'org_path']).execute();
  await db.schema.createIndex('rev_queue_edition').on('rev_queue_item').columns(['edition_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rev_queue_item', 'rev_interpretation_plan', 'rev_interpretation_rule', 'rev_signoff', 'rev_step_config', 'rev_override', 'rev_finding', 'rev_scan', 'rev_state', 'rev_dictionary_entry']) {
    await db.schema.dropTable(t).execute();
  }
}
