// Loads rows from a backup (JSON export or SQLite file) into the configured database, on either dialect.
import type { Database } from '../../platform/db/database.ts';
import { createMigrator, migrateToLatest } from '../../platform/db/migrator.ts';
import { migrations as knownMigrations } from '../../platform/db/migrations/index.ts';
import { CliError } from '../io.ts';
import type { Progress } from '../progress.ts';
import { fromPortable, readRows, type ExportDocument, type Row } from './export.ts';
import { anyDb, countRows, executedMigrations, holdsData, listTables, type TableInfo } from '../../platform/db/introspect.ts';
import { chunkSize, insertOrder, parentsFirst } from './order.ts';
import { transact } from '../../platform/db/transaction-scope.ts';
import { createSearchProvider } from '../../platform/search/index.ts';

/** Where restored rows come from. */
export type ImportSource = {
  migrations: string[];
  tables: string[];
  columns(table: string): string[];
  count(table: string): Promise<number>;
  rows(table: string): AsyncIterable<Row[]>;
};

export function jsonSource(doc: ExportDocument): ImportSource {
  return {
    migrations: [...doc.migrations].sort(),
    tables: Object.keys(doc.tables),
    columns: (t) => [...new Set((doc.tables[t] ?? []).flatMap((r) => Object.keys(r)))],
    count: async (t) => doc.tables[t]?.length ?? 0,
    rows: async function* (t) {
      const rows = doc.tables[t] ?? [];
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    },
  };
}

/** Another database (an SQLite backup file being moved to PostgreSQL) as a source. */
export async function databaseSource(database: Database): Promise<ImportSource> {
  const tables = new Map((await listTables(database)).map((t) => [t.name, t]));
  return {
    migrations: await executedMigrations(database),
    tables: [...tables.keys()],
    columns: (t) => tables.get(t)?.columns ?? [],
    count: (t) => countRows(database, t),
    rows: (t) => readRows(database, tables.get(t)!),
  };
}

export type ImportResult = { tables: number; rows: number; counts: Record<string, number>; warnings: string[] };

export function refuseNonEmpty(found: { orgs: number; users: number }, target: string): never {
  throw new CliError(
    `目标数据库不是空的（${target}：${found.orgs} 个机构、${found.users} 个用户）。\n` +
      '恢复会删除其中的全部数据。确认要覆盖时，请先停止服务，再加 --force 重新运行。',
  );
}

/**
 * Brings the target to the backup's schema version, loads every table in foreign-key order in one
 * transaction (deleting existing rows first with `force`), then migrates to the latest version.
 */
export async function importInto(target: Database, source: ImportSource, options: { force: boolean; targetLabel: string; progress: Progress }): Promise<ImportResult> {
  const known = Object.keys(knownMigrations).sort();
  const unknown = source.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) throw new CliError(`备份来自更新版本的 Gongkai（包含本版本不认识的迁移 ${unknown.join(', ')}），请先升级程序。`);
  const last = source.migrations.at(-1);
  if (!last) throw new CliError('备份中没有迁移记录，不是 Gongkai 的数据库备份。');
  const ahead = (await executedMigrations(target)).filter((m) => m > last);
  if (ahead.length > 0) throw new CliError(`目标数据库的结构比备份新（已执行 ${ahead.join(', ')}），请恢复到一个空数据库。`);
  const found = await holdsData(target);
  if (found && !options.force) refuseNonEmpty(found, options.targetLabel);

  const step = await createMigrator(target).migrateTo(last);
  if (step.error) throw new Error(`迁移到备份的结构版本 ${last} 失败：${String(step.error)}`, { cause: step.error });

  const tables = insertOrder(await listTables(target));
  const targetNames = new Set(tables.map((t) => t.name));
  const warnings: string[] = [];
  for (const t of source.tables) if (!targetNames.has(t)) warnings.push(`表 ${t} 在目标数据库中不存在，已跳过`);
  const counts: Record<string, number> = {};
  const { progress } = options;

  await transact(target.db, async (trx) => {
    const db = anyDb({ db: trx });
    if (found) {
      progress.start('清空目标数据库', tables.length);
      for (const [i, t] of [...tables].reverse().entries()) {
        await db.deleteFrom(t.name).execute();
        progress.update(i + 1);
      }
      progress.stop();
    }
    for (const table of tables) {
      if (!source.tables.includes(table.name)) continue;
      const sourceColumns = source.columns(table.name);
      for (const c of sourceColumns) if (!table.columns.includes(c)) warnings.push(`列 ${table.name}.${c} 在目标数据库中不存在，已跳过`);
      const columns = table.columns.filter((c) => sourceColumns.includes(c));
      const total = await source.count(table.name);
      progress.start(table.name, total);
      counts[table.name] = await insertTable(db, table, columns, source.rows(table.name), (n) => progress.update(n));
      progress.stop();
    }
  });
  await migrateToLatest(target);
  // The search index's rows were loaded without their index entries (SQLite) or without the body tokens SQLite
  // does not store (PostgreSQL): indexed again from the loaded rows.
  if (counts['srch_doc']) {
    progress.note('正在重建全文索引…');
    await createSearchProvider(target).reindexStoredRows();
  }
  for (const w of warnings) progress.note(`警告：${w}`);
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts, warnings };
}

async function insertTable(
  db: ReturnType<typeof anyDb>,
  table: TableInfo,
  columns: string[],
  batches: AsyncIterable<Row[]>,
  onProgress: (n: number) => void,
): Promise<number> {
  if (columns.length === 0) return 0;
  const size = chunkSize(columns.length);
  const shape = (r: Row) => Object.fromEntries(columns.map((c) => [c, r[c] === undefined ? null : fromPortable(r[c])]));
  let done = 0;
  const write = async (rows: Row[]) => {
    for (let i = 0; i < rows.length; i += size) {
      await db.insertInto(table.name).values(rows.slice(i, i + size).map(shape)).execute();
      done += Math.min(size, rows.length - i);
      onProgress(done);
    }
  };
  if (table.foreignKeys.some((fk) => fk.table === table.name)) {
    // Parents must be inserted before their children: gather the whole table, then order it.
    const all: Row[] = [];
    for await (const rows of batches) all.push(...rows);
    await write(parentsFirst(table, all));
  } else {
    for await (const rows of batches) await write(rows);
  }
  return done;
}
