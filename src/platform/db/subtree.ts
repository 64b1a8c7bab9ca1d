import { sql, type Expression, type SqlBool } from 'kysely';
import { likeEscape } from './dialect/types.ts';

/**
 * SQL for "the row's organisation path lies in one of these subtrees" (the list side of `can`).
 * `roots` null = unrestricted; an empty list matches nothing.
 */
export function inSubtrees(pathColumn: Expression<string | null>, roots: string[] | null): Expression<SqlBool> {
  if (roots === null) return sql<SqlBool>`1 = 1`;
  if (roots.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    roots.map((r) => sql`${pathColumn} like ${`${likeEscape(r)}%`} escape '\\'`),
    sql` or `,
  )})`;
}
