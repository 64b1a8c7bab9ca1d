import type { Expression, RawBuilder, SqlBool } from 'kysely';

/** The only place SQLite and PostgreSQL differ at run time. Repositories never branch on `name`. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Case-insensitive substring match (ILIKE on PostgreSQL, LIKE on SQLite). */
  containsInsensitive(column: Expression<unknown>, needle: string): RawBuilder<SqlBool>;
  isUniqueViolation(err: unknown): boolean;
  isForeignKeyViolation(err: unknown): boolean;
}

/** Escapes LIKE wildcards so user input is matched literally (with `ESCAPE '\'`). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
