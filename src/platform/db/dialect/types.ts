import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';

/** The only place SQLite and PostgreSQL differ at run time. Repositories never branch on `name`. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Case-insensitive substring match (ILIKE on PostgreSQL, LIKE on SQLite). */
  containsInsensitive(column: Expression<unknown>, needle: string): RawBuilder<SqlBool>;
  isUniqueViolation(err: unknown): boolean;
  isForeignKeyViolation(err: unknown): boolean;
  /**
   * Serialises writers of one logical resource until the transaction ends (PostgreSQL advisory lock; SQLite
   * already has a single writer). For append-only chains where the next row depends on the last one.
   */
  lockForTransaction(db: Kysely<any>, key: number): Promise<void>;
}

/** Escapes LIKE wildcards so user input is matched literally (with `ESCAPE '\'`). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
