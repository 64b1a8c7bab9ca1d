// `gongkai compact`: rewrites an SQLite database file (VACUUM): gives back the space of deleted rows (a search
// reindex, a cleared import) and, with --page-size, changes the page size (ADR 0005 measured 16 KiB pages). SQLite
// only; the service must be stopped (VACUUM needs the file to itself, and WAL mode cannot change the page size,
// so the file leaves WAL mode for the rewrite).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import Sqlite from 'better-sqlite3';
import { CliError, assertSqliteExists, config, type CliIO } from './io.ts';
import { fileSize, refuseIfInUse } from './data/files.ts';
import { formatBytes } from './table.ts';

type CompactOptions = { pageSize?: string };

const PAGE_SIZES = [4096, 8192, 16384, 32768, 65536];

/** The database file with its write-ahead log (recent writes may still be there). */
const onDisk = (file: string) => fileSize(file) + (existsSync(`${file}-wal`) ? fileSize(`${file}-wal`) : 0);

export function registerCompact(program: Command, io: CliIO, run: (work: () => Promise<void>) => Promise<void>): void {
  program
    .command('compact')
    .description('整理 SQLite 数据库文件（VACUUM）：回收已删除数据占用的空间，可改页面大小；请先停止服务')
    .option('--page-size <bytes>', `改用的页面大小：${PAGE_SIZES.join(' | ')}（默认不变）`)
    .addHelpText(
      'after',
      '\n需要约与数据库文件同样大的空闲磁盘空间；百万篇文档的库约需数分钟。\n\n示例：\n  gongkai compact\n  gongkai compact --page-size 16384',
    )
    .action((options: CompactOptions) => run(() => compact(io, options)));
}

export async function compact(io: CliIO, options: CompactOptions): Promise<void> {
  const cfg = config(io);
  if (cfg.database !== 'sqlite') throw new CliError('compact 只用于 SQLite。PostgreSQL 由 autovacuum 整理，需要时可用 VACUUM FULL。');
  const wanted = options.pageSize === undefined ? null : Number(options.pageSize);
  if (wanted !== null && !PAGE_SIZES.includes(wanted))
    throw new CliError(`--page-size 只能是 ${PAGE_SIZES.join('、')} 之一，收到 ${options.pageSize}`);
  const file = cfg.sqliteFile;
  assertSqliteExists(file);
  refuseIfInUse(file, '整理');
  const before = onDisk(file);
  const handle = new Sqlite(file, { fileMustExist: true, timeout: 0 });
  const from = handle.pragma('page_size', { simple: true }) as number;
  const pageSize = wanted ?? from;
  try {
    io.err(`正在整理 SQLite ${file}（${formatBytes(before)}，页面 ${from} → ${pageSize} 字节）…\n`);
    handle.pragma('journal_mode = DELETE');
    handle.pragma(`page_size = ${pageSize}`);
    handle.exec('VACUUM');
    handle.pragma('journal_mode = WAL');
    const after = handle.pragma('page_size', { simple: true }) as number;
    if (after !== pageSize) throw new CliError(`页面大小未能改为 ${pageSize}（现为 ${after}）`);
  } finally {
    handle.close();
  }
  io.out(`整理完成：${formatBytes(before)} → ${formatBytes(onDisk(file))}，页面 ${from} → ${pageSize} 字节\n`);
}
