// What tables a database holds, their columns, keys and foreign keys, read from the catalog so backup and
// restore follow new modules' tables without being told. Catalog queries differ per dialect, so this lives in platform/db.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';

export type ForeignKey = { column: string; table: string; refColumn: string };
export type TableInfo = {
  name: string;
  /** Stored columns in declaration order; generated columns are left out (they are recomputed). */
  columns: string[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
};

/** Kysely's own bookkeeping tables: not data, exported as the migration list instead. */
export const isMigrationTable = (name: string) => name === 'kysely_migration' || name === 'kysely_migration_lock';

/**
 * Tables that triggers fill from other tables (the search index's narrow rows, migration
 * 2026-11-26T0400): derived data, like the FTS5 tables, so neither exported nor restored; restoring their
 * source rows rebuilds them.
 */
export const isDerivedTable = (name: string) => name === 'srch_facet';

export const anyDb = (database: Pick<Database, 'db'>) => database.db as unknown as Kysely<any>;

export async function listTables(database: Pick<Database, 'db' | 'dialect'>): Promise<TableInfo[]> {
  const names = database.dialect.name === 'sqlite' ? await sqliteTables(database) : await postgresTables(database);
  const tables: TableInfo[] = [];
  for (const name of names.filter((n) => !isMigrationTable(n) && !isDerivedTable(n)).sort()) {
    tables.push(database.dialect.name === 'sqlite' ? await sqliteTable(database, name) : await postgresTable(database, name));
  }
  return tables;
}

async function sqliteTables(database: Pick<Database, 'db'>): Promise<string[]> {
  // type 'table' excludes views, FTS5 virtual tables and their shadow tables (derived data, rebuilt by reindexing).
  const { rows } = await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(anyDb(database));
  return rows.map((r) => r.name);
}

async function sqliteTable(database: Pick<Database, 'db'>, name: string): Promise<TableInfo> {
  const db = anyDb(database);
  const { rows: cols } = await sql<{ name: string; pk: number; hidden: number }>`select name, pk, hidden from pragma_table_xinfo(${name}) order by cid`.execute(db);
  const { rows: fks } = await sql<{ table: string; from: string; to: string | null }>`select "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(db);
  const columns = cols.filter((c) => c.hidden === 0).map((c) => c.name);
  const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const foreignKeys: ForeignKey[] = [];
  for (const fk of fks) {
    let refColumn = fk.to;
    if (!refColumn) {
      const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${fk.table}) where pk = 1`.execute(db);
      refColumn = rows[0]?.name ?? 'id';
    }
    foreignKeys.push({ column: fk.from, table: fk.table, refColumn });
  }
  return { name, columns, primaryKey, foreignKeys };
}

async function postgresTables(database: Pick<Database, 'db'>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(anyDb(database));
  return rows.map((r) => r.name);
}

async function postgresTable(database: Pick<Database, 'db'>, name: string): Promise<TableInfo> {
  const db = anyDb(database);
  const { rows: cols } = await sql<{ name: string; generated: string }>`
    select column_name as name, is_generated as generated from information_schema.columns
    where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db);
  const { rows: pk } = await sql<{ name: string }>`
    select a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid and c.relnamespace = current_schema()::regnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where c.relname = ${name} and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const { rows: fks } = await sql<ForeignKey>`
    select a.attname as "column", rc.relname as "table", ra.attname as "refColumn"
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_class rc on rc.oid = con.confrelid
    cross join lateral unnest(con.conkey, con.confkey) as k(col, refcol)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.col
    join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.refcol
    where con.contype = 'f' and c.relname = ${name} and c.relnamespace = current_schema()::regnamespace`.execute(db);
  return {
    name,
    columns: cols.filter((c) => c.generated !== 'ALWAYS').map((c) => c.name),
    primaryKey: pk.map((r) => r.name),
    foreignKeys: fks,
  };
}

/** Names of the migrations this database has executed, in order; empty when it was never migrated. */
export async function executedMigrations(database: Pick<Database, 'db' | 'dialect'>): Promise<string[]> {
  const db = anyDb(database);
  if (!(await tableExists(database, 'kysely_migration'))) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => r.name as string);
}

export async function tableExists(database: Pick<Database, 'db' | 'dialect'>, name: string): Promise<boolean> {
  const db = anyDb(database);
  const query =
    database.dialect.name === 'sqlite'
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`
      : sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`;
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function countRows(database: Pick<Database, 'db'>, table: string): Promise<number> {
  const row = await anyDb(database).selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows per table, for summaries and for comparing a restore with its source. */
export async function rowCounts(database: Pick<Database, 'db' | 'dialect'>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await listTables(database)) counts[t.name] = await countRows(database, t.name);
  return counts;
}

/** A database "holds data" when it has any organisation or user: restoring over it needs --force. */
export async function holdsData(database: Pick<Database, 'db' | 'dialect'>): Promise<{ orgs: number; users: number } | null> {
  const orgs = (await tableExists(database, 'iam_org')) ? await countRows(database, 'iam_org') : 0;
  const users = (await tableExists(database, 'iam_user')) ? await countRows(database, 'iam_user') : 0;
  return orgs + users > 0 ? { orgs, users } : null;
}
