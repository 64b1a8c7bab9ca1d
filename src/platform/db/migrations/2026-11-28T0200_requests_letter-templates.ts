import type { Kysely } from 'kysely';

// Answer-letter templates (政府信息公开申请答复书): the platform default (owner 'platform') and one per organisation
// that chose its own wording; an organisation without one uses its nearest ancestor's.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('req_letter_template')
    .addColumn('owner', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('reconsideration_body', 'text', (c) => c.notNull())
    .addColumn('court', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('req_letter_template').execute();
}
