import { sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ContentCheck } from './organisations.service.ts';

/** A content check that counts the rows of `table` whose `column` holds the organisation's id. */
export function rowsHeldIn(table: keyof DB & string, column: string, label: ContentCheck['label']): ContentCheck {
  return {
    label,
    count: async (db, orgId) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${orgId}`.execute(
        db,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
