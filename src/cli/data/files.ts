// Backup files on disk: recognising their format, and SQLite files opened outside the configured database.
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { sqliteDialect } from '../../platform/db/dialect/sqlite.ts';
import { CliError } from '../io.ts';

export type BackupFormat = 'sqlite' | 'pg' | 'json';

/** Recognises a backup by its first bytes: SQLite header, pg_dump custom archive, or a JSON object. */
export function detectFormat(file: string): BackupFormat {
  if (!existsSync(file)) throw new CliError(`备份文件不存在：${file}`);
  if (statSync(file).isDirectory()) throw new CliError(`${file} 是目录，不是备份文件`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  if (n >= 16 && head.toString('latin1', 0, 16) === 'SQLite format 3\0') return 'sqlite';
  if (n >= 5 && head.toString('latin1', 0, 5) === 'PGDMP') return 'pg';
  if (head.toString('utf8', 0, n).trimStart().startsWith('{')) return 'json';
  throw new CliError(`无法识别备份文件的格式：${file}（应为 SQLite 数据库、pg_dump 自定义格式或 Gongkai JSON 导出）`);
}

/** An SQLite file other than the configured one (a backup), wrapped like the app's own database. */
export function openSqliteFile(file: string, options: { readonly: boolean }): Database {
  const handle = new Sqlite(file, { readonly: options.readonly, fileMustExist: true });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
  return { db, dialect: sqliteDialect, sqlite: handle, close: () => db.destroy() };
}

/**
 * Whether another process (a running server) has the SQLite file open. In WAL mode readers do not lock the
 * file itself, but an exclusive-mode transaction fails at once while any other connection exists.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const handle = new Sqlite(file, { fileMustExist: true, timeout: 0 });
  try {
    handle.pragma('locking_mode = EXCLUSIVE');
    handle.exec('BEGIN EXCLUSIVE');
    handle.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    handle.close();
  }
}

/** Stops a command (`action`: 恢复, 整理 …) that needs the SQLite file to itself while a server has it open. */
export function refuseIfInUse(file: string, action = '恢复'): void {
  if (sqliteInUse(file)) {
    throw new CliError(`数据库 ${file} 正被其他进程使用（Gongkai 服务是否仍在运行？）。请先停止服务再${action}。`);
  }
}

/** Turns a finished SQLite backup into one self-contained file (rollback journal, no -wal/-shm needed). */
export function finaliseSqliteFile(file: string): void {
  const handle = new Sqlite(file, { fileMustExist: true });
  try {
    handle.pragma('journal_mode = DELETE');
  } finally {
    handle.close();
  }
}

/** Replaces `target` with `source` atomically, dropping the target's stale WAL files. */
export function replaceSqliteFile(source: string, target: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
  renameSync(source, target);
}

export const fileSize = (file: string) => statSync(file).size;
