// Insert order for a restore: parents before children, between tables and inside self-referencing tables.
import type { TableInfo } from '../../platform/db/introspect.ts';

/** Tables ordered so every table comes after the tables it references (self references ignored). */
export function insertOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo, chain: string[]) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) {
      throw new Error(`外键循环引用，无法确定导入顺序 / foreign-key cycle: ${[...chain, t.name].join(' → ')}`);
    }
    visiting.add(t.name);
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.table);
      if (parent && parent.name !== t.name) visit(parent, [...chain, t.name]);
    }
    visiting.delete(t.name);
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, []);
  return ordered;
}

type Row = Record<string, unknown>;

/**
 * Rows of a self-referencing table (an organisation's parent_id) ordered so each row's parent comes first.
 * Rows whose parent is absent keep their place at the front; a cycle inside the data is an error.
 */
export function parentsFirst(table: TableInfo, rows: Row[]): Row[] {
  const selfRefs = table.foreignKeys.filter((fk) => fk.table === table.name);
  if (selfRefs.length === 0 || rows.length < 2) return rows;
  const keyOf = new Map<string, Map<unknown, number>>();
  for (const fk of selfRefs) {
    if (!keyOf.has(fk.refColumn)) keyOf.set(fk.refColumn, new Map(rows.map((r, i) => [r[fk.refColumn], i])));
  }
  const state = new Uint8Array(rows.length); // 0 new, 1 visiting, 2 placed
  const out: Row[] = [];
  const place = (i: number) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error(`表 ${table.name} 的数据存在循环引用 / cyclic rows in ${table.name}`);
    state[i] = 1;
    for (const fk of selfRefs) {
      const value = rows[i]![fk.column];
      if (value === null || value === undefined) continue;
      const parent = keyOf.get(fk.refColumn)!.get(value);
      if (parent !== undefined && parent !== i) place(parent);
    }
    state[i] = 2;
    out.push(rows[i]!);
  };
  for (let i = 0; i < rows.length; i++) place(i);
  return out;
}

/** Rows per INSERT statement: stays under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters. */
export const chunkSize = (columns: number) => Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns))));
