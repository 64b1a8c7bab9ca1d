import { sql } from 'kysely';
import { likeEscape, type SqlDialect } from './types.ts';

const code = (err: unknown) => (err as { code?: string } | null)?.code ?? '';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  containsInsensitive: (column, needle) => sql<boolean>`${column} LIKE ${'%' + likeEscape(needle) + '%'} ESCAPE '\\'`,
  isUniqueViolation: (err) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(code(err)),
  isForeignKeyViolation: (err) => code(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  lockForTransaction: async () => {},
};
