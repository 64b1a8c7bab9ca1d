import { sql } from 'kysely';
import { likeEscape, type SqlDialect } from './types.ts';

const code = (err: unknown) => (err as { code?: string } | null)?.code ?? '';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  containsInsensitive: (column, needle) => sql<boolean>`${column} ILIKE ${'%' + likeEscape(needle) + '%'} ESCAPE '\\'`,
  isUniqueViolation: (err) => code(err) === '23505',
  isForeignKeyViolation: (err) => code(err) === '23503',
  lockForTransaction: async (db, key) => {
    await sql`select pg_advisory_xact_lock(${key})`.execute(db);
  },
};
