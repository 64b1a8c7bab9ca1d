import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
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

/**
 * Tables that keep a copy of an organisation's materialised path in an `org_path` column (for subtree filters
 * without a join). Moving an organisation must rewrite them in the same transaction, or its rows stay filed under
 * the old place (visible to the old parent's staff, invisible to the new one's). Each module declares its tables;
 * the organisations service rewrites them; a test checks that every `org_path` column is declared.
 */
export type OrgPathCopy = {
  table: string;
  /** Instead of `rewriteOrgPaths`, for a table whose rows carry more than the column (the search index). */
  rewrite?: (db: Kysely<any>, from: string, to: string) => Promise<number>;
};

/** Rewrites the prefix `from` to `to` in `table.org_path` (both end with '/'). */
export async function rewriteOrgPaths(db: Kysely<any>, table: string, from: string, to: string): Promise<number> {
  const res = await sql`update ${sql.table(table)} set org_path = ${to} || substr(org_path, ${from.length + 1})
    where org_path like ${`${likeEscape(from)}%`} escape '\\'`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}
