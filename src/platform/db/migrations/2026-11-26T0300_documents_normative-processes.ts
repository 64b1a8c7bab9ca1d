import { sql, type Kysely } from 'kysely';

// 备案审查 (filing review) of normative documents and 规范性文件清理 (clean-up campaigns). Organisation ids are
// references only; a filing keeps the authority it was addressed to even if the setting changes later.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_filing_authority')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('iam_org.id'))
    .addColumn('authority_org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('doc_filing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('doc_document.id'))
    .addColumn('issuer_org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('authority_org_id', 'text', (c) => c.references('iam_org.id'))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('due','filed','reviewed')`))
    .addColumn('filed_on', 'text')
    .addColumn('filed_by', 'text')
    .addColumn('filing_note', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('result', 'text', (c) => c.check(sql`result in ('passed','correction','revoked')`))
    .addColumn('opinion', 'text')
    .addColumn('revoked_from', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('decision_document_id', 'text', (c) => c.references('doc_document.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_filing_authority_state').on('doc_filing').columns(['authority_org_id', 'state']).execute();
  await db.schema.createIndex('doc_filing_state_due').on('doc_filing').columns(['state', 'due_on']).execute();

  await db.schema
    .createTable('doc_cleanup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('iam_org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope_before', 'text')
    .addColumn('scope_note', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft','published')`))
    .addColumn('published_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('result_document_id', 'text', (c) => c.references('doc_document.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_cleanup_org').on('doc_cleanup').columns(['org_id', 'state']).execute();

  await db.schema
    .createTable('doc_cleanup_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cleanup_id', 'text', (c) => c.notNull().references('doc_cleanup.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('doc_document.id'))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('keep','amend','repeal','expire')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('doc_cleanup_item_unique', ['cleanup_id', 'document_id'])
    .execute();
  await db.schema.createIndex('doc_cleanup_item_document').on('doc_cleanup_item').column('document_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['doc_cleanup_item', 'doc_cleanup', 'doc_filing', 'doc_filing_authority']) await db.schema.dropTable(t).execute();
}
