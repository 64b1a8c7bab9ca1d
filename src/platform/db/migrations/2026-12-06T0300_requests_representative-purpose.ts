import type { Kysely } from 'kysely';

// The legal representative (法定代表人或负责人) of an applicant organisation and the purpose an applicant may state
// (用途; not required by the 条例 since 2019), kept as fields instead of being folded into the description.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('req_applicant').addColumn('legal_representative', 'text').execute();
  await db.schema.alterTable('req_case').addColumn('info_purpose', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('req_case').dropColumn('info_purpose').execute();
  await db.schema.alterTable('req_applicant').dropColumn('legal_representative').execute();
}
