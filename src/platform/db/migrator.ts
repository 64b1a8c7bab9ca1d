import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Kysely does not wrap SQLite migrations in a transaction (SqliteAdapter has no transactional DDL),
 * so each SQLite migration is wrapped here; PostgreSQL runs the whole batch in one transaction.
 */
function provider(database: Database): MigrationProvider {
  const wrap = (m: Migration): Migration =>
    database.dialect.name === 'sqlite'
      ? {
          up: (db) => db.transaction().execute((trx) => m.up(trx)),
          down: m.down ? (db) => db.transaction().execute((trx) => m.down!(trx)) : undefined,
        }
      : m;
  return {
    getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([k, m]) => [k, wrap(m)])),
  };
}

export function createMigrator(database: Database): Migrator {
  return new Migrator({ db: database.db, provider: provider(database) });
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(database).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败 / migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationStatus(database: Database): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await createMigrator(database).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
