import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';
import type { SqlDialect } from './dialect/types.ts';
import { sqliteDialect } from './dialect/sqlite.ts';
import { postgresDialect } from './dialect/postgres.ts';

export type Database = {
  db: Kysely<DB>;
  dialect: SqlDialect;
  /** Present on SQLite: the raw handle, for online backup. */
  sqlite?: Sqlite.Database;
  close(): Promise<void>;
};

export type DatabaseOptions = { databaseUrl?: string; sqliteFile: string; poolSize?: number };

// pg returns int8 (count(*), bigint) as strings; every count we keep fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: postgresDialect, close: () => db.destroy() };
  }
  if (options.sqliteFile !== ':memory:') mkdirSync(dirname(options.sqliteFile), { recursive: true });
  const handle = new Sqlite(options.sqliteFile);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
  return { db, dialect: sqliteDialect, sqlite: handle, close: () => db.destroy() };
}
