import { existsSync, mkdirSync, rmSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, config, describeTarget, openConfigured, type CliIO } from './io.ts';
import { createProgress } from './progress.ts';
import { formatBytes } from './table.ts';
import { writeJsonExport } from './data/export.ts';
import { fileSize, finaliseSqliteFile, openSqliteFile } from './data/files.ts';
import { rowCounts } from '../platform/db/introspect.ts';
import { hasTool, pgDump } from './data/pg-tools.ts';

type BackupOptions = { format?: string; force?: boolean };

export function registerBackup(program: Command, io: CliIO, run: (work: () => Promise<void>) => Promise<void>): void {
  program
    .command('backup')
    .description('备份数据库（服务运行时也可执行）：SQLite 在线备份；PostgreSQL 用 pg_dump，或 JSON 导出')
    .argument('<file>', '备份文件路径')
    .option('--format <format>', 'auto（默认）| json：可跨数据库恢复的 JSON 导出', 'auto')
    .option('--force', '覆盖已存在的备份文件')
    .addHelpText(
      'after',
      '\n示例：\n  gongkai backup backups/gongkai-$(date +%F).sqlite\n  gongkai backup --format json backups/gongkai.json',
    )
    .action((file: string, options: BackupOptions) => run(() => backup(io, file, options)));
}

export async function backup(io: CliIO, fileArg: string, options: BackupOptions): Promise<void> {
  const format = options.format ?? 'auto';
  if (format !== 'auto' && format !== 'json') throw new CliError(`--format 只能是 auto 或 json，收到 ${format}`);
  const cfg = config(io);
  const file = resolve(io.cwd, fileArg);
  if (existsSync(file) && !options.force) throw new CliError(`备份文件已存在：${file}（加 --force 覆盖）`);
  if (cfg.database === 'sqlite' && file === cfg.sqliteFile) throw new CliError('备份文件不能是数据库文件本身');
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const database = openConfigured(cfg, { mustExist: true });
  const progress = createProgress(io);
  io.err(`正在备份 ${describeTarget(cfg)} → ${file}\n`);
  let kind: string;
  let tables: number;
  let rows: number;
  try {
    if (format === 'json') {
      kind = 'JSON 导出';
      ({ tables, rows } = await writeJsonExport(database, partial, progress));
    } else if (database.sqlite) {
      kind = 'SQLite 在线备份';
      let started = false;
      let pages = 0;
      await database.sqlite.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          if (!started) progress.start('数据页', totalPages);
          started = true;
          pages = totalPages;
          progress.update(totalPages - remainingPages);
          return 1000;
        },
      });
      if (started) {
        progress.update(pages);
        progress.stop();
      }
      finaliseSqliteFile(partial);
      const copy = openSqliteFile(partial, { readonly: true });
      try {
        const counts = await rowCounts(copy);
        tables = Object.keys(counts).length;
        rows = Object.values(counts).reduce((a, b) => a + b, 0);
      } finally {
        await copy.close();
      }
    } else if (hasTool('pg_dump')) {
      kind = 'pg_dump 自定义格式';
      const counts = await rowCounts(database);
      tables = Object.keys(counts).length;
      rows = Object.values(counts).reduce((a, b) => a + b, 0);
      await pgDump(cfg.databaseUrl, partial, io.env);
    } else {
      io.err('未找到 pg_dump，改为 JSON 导出（可用 gongkai restore 恢复）\n');
      kind = 'JSON 导出';
      ({ tables, rows } = await writeJsonExport(database, partial, progress));
    }
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await database.close();
  }
  renameSync(partial, file);
  const bytes = fileSize(file);
  io.out(`备份完成（${kind}）：${tables} 张表，${rows} 行，${formatBytes(bytes)}（${bytes} 字节）→ ${file}\n`);
}
