import { SqliteAdapter, sql, type Kysely } from 'kysely';

// SQLite only (PostgreSQL combines a filter's B-tree index with the GIN bitmap already): the search filters
// become tokens of a third FTS5 column, `filters`, so a filter is a posting list FTS5 intersects with the
// words' lists, instead of a check on the narrow row of every match of a common word (ADR 0002, 0003).
// - The tokens are derived in SQL from the srch_doc row (`filterTokens` below, mirrored by
//   platform/search/filter-tokens.ts for queries), so moving an organisation (an UPDATE of org_path) and
//   restores keep them right through the triggers.
// - Contentless with `contentless_delete=1`: the tokens already live in srch_doc, and a delete needs only the
//   rowid, where the external-content table had to re-tokenise the old row to remove it.
// - `detail=column`: no token positions. Queries AND single tokens and never ask for phrases, and ranking no
//   longer reads term frequencies (query.ts), so positions were dead weight: without them the posting lists
//   are smaller and a common word's list is walked about a fifth faster.
// - A second, small index `srch_title_fts` (title tokens and filters) finds the title matches, the first
//   ranking tier: a title-only search in the main index walks every posting of the words, bodies included.
// The indexes are rebuilt from srch_doc here; at a million documents that takes minutes.
const filterTokens = (row: string) =>
  sql.raw(`(
    'o' || replace(replace(replace(trim(${row}.org_path, '/'), '-', ''), '_', ''), '/', ' o')
    || ' k' || hex(${row}.kind)
    || coalesce(' y' || ${row}.year, '')
    || coalesce(' t' || hex(${row}.topic), '')
    || coalesce(' g' || hex(${row}.genre), '')
    || coalesce(' v' || hex(${row}.validity), '')
  )`);

/** A contentless FTS5 table over srch_doc's live rows: `columns` of srch_doc plus the filter tokens. */
type FtsIndex = { table: string; triggerPrefix: string; columns: string[] };
const MAIN: FtsIndex = { table: 'srch_fts', triggerPrefix: 'srch_doc_fts', columns: ['title_tokens', 'tokens'] };
const TITLE: FtsIndex = { table: 'srch_title_fts', triggerPrefix: 'srch_doc_title_fts', columns: ['title_tokens'] };
const triggers = (index: FtsIndex) => ['insert', 'delete', 'update'].map((e) => `${index.triggerPrefix}_${e}`);

/** Creates the index, fills it from srch_doc, and the triggers that keep it in step. */
async function createFtsIndex(db: Kysely<any>, { table, triggerPrefix, columns }: FtsIndex): Promise<void> {
  const t = sql.id(table);
  const names = sql.raw(['rowid', ...columns, 'filters'].join(', '));
  const values = (row: string) => sql.join([sql.raw(`${row}.rowid`), ...columns.map((c) => sql.raw(`${row}.${c}`)), filterTokens(row)]);
  await sql`create virtual table ${t} using fts5(${sql.raw(columns.join(', '))}, filters,
    content='', contentless_delete=1, detail=column, tokenize='ascii')`.execute(db);
  await sql`insert into ${t} (${names}) select ${values('d')} from srch_doc d where d.removed = 0`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_insert`)} after insert on srch_doc when new.removed = 0 begin
    insert into ${t} (${names}) values (${values('new')});
  end`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_delete`)} after delete on srch_doc begin
    delete from ${t} where rowid = old.rowid;
  end`.execute(db);
  await sql`create trigger ${sql.id(`${triggerPrefix}_update`)} after update on srch_doc begin
    delete from ${t} where rowid = old.rowid;
    insert into ${t} (${names}) select ${values('new')} where new.removed = 0;
  end`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  // No query orders or filters srch_doc by publication date (srch_facet has it): one index less to write.
  await sql`drop index if exists srch_doc_published_at`.execute(db);
  for (const t of triggers(MAIN)) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  await sql`drop table if exists srch_fts`.execute(db);
  await createFtsIndex(db, MAIN);
  await createFtsIndex(db, TITLE);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (const t of [...triggers(MAIN), ...triggers(TITLE)]) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  await sql`drop table if exists srch_title_fts`.execute(db);
  await db.schema.createIndex('srch_doc_published_at').on('srch_doc').column('published_at').execute();
  await sql`drop table if exists srch_fts`.execute(db);
  await sql`create virtual table srch_fts using fts5(title_tokens, tokens, content='srch_doc', content_rowid='rowid', tokenize='ascii')`.execute(
    db,
  );
  await sql`insert into srch_fts (srch_fts) values ('rebuild')`.execute(db);
  await sql`create trigger srch_doc_fts_insert after insert on srch_doc begin
    insert into srch_fts(rowid, title_tokens, tokens) values (new.rowid, new.title_tokens, new.tokens);
  end`.execute(db);
  await sql`create trigger srch_doc_fts_delete after delete on srch_doc begin
    insert into srch_fts(srch_fts, rowid, title_tokens, tokens) values ('delete', old.rowid, old.title_tokens, old.tokens);
  end`.execute(db);
  await sql`create trigger srch_doc_fts_update after update on srch_doc begin
    insert into srch_fts(srch_fts, rowid, title_tokens, tokens) values ('delete', old.rowid, old.title_tokens, old.tokens);
    insert into srch_fts(rowid, title_tokens, tokens) values (new.rowid, new.title_tokens, new.tokens);
  end`.execute(db);
}
