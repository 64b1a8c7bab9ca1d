import type { Kysely } from 'kysely';

// The text around each finding (other findings masked), so a reviewer sees an attachment's finding in context.
// Findings scanned before this have none until their next scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rev_finding').addColumn('context_before', 'text').execute();
  await db.schema.alterTable('rev_finding').addColumn('context_after', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rev_finding').dropColumn('context_after').execute();
  await db.schema.alterTable('rev_finding').dropColumn('context_before').execute();
}
