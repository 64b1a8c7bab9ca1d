import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../platform/config/schema.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrator.ts';
import { migrations as knownMigrations } from '../platform/db/migrations/index.ts';
import { CliError, config, describeTarget, openConfigured, type CliIO } from './io.ts';
import { createProgress, type Progress } from './progress.ts';
import { parseExport } from './data/export.ts';
import { detectFormat, openSqliteFile, refuseIfInUse, replaceSqliteFile, type BackupFormat } from './data/files.ts';
import { databaseSource, importInto, jsonSource, refuseNonEmpty } from './data/import.ts';
import { executedMigrations, holdsData, rowCounts, tableExists } from '../platform/db/introspect.ts';
import { hasTool, pgRestore } from './data/pg-tools.ts';

type RestoreOptions = { force?: boolean };
type Counts = { tables: number; rows: number };

const formatNames: Record<BackupFormat, string> = { sqlite: 'SQLite 数据库文件', pg: 'pg_dump 自定义格式', json: 'Gongkai JSON 导出' };

export function registerRestore(program: Command, io: CliIO, run: (work: () => Promise<void>) => Promise<void>): void {
  program
    .command('restore')
    .description('从备份恢复数据库（自动识别 SQLite 文件、pg_dump 自定义格式或 JSON 导出）；请先停止服务')
    .argument('<file>', '备份文件路径')
    .option('--force', '目标数据库已有数据时，删除并覆盖')
    .addHelpText(
      'after',
      '\n示例：\n  gongkai restore backups/gongkai-2026-12-01.sqlite\n' +
        '  DATABASE_URL=postgres://gongkai@db/gongkai gongkai restore backups/gongkai.json   # SQLite → PostgreSQL',
    )
    .action((file: string, options: RestoreOptions) => run(() => restore(io, file, options)));
}

export async function restore(io: CliIO, fileArg: string, options: RestoreOptions): Promise<void> {
  const cfg = config(io);
  const file = resolve(io.cwd, fileArg);
  if (cfg.database === 'sqlite' && file === cfg.sqliteFile) throw new CliError('备份文件不能是当前数据库文件本身');
  const format = detectFormat(file);
  const force = Boolean(options.force);
  const progress = createProgress(io);
  io.err(`正在从 ${file}（${formatNames[format]}）恢复到 ${describeTarget(cfg)}\n`);
  let result: Counts;
  if (format === 'pg') {
    if (cfg.database !== 'postgres')
      throw new CliError(
        'pg_dump 格式的备份只能恢复到 PostgreSQL（请设置 DATABASE_URL）。要迁移到 SQLite，请在源库上用 gongkai backup --format json 导出。',
      );
    result = await restorePgDump(io, cfg, file, force);
  } else if (format === 'sqlite' && cfg.database === 'sqlite') {
    result = await restoreSqliteFile(cfg, file, force);
  } else {
    result = await restoreRows(cfg, file, format, force, progress);
  }
  io.out(`恢复完成：${result.tables} 张表，${result.rows} 行 ← ${file}（目标：${describeTarget(cfg)}）\n`);
}

const total = (counts: Record<string, number>): Counts => ({
  tables: Object.keys(counts).length,
  rows: Object.values(counts).reduce((a, b) => a + b, 0),
});

/** SQLite backup into SQLite: the file itself becomes the data directory's database. */
async function restoreSqliteFile(cfg: Config, file: string, force: boolean): Promise<Counts> {
  const backup = openSqliteFile(file, { readonly: true });
  try {
    const names = await executedMigrations(backup);
    if (names.length === 0 || !(await tableExists(backup, 'iam_org')))
      throw new CliError(`${file} 不是 Gongkai 的数据库（没有迁移记录或机构表）`);
    const unknown = names.filter((n) => !(n in knownMigrations));
    if (unknown.length > 0) throw new CliError(`备份来自更新版本的 Gongkai（包含迁移 ${unknown.join(', ')}），请先升级程序。`);
  } finally {
    await backup.close();
  }
  const target = cfg.sqliteFile;
  refuseIfInUse(target);
  const current = openSqliteFileIfExists(target);
  if (current) {
    try {
      const found = await holdsData(current);
      if (found && !force) refuseNonEmpty(found, target);
    } finally {
      await current.close();
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(file, staging);
  replaceSqliteFile(staging, target);
  const restored = openDatabase({ sqliteFile: target, sqliteMmapMb: cfg.sqliteMmapMb });
  try {
    await migrateToLatest(restored);
    return total(await rowCounts(restored));
  } finally {
    await restored.close();
  }
}

function openSqliteFileIfExists(file: string) {
  return existsSync(file) ? openSqliteFile(file, { readonly: false }) : null;
}

/** pg_dump archive into PostgreSQL: pg_restore replaces the dumped objects, then newer migrations run. */
async function restorePgDump(io: CliIO, cfg: Config, file: string, force: boolean): Promise<Counts> {
  if (!hasTool('pg_restore')) throw new CliError('未找到 pg_restore（PostgreSQL 客户端工具），无法恢复 pg_dump 备份。');
  const database = openConfigured(cfg, { mustExist: false });
  try {
    const found = await holdsData(database);
    if (found && !force) refuseNonEmpty(found, describeTarget(cfg));
    await pgRestore(cfg.databaseUrl, file, io.env);
    await migrateToLatest(database);
    return total(await rowCounts(database));
  } finally {
    await database.close();
  }
}

/** JSON export (either database), or an SQLite file into PostgreSQL: rows are loaded table by table. */
async function restoreRows(cfg: Config, file: string, format: BackupFormat, force: boolean, progress: Progress): Promise<Counts> {
  if (cfg.database === 'sqlite') refuseIfInUse(cfg.sqliteFile);
  const backup = format === 'sqlite' ? openSqliteFile(file, { readonly: true }) : null;
  const target = openConfigured(cfg, { mustExist: false });
  try {
    const source = backup ? await databaseSource(backup) : jsonSource(parseExportFile(file));
    return await importInto(target, source, { force, targetLabel: describeTarget(cfg), progress });
  } finally {
    await target.close();
    await backup?.close();
  }
}

function parseExportFile(file: string) {
  try {
    return parseExport(readFileSync(file, 'utf8'), file);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
