import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Driver } from 'kysely';
import { ConfigError } from '../config/load.ts';
import { settings } from '../config/schema.ts';
import type { DB } from './schema.ts';
import type { SqlDialect } from './dialect/types.ts';
import { sqliteDialect } from './dialect/sqlite.ts';
import { postgresDialect } from './dialect/postgres.ts';
import { RootQueryInTransactionError, insideTransaction } from './transaction-scope.ts';

export type Database = {
  db: Kysely<DB>;
  dialect: SqlDialect;
  /** Present on SQLite: the raw handle, for online backup. */
  sqlite?: Sqlite.Database;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  sqliteFile: string;
  poolSize?: number;
  /** SQLite: how much of the file is read through a memory map (MB; 0 = none). */
  sqliteMmapMb?: number;
};

// pg returns int8 (count(*), bigint) as strings; every count we keep fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection error: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: postgresDialect, close: () => db.destroy() };
  }
  if (options.sqliteFile !== ':memory:') mkdirSync(dirname(options.sqliteFile), { recursive: true });
  const handle = new Sqlite(options.sqliteFile);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): index writes and full-text merges touch many pages.
  handle.pragma('cache_size = -65536');
  // Read through a memory map (default: GONGKAI_SQLITE_MMAP_MB's): a page comes straight from the OS page cache
  // instead of being copied into SQLite's, which made searches at 1M documents ~20 % faster (ADR 0009). SQLite maps
  // at most its compile-time limit (2 GiB in better-sqlite3's build); writes still go through the WAL.
  handle.pragma(`mmap_size = ${Math.max(0, Math.trunc(options.sqliteMmapMb ?? settings.sqliteMmapMb.default)) * 1_048_576}`);
  const db = new Kysely<DB>({ dialect: new GuardedSqliteDialect({ database: handle }) });
  return { db, dialect: sqliteDialect, sqlite: handle, close: () => db.destroy() };
}

/** Fails early, naming the setting to fix, when the database cannot be reached (e.g. not created yet). */
export async function assertReachable(database: Database, options: DatabaseOptions): Promise<void> {
  try {
    await sql`select 1`.execute(database.db);
  } catch (err) {
    const reason = (err as Error).message;
    if (options.databaseUrl) {
      const shown = options.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
      const name = new URL(options.databaseUrl).pathname.slice(1);
      throw new ConfigError([
        `DATABASE_URL=${shown}: 无法连接 PostgreSQL（${reason}）。数据库不存在时请先创建，例如 createdb ${name} / cannot connect`,
      ]);
    }
    throw new ConfigError([`GONGKAI_DATA_DIR: 无法打开 SQLite 数据库 ${options.sqliteFile}（${reason}）/ cannot open the database`]);
  }
}

/**
 * SQLite's one connection is held by an open transaction: asking for it from inside that transaction's work
 * (a root query or a nested transaction) would wait forever, so it fails at once (transaction-scope.ts).
 */
class GuardedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = () => (insideTransaction() ? Promise.reject(new RootQueryInTransactionError()) : acquire());
    return driver;
  }
}
