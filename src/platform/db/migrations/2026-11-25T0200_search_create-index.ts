import { SqliteAdapter, sql, type Kysely } from 'kysely';

// The public search index (platform/search). Tokens are produced by the app (jieba, pinyin initials), so the
// database only stores and matches space-separated tokens made of letters and digits:
// - SQLite: an external-content FTS5 table over srch_doc, kept in step by triggers (so restores and bulk
//   deletes keep it right). The `ascii` tokenizer splits only on ASCII non-alphanumerics and treats every
//   non-ASCII character as part of a token: with our tokens that is a whitespace tokenizer, so CJK tokens are
//   neither merged nor split, whatever the Unicode version.
// - PostgreSQL: a generated tsvector (title weight A, body weight B) with a GIN index. The `simple`
//   configuration keeps every token as it is; generated, so it is recomputed on restore.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // Small columns first, long text last: SQLite reads a row's columns in order, so filters and facets
  // never walk the overflow pages of the body and token lists.
  await db.schema
    .createTable('srch_doc')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`removed in (0, 1)`),
    )
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('year', 'integer')
    .addColumn('validity', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('doc_no_norm', 'text')
    .addColumn('index_no', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('title_tokens', 'text', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('srch_doc_doc_no_norm').on('srch_doc').column('doc_no_norm').execute();
  await db.schema.createIndex('srch_doc_index_no').on('srch_doc').column('index_no').execute();
  await db.schema.createIndex('srch_doc_published_at').on('srch_doc').column('published_at').execute();

  if (sqlite) {
    await db.schema.createIndex('srch_doc_org_path').on('srch_doc').column('org_path').execute();
    await sql`create virtual table srch_fts using fts5(title_tokens, tokens, content='srch_doc', content_rowid='rowid', tokenize='ascii')`.execute(
      db,
    );
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
  } else {
    // text_pattern_ops lets `org_path like 'prefix%'` use the index whatever the database collation.
    await sql`create index srch_doc_org_path on srch_doc (org_path text_pattern_ops)`.execute(db);
    await sql`alter table srch_doc add column tsv tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, tokens), 'B')
    ) stored`.execute(db);
    await sql`create index srch_doc_tsv on srch_doc using gin (tsv)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const t of ['srch_doc_fts_insert', 'srch_doc_fts_delete', 'srch_doc_fts_update'])
      await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
    await sql`drop table if exists srch_fts`.execute(db);
  }
  await db.schema.dropTable('srch_doc').execute();
}
