import { SqliteAdapter, sql, type Kysely } from 'kysely';

// A narrow table of the searchable (live) rows of srch_doc: the filter and facet columns only, so counting,
// faceting and ranking a large match set never reads the wide rows (title, body and token lists, ~6.5 KB).
// Measured at 1M documents: facets and totals over srch_doc took 2–9 s for common words (bench/results).
// Kept in step with srch_doc by triggers, like the FTS index, so restores and bulk deletes keep it right;
// tombstones (removed = 1) have no row here.
// - SQLite: keyed by srch_doc's rowid, which is also the FTS5 rowid: srch_fts joins it by integer key.
// - PostgreSQL: keyed by id, and the tsvector moves here from srch_doc (its generated column is dropped), so a
//   match is found, counted, faceted and ranked without touching srch_doc; the page's rows come from srch_doc.
// Existing rows are carried over by the INSERT … SELECT below (on PostgreSQL that recomputes the tsvectors).
const NARROW = ['org_path', 'kind', 'topic', 'genre', 'year', 'validity', 'published_at'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const cols = sql.raw(NARROW.join(', '));
  const fromNew = sql.raw(NARROW.map((c) => `new.${c}`).join(', '));
  let table = db.schema
    .createTable('srch_facet')
    .addColumn(sqlite ? 'doc_rowid' : 'id', sqlite ? 'integer' : 'text', (c) => c.primaryKey())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('year', 'integer')
    .addColumn('validity', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull());
  if (!sqlite) table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
  await table.execute();

  if (sqlite) {
    await sql`insert into srch_facet (doc_rowid, ${cols}) select rowid, ${cols} from srch_doc where removed = 0`.execute(db);
    await sql`create trigger srch_doc_facet_insert after insert on srch_doc when new.removed = 0 begin
      insert into srch_facet (doc_rowid, ${cols}) values (new.rowid, ${fromNew});
    end`.execute(db);
    await sql`create trigger srch_doc_facet_delete after delete on srch_doc begin
      delete from srch_facet where doc_rowid = old.rowid;
    end`.execute(db);
    await sql`create trigger srch_doc_facet_update after update on srch_doc begin
      delete from srch_facet where doc_rowid = old.rowid;
      insert into srch_facet (doc_rowid, ${cols}) select new.rowid, ${fromNew} where new.removed = 0;
    end`.execute(db);
    return;
  }
  // Title tokens weight A, body tokens weight B, as the dropped generated column had them.
  const tsv = (row: string) =>
    sql.raw(
      `setweight(to_tsvector('simple'::regconfig, ${row}.title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, ${row}.tokens), 'B')`,
    );
  await sql`drop index if exists srch_doc_tsv`.execute(db);
  await sql`alter table srch_doc drop column if exists tsv`.execute(db);
  await sql`insert into srch_facet (id, ${cols}, tsv) select d.id, ${sql.raw(NARROW.map((c) => `d.${c}`).join(', '))}, ${tsv('d')}
    from srch_doc d where d.removed = 0`.execute(db);
  // fastupdate (the default, stated here on purpose): new entries go to a pending list merged in bulk, which
  // keeps many small inserts cheap; the pending list is bounded by gin_pending_list_limit.
  await sql`create index srch_facet_tsv on srch_facet using gin (tsv) with (fastupdate = on)`.execute(db);
  // A selective filter (an organisation's subtree, a year, a topic) is combined with the word's GIN bitmap
  // (BitmapAnd) instead of being checked on every match of a common word.
  await sql`create index srch_facet_org_path on srch_facet (org_path text_pattern_ops)`.execute(db);
  await db.schema.createIndex('srch_facet_year').on('srch_facet').column('year').execute();
  await db.schema.createIndex('srch_facet_topic').on('srch_facet').column('topic').execute();
  await sql`create function srch_doc_facet_sync() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from srch_facet where id = old.id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.removed = 0 then
        insert into srch_facet (id, ${cols}, tsv) values (new.id, ${fromNew}, ${tsv('new')});
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger srch_doc_facet_sync after insert or update or delete on srch_doc
    for each row execute function srch_doc_facet_sync()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const t of ['srch_doc_facet_insert', 'srch_doc_facet_delete', 'srch_doc_facet_update'])
      await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  } else {
    await sql`drop trigger if exists srch_doc_facet_sync on srch_doc`.execute(db);
    await sql`drop function if exists srch_doc_facet_sync()`.execute(db);
    await sql`alter table srch_doc add column tsv tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, tokens), 'B')
    ) stored`.execute(db);
    await sql`create index srch_doc_tsv on srch_doc using gin (tsv)`.execute(db);
  }
  await db.schema.dropTable('srch_facet').execute();
}
