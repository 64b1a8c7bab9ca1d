import { sql, type Kysely } from 'kysely';

// Documents and their editions (copy-on-write), links between documents, effects of later documents on earlier
// ones (legislation.gov.uk model), attachments, and each organisation's disclosure catalog.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document','interpretation')`))
    .addColumn('normative_kind', 'text', (c) => c.check(sql`normative_kind in ('normative','rule')`))
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('registration_no', 'text', (c) => c.unique())
    .addColumn('published_edition_id', 'text')
    .addColumn('open_edition_id', 'text')
    .addColumn('public_state', 'text', (c) => c.notNull().defaultTo('none').check(sql`public_state in ('none','published','withdrawn','unpublished')`))
    .addColumn('replacement_document_id', 'text')
    // Bulk import: where the document came from and a hash of its content, so re-running an import changes nothing.
    .addColumn('source_key', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('created_by', 'text', (c) => c.references('iam_user.id')) // null: created by the system (import, jobs)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_document_org').on('doc_document').column('org_id').execute();
  await db.schema.createIndex('doc_document_source').on('doc_document').columns(['org_id', 'source_key']).unique().execute();

  await db.schema
    .createTable('doc_edition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('version_major', 'integer', (c) => c.notNull())
    .addColumn('version_minor', 'integer', (c) => c.notNull())
    .addColumn('change_type', 'text', (c) => c.notNull().check(sql`change_type in ('major','minor')`))
    .addColumn('change_note', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('doc_no', 'text')
    .addColumn('doc_no_norm', 'text')
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('written_on', 'text')
    .addColumn('effective_from', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('disclosure', 'text', (c) => c.notNull().defaultTo('proactive').check(sql`disclosure in ('proactive','on_request','withheld')`))
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0).check(sql`urgent in (0,1)`))
    .addColumn('ended_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('iam_user.id')) // null: created by the system (import, jobs)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_edition_document').on('doc_edition').columns(['document_id', 'version_major', 'version_minor']).unique().execute();
  await db.schema.createIndex('doc_edition_doc_no').on('doc_edition').column('doc_no_norm').execute();
  await db.schema.createIndex('doc_edition_state').on('doc_edition').columns(['state', 'scheduled_at']).execute();

  await db.schema
    .createTable('doc_edition_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('doc_edition.id'))
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_edition_history_edition').on('doc_edition_history').column('edition_id').execute();

  await db.schema
    .createTable('doc_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('to_document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('interprets','amends','repeals','replaces','implements','related')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('doc_link_unique', ['from_document_id', 'to_document_id', 'type'])
    .execute();
  await db.schema.createIndex('doc_link_to').on('doc_link').column('to_document_id').execute();

  await db.schema
    .createTable('doc_effect')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('affecting_document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('affected_document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('affected_article', 'text')
    .addColumn('in_force_on', 'text', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0).check(sql`applied in (0,1)`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_effect_affected').on('doc_effect').column('affected_document_id').execute();

  await db.schema
    .createTable('doc_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('doc_edition.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('accessible', 'integer', (c) => c.notNull().defaultTo(0).check(sql`accessible in (0,1)`))
    .addColumn('html_version_of', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_attachment_edition').on('doc_attachment').column('edition_id').execute();

  await db.schema
    .createTable('doc_column')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('parent_id', 'text', (c) => c.references('doc_column.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('update_days', 'integer')
    .addColumn('template', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('doc_column_code', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('doc_column_item')
    .addColumn('column_id', 'text', (c) => c.notNull().references('doc_column.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_column_item_pk', ['column_id', 'document_id'])
    .execute();
  await db.schema.createIndex('doc_column_item_document').on('doc_column_item').column('document_id').execute();

  await db.schema
    .createTable('doc_sequence')
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_sequence_pk', ['org_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['doc_sequence', 'doc_column_item', 'doc_column', 'doc_attachment', 'doc_effect', 'doc_link', 'doc_edition_history', 'doc_edition', 'doc_document']) {
    await db.schema.dropTable(t).execute();
  }
}
