// The portable JSON export: every table's rows as plain JSON, readable by either database.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Database } from '../../platform/db/database.ts';
import type { Progress } from '../progress.ts';
import { anyDb, countRows, executedMigrations, listTables, type TableInfo } from '../../platform/db/introspect.ts';

export type Row = Record<string, unknown>;

export const EXPORT_FORMAT = 'gongkai-export';
export const EXPORT_VERSION = 1;

export type ExportHeader = { format: typeof EXPORT_FORMAT; version: number; createdAt: string; dialect: string; migrations: string[] };
export type ExportDocument = ExportHeader & { tables: Record<string, Row[]> };

/** Values are text and integers by design; anything else is made portable (bytes as base64, dates as ISO text). */
export function toPortable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  return value;
}

export function fromPortable(value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value) return Buffer.from(String((value as { $base64: string }).$base64), 'base64');
  return value;
}

/** Reads a table in pages: keyset on a one-column primary key, offset otherwise. */
export async function* readRows(database: Pick<Database, 'db'>, table: TableInfo, pageSize = 1000): AsyncGenerator<Row[]> {
  const db = anyDb(database);
  const [pk, ...rest] = table.primaryKey;
  if (pk && rest.length === 0) {
    let last: unknown = undefined;
    for (;;) {
      let q = db.selectFrom(table.name).select(table.columns).orderBy(pk).limit(pageSize);
      if (last !== undefined) q = q.where(pk, '>', last);
      const rows = (await q.execute()) as Row[];
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
      last = rows[rows.length - 1]![pk];
    }
  }
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  for (let offset = 0; ; offset += pageSize) {
    let q = db.selectFrom(table.name).select(table.columns).limit(pageSize).offset(offset);
    for (const c of order) q = q.orderBy(c);
    const rows = (await q.execute()) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

export type ExportSummary = { tables: number; rows: number; counts: Record<string, number> };

/**
 * Writes the export to `file` table by table, one row per line (still one JSON document), inside one read
 * transaction so the export is a consistent snapshot while the server keeps running.
 */
export async function writeJsonExport(database: Database, file: string, progress: Progress): Promise<ExportSummary> {
  const fd = openSync(file, 'w');
  const counts: Record<string, number> = {};
  try {
    await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const scoped = { ...database, db: trx };
        const header: ExportHeader = {
          format: EXPORT_FORMAT,
          version: EXPORT_VERSION,
          createdAt: new Date().toISOString(),
          dialect: database.dialect.name,
          migrations: await executedMigrations(scoped),
        };
        const head = JSON.stringify(header);
        writeSync(fd, `${head.slice(0, -1)},"tables":{`);
        const tables = await listTables(scoped);
        let firstTable = true;
        for (const table of tables) {
          const total = await countRows(scoped, table.name);
          progress.start(table.name, total);
          writeSync(fd, `${firstTable ? '' : ','}\n${JSON.stringify(table.name)}:[`);
          firstTable = false;
          let n = 0;
          for await (const rows of readRows(scoped, table)) {
            const lines = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toPortable(v)]))));
            writeSync(fd, `${n === 0 ? '\n' : ',\n'}${lines.join(',\n')}`);
            n += rows.length;
            progress.update(n);
          }
          writeSync(fd, ']');
          counts[table.name] = n;
          progress.stop();
        }
        writeSync(fd, '\n}}\n');
      });
  } finally {
    closeSync(fd);
  }
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

/** Parses and checks an export file's text. */
export function parseExport(text: string, file: string): ExportDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} 不是有效的 JSON：${(err as Error).message}`);
  }
  const d = doc as Partial<ExportDocument>;
  if (d?.format !== EXPORT_FORMAT || typeof d.tables !== 'object' || d.tables === null || !Array.isArray(d.migrations)) {
    throw new Error(`${file} 不是 Gongkai 的 JSON 导出（缺少 format: "${EXPORT_FORMAT}"、migrations 或 tables）`);
  }
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION) {
    throw new Error(`${file} 的导出格式版本 ${String(d.version)} 比本程序支持的 ${EXPORT_VERSION} 新，请升级 Gongkai`);
  }
  return d as ExportDocument;
}
