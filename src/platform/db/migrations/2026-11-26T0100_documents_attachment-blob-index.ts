import type { Kysely } from 'kysely';

// Attachments share blobs by SHA-256 (a new edition copies its attachments by reference): deleting one looks up
// whether any other attachment still uses the blob before the blob itself is removed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('doc_attachment_sha256').on('doc_attachment').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('doc_attachment_sha256').execute();
}
