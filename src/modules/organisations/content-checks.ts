import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ContentCheck, OrgReference } from './organisations.service.ts';

/** A content check that counts the rows of `table` whose `column` holds the organisation's id. */
export function rowsHeldIn(table: keyof DB & string, column: string, label: ContentCheck['label']): ContentCheck {
  return {
    label,
    reference: { table, column },
    count: async (db, orgId) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${orgId}`.execute(
        db,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** Deletes the rows of `ref.table` whose `ref.column` holds the organisation's id; returns how many. */
export async function deleteRowsOf(db: Kysely<DB>, ref: OrgReference, orgId: string): Promise<number> {
  const result = await sql`delete from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${orgId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
