import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { loadConfig, ConfigError } from '../platform/config/load.ts';
import type { Config } from '../platform/config/schema.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrationStatus } from '../platform/db/migrator.ts';
import { createServices, type Services } from '../container.ts';
import { systemActor, type Actor } from '../platform/authz/actor.ts';
import { AppError } from '../platform/errors.ts';
import { renderError } from '../platform/http/error-handler.ts';

/** Where a command reads its settings and writes its output; tests pass their own. */
export type CliIO = {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars) or a pipe/log (plain lines). */
  tty: boolean;
};

export const processIO = (): CliIO => ({
  env: process.env,
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
});

/** An error the operator can fix: printed as its message only, with this exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Prints an error for the terminal (never a stack for errors we expect) and returns the exit code. */
export function reportError(io: CliIO, err: unknown): number {
  if (err instanceof ConfigError || err instanceof CliError) {
    io.err(`${err.message}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
  if (err instanceof AppError) {
    const { error } = renderError(err, 'zh');
    io.err(`错误：${error.message}\n`);
    for (const f of error.fields ?? []) if (!error.message.includes(`${f.path} ${f.message}`)) io.err(`  - ${f.path}：${f.message}\n`);
    return 1;
  }
  const e = err as Error;
  io.err(`内部错误：${e?.message ?? String(err)}\n`);
  if (io.env.GONGKAI_LOG_LEVEL === 'debug' || io.env.GONGKAI_LOG_LEVEL === 'trace') io.err(`${e?.stack ?? ''}\n`);
  return 1;
}

/** The actor recorded in the audit log for CLI work: the system, named after the OS user. */
export function cliActor(): Actor {
  let who = '';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return systemActor(who ? `命令行（${who}）` : '命令行');
}

export const config = (io: CliIO): Config => loadConfig(io.env, io.cwd);

export function describeTarget(cfg: Config): string {
  return cfg.database === 'postgres' ? `PostgreSQL ${maskUrl(cfg.databaseUrl)}` : `SQLite ${cfg.sqliteFile}`;
}

/** Hides the password of a connection string. */
export function maskUrl(url: string): string {
  if (!url) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
  }
}

/** Refuses to go on (and to create an empty file as a side effect) when the SQLite database is missing. */
export function assertSqliteExists(file: string): void {
  if (!existsSync(file)) throw new CliError(`数据库不存在：${file}\n请检查 GONGKAI_DATA_DIR，或先运行 gongkai migrate / gongkai serve。`);
}

/** Opens the configured database; `mustExist` refuses to create an empty SQLite file as a side effect. */
export function openConfigured(cfg: Config, options: { mustExist: boolean }): Database {
  if (options.mustExist && cfg.database === 'sqlite') assertSqliteExists(cfg.sqliteFile);
  return openDatabase({ databaseUrl: cfg.databaseUrl, sqliteFile: cfg.sqliteFile, poolSize: 2, sqliteMmapMb: cfg.sqliteMmapMb });
}

/** Runs `work` with every service on an up-to-date database, and closes the database afterwards. */
export async function withServices<T>(io: CliIO, work: (services: Services) => Promise<T>): Promise<T> {
  const cfg = config(io);
  const database = openConfigured(cfg, { mustExist: true });
  try {
    const pending = (await migrationStatus(database)).filter((m) => !m.executedAt);
    if (pending.length > 0) {
      throw new CliError(`数据库有 ${pending.length} 个待执行的迁移，请先运行 gongkai migrate。`);
    }
    const silent = { error() {}, warn() {} };
    const services = createServices(database, cfg, silent as never);
    // Commands that compute deadlines read the calendar synchronously: load the administrators' overrides first.
    await services.calendar.load();
    return await work(services);
  } finally {
    await database.close();
  }
}
