import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { bodyTokens } from '../../search/store.ts';
import * as previous from './2026-12-07T0300_search_one-column-index.ts';

// SQLite only (ADR 0006): the app writes the rows of the main index srch_fts (platform/search/sqlite-fts5-index.ts)
// and srch_doc stops storing the body tokens of new rows, except where the body was cut. The index text stays the
// same, so nothing is rebuilt; rows indexed before keep their stored tokens (a `gongkai search reindex` followed by
// `gongkai compact` gives that space back).
// - The insert trigger goes; the update trigger only removes the old entry (the writer indexes the row again).
// - srch_doc_org_path goes: SQLite's LIKE cannot use an index on a column of the default collation
//   (case-sensitive) while LIKE is case-insensitive, so it was written on every insert and read by nothing; a move
//   finds its rows through srch_facet.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`drop trigger srch_doc_fts_insert`.execute(db);
  await sql`drop trigger srch_doc_fts_update`.execute(db);
  await sql`create trigger srch_doc_fts_update after update on srch_doc begin
    delete from srch_fts where rowid = old.rowid;
  end`.execute(db);
  await sql`drop index if exists srch_doc_org_path`.execute(db);
}

/** Back to trigger-written indexes: the tokens not stored are computed again, then 2026-12-07T0300 rebuilds both. */
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (let after = 0; ;) {
    const rows = await sql<{ rowid: number; doc_no: string | null; index_no: string | null; body: string }>`
      select rowid, doc_no, index_no, body from srch_doc where removed = 0 and tokens = '' and rowid > ${after} order by rowid limit 500`.execute(
      db,
    );
    if (rows.rows.length === 0) break;
    for (const r of rows.rows) {
      await sql`update srch_doc set tokens = ${bodyTokens(r.doc_no, r.index_no, r.body)} where rowid = ${r.rowid}`.execute(db);
    }
    after = Number(rows.rows.at(-1)!.rowid);
  }
  await previous.up(db);
  await db.schema.createIndex('srch_doc_org_path').on('srch_doc').column('org_path').execute();
}
