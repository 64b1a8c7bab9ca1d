import type { Kysely } from 'kysely';

// Disclosure on application (依申请公开): cases, applicants (personal data apart), the event ledger, files,
// reconsideration/litigation records, deadline notifications and the tracking-number counter.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('req_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('info_title', 'text', (c) => c.notNull())
    .addColumn('info_doc_number', 'text')
    .addColumn('info_description', 'text')
    .addColumn('info_key', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('suggest_proactive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('answer_text', 'text')
    .addColumn('answer_basis', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('handler_id', 'text')
    .addColumn('proactive_document_id', 'text')
    .addColumn('transferred_to_case_id', 'text')
    .addColumn('transferred_from_case_id', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('req_case_org').on('req_case').columns(['org_path', 'received_on']).execute();
  await db.schema.createIndex('req_case_stats').on('req_case').columns(['org_id', 'received_on']).execute();
  await db.schema.createIndex('req_case_info_key').on('req_case').columns(['info_key']).execute();

  await db.schema
    .createTable('req_applicant')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .execute();
  await db.schema.createIndex('req_applicant_id_hash').on('req_applicant').columns(['id_hash']).execute();

  await db.schema
    .createTable('req_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('req_event_case_seq').on('req_event').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('req_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('req_file_case').on('req_file').columns(['case_id', 'kind']).execute();

  await db.schema
    .createTable('req_remedy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('req_remedy_case').on('req_remedy').columns(['case_id']).execute();
  await db.schema.createIndex('req_remedy_org').on('req_remedy').columns(['org_id', 'filed_on']).execute();

  await db.schema
    .createTable('req_notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('req_notification_once').on('req_notification').columns(['case_id', 'kind', 'day']).unique().execute();

  await db.schema
    .createTable('req_counter')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['req_counter', 'req_notification', 'req_remedy', 'req_file', 'req_event', 'req_applicant', 'req_case']) await db.schema.dropTable(t).execute();
}
