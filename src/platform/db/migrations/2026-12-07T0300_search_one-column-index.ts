import { SqliteAdapter, sql, type Kysely } from 'kysely';
import * as previous from './2026-12-07T0100_search_filter-tokens.ts';

// SQLite only: both FTS5 indexes become one-column, `detail=none` tables, to make indexing cheaper (ADR 0004).
// - One column `words`: the title tokens, the body tokens and the filter tokens together. No query needs to
//   know which column a word came from (the title tier has its own index, srch_title_fts), and detail=none
//   stores only rowids: the smallest postings FTS5 has, and each token of a row once, however often it
//   occurs in the title and the body.
// - The filter tokens start with '_' (a token character here, `tokenchars '_'`), which no word token has
//   (words are letters and digits only, platform/text/segment.ts), so a filter token never matches a word
//   and no column filter is needed (detail=none has none). platform/search/filter-tokens.ts mirrors them.
// - Merging: FTS5 writes each transaction's pending postings as a new segment and merges segments of a
//   level when `automerge` of them exist. 8 instead of 4 halves the number of times a posting is rewritten
//   on its way up; a bulk import's large transactions (`hashsize`: up to 128 MiB of pending postings per index, held only while such a transaction runs) make large
//   first segments. A query visits a few more segments per level but fewer levels.
// The indexes are rebuilt from srch_doc here; at a million documents that takes minutes.
/** Exported for the test that checks platform/search/filter-tokens.ts writes the same text. */
export const filterTokens = (row: string) =>
  sql.raw(`(
    '_o' || replace(replace(replace(trim(${row}.org_path, '/'), '-', ''), '_', ''), '/', ' _o')
    || ' _k' || hex(${row}.kind)
    || coalesce(' _y' || ${row}.year, '')
    || coalesce(' _t' || hex(${row}.topic), '')
    || coalesce(' _g' || hex(${row}.genre), '')
    || coalesce(' _v' || hex(${row}.validity), '')
  )`);

const AUTOMERGE = 8;
const HASH_SIZE = 128 * 1024 * 1024;

type FtsIndex = { table: string; triggerPrefix: string; columns: string[] };
const MAIN: FtsIndex = { table: 'srch_fts', triggerPrefix: 'srch_doc_fts', columns: ['title_tokens', 'tokens'] };
const TITLE: FtsIndex = { table: 'srch_title_fts', triggerPrefix: 'srch_doc_title_fts', columns: ['title_tokens'] };
const triggers = (index: FtsIndex) => ['insert', 'delete', 'update'].map((e) => `${index.triggerPrefix}_${e}`);

/** Creates the index, fills it from srch_doc's live rows, and the triggers that keep it in step. */
async function createFtsIndex(db: Kysely<any>, { table, triggerPrefix, columns }: FtsIndex): Promise<void> {
  const t = sql.id(table);
  const words = (row: string) => sql.join([...columns.map((c) => sql.raw(`${row}.${c}`)), filterTokens(row)], sql` || ' ' || `);
  await sql`create virtual table ${t} using fts5(words, content='', contentless_delete=1, detail=none, tokenize="ascii tokenchars '_'")`.execute(
    db,
  );
  await sql`insert into ${t} (${t}, rank) values ('automerge', ${sql.lit(AUTOMERGE)})`.execute(db);
  await sql`insert into ${t} (${t}, rank) values ('hashsize', ${sql.lit(HASH_SIZE)})`.execute(db);
  await sql`insert into ${t} (rowid, words) select d.rowid, ${words('d')} from srch_doc d where d.removed = 0`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_insert`)} after insert on srch_doc when new.removed = 0 begin
    insert into ${t} (rowid, words) values (new.rowid, ${words('new')});
  end`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_delete`)} after delete on srch_doc begin
    delete from ${t} where rowid = old.rowid;
  end`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_update`)} after update on srch_doc begin
    delete from ${t} where rowid = old.rowid;
    insert into ${t} (rowid, words) select new.rowid, ${words('new')} where new.removed = 0;
  end`.execute(db);
}

async function dropFtsIndexes(db: Kysely<any>): Promise<void> {
  for (const t of [...triggers(MAIN), ...triggers(TITLE)]) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  await sql`drop table if exists srch_title_fts`.execute(db);
  await sql`drop table if exists srch_fts`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await dropFtsIndexes(db);
  await createFtsIndex(db, MAIN);
  await createFtsIndex(db, TITLE);
}

/** Back to the three-column indexes of 2026-12-07T0100, rebuilt by that migration's own `up`. */
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await dropFtsIndexes(db);
  await previous.up(db);
}
