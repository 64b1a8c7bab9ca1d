// SQLite: the app writes the rows of the main full-text index srch_fts (migration 2026-12-07T0500, ADR 0006). The
// text of a row is its title tokens, body tokens and filter tokens, as the trigger wrote it before; srch_doc keeps
// the body tokens (~3.4 KB, most of a row) only when the body was cut at MAX_BODY_CHARS, because only then they
// cannot be computed again from the row. Writing a row without them is what makes bulk indexing faster.
// A trigger still removes a row's index entry when the row is updated or deleted, so every update of a live row
// must index it again: the store does after its upserts, `moveOrgPaths` after an organisation moved. Nothing else
// may update srch_doc.
import { sql, type Kysely } from 'kysely';
import { likeEscape } from '../db/dialect/types.ts';
import type { DB } from '../db/schema.ts';
import { rowFilterTokens } from './filter-tokens.ts';
import type { PreparedDoc } from './provider.ts';
import { atomically, bodyTokens, MAX_BODY_CHARS, REINDEX_CHUNK, type IndexFollower } from './store.ts';

/** A stored body this long may have been cut; its tokens, taken from the whole body, are kept with it. */
const mayBeCut = (body: string) => body.length >= MAX_BODY_CHARS - 1;

type IndexedRow = Pick<PreparedDoc, 'title_tokens' | 'tokens' | 'org_path' | 'kind' | 'year' | 'topic' | 'genre' | 'validity'>;

/** The index text of a row: what the trigger of migration 2026-12-07T0300 wrote. */
const indexText = (row: IndexedRow) => `${row.title_tokens} ${row.tokens} ${rowFilterTokens(row)}`;

/**
 * Index rows per INSERT (2 parameters each). FTS5 writes its pending terms to disk as a new segment at every
 * statement savepoint, so a statement's rows are at most one segment: bigger ones leave fewer to merge (ADR 0008).
 * The callers hand at most 1,000 rows (one upsert chunk, store.ts) or 500 (REINDEX_CHUNK), so today every call is
 * one statement. Single-row inserts would flush only at the commit, but then FTS5's in-memory hash grows to every
 * term of the transaction and gets slower than the merges it saves.
 */
const INSERT_CHUNK = 2000;

async function insertIndexRows(db: Kysely<DB>, rows: { rowid: number; text: string }[]): Promise<void> {
  for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
    const values = rows.slice(at, at + INSERT_CHUNK).map((r) => sql`(${r.rowid}, ${r.text})`);
    await sql`insert into srch_fts (rowid, words) values ${sql.join(values)}`.execute(db);
  }
}

export const sqliteIndexFollower: IndexFollower = {
  stored: (row) => (row.tokens && !mayBeCut(row.body) ? { ...row, tokens: '' } : row),
  async written(db, rows) {
    const live = rows.filter((r) => r.row.removed === 0);
    await insertIndexRows(
      db,
      live.map(({ rowid, row }) => ({ rowid, text: indexText(row) })),
    );
  },
};

/** `SearchProvider.moveOrgPaths` on SQLite: the rows get the new path, then their index entries again. */
export function moveOrgPaths(db: Kysely<DB>, from: string, to: string): Promise<number> {
  return atomically(db, async (trx) => {
    // Only live rows have a path (a tombstone's is empty), and srch_facet, the narrow copy of the live rows, finds
    // them without reading the wide ones.
    const moved = await sql<{ rowid: number }>`update srch_doc set org_path = ${to} || substr(org_path, ${from.length + 1})
      where rowid in (select doc_rowid from srch_facet where org_path like ${`${likeEscape(from)}%`} escape '\\')
      returning rowid`.execute(trx);
    const rowids = moved.rows.map((r) => Number(r.rowid));
    for (let at = 0; at < rowids.length; at += REINDEX_CHUNK)
      await indexStored(
        trx,
        await storedRows(trx)
          .where(sql<number>`rowid`, 'in', rowids.slice(at, at + REINDEX_CHUNK))
          .execute(),
      );
    return rowids.length;
  });
}

/** The live srch_doc rows with what their index text is made of. */
const storedRows = (db: Kysely<DB>) =>
  db
    .selectFrom('srch_doc')
    .select([
      sql<number>`rowid`.as('rowid'),
      'title_tokens',
      'tokens',
      'doc_no',
      'index_no',
      'body',
      'org_path',
      'kind',
      'year',
      'topic',
      'genre',
      'validity',
    ])
    .where('removed', '=', 0);

/** Indexes stored rows, computing the body tokens that were not stored. */
function indexStored(
  db: Kysely<DB>,
  rows: (IndexedRow & { rowid: number; doc_no: string | null; index_no: string | null; body: string })[],
) {
  return insertIndexRows(
    db,
    rows.map((r) => ({ rowid: Number(r.rowid), text: indexText({ ...r, tokens: r.tokens || bodyTokens(r.doc_no, r.index_no, r.body) }) })),
  );
}

/** `SearchProvider.reindexStoredRows` on SQLite: the main index emptied and written again from srch_doc. */
export function reindexStoredRows(db: Kysely<DB>): Promise<void> {
  return atomically(db, async (trx) => {
    await sql`insert into srch_fts (srch_fts) values ('delete-all')`.execute(trx);
    for (let after = 0; ;) {
      const rows = await storedRows(trx)
        .where(sql<number>`rowid`, '>', after)
        .orderBy(sql`rowid`)
        .limit(REINDEX_CHUNK)
        .execute();
      await indexStored(trx, rows);
      if (rows.length < REINDEX_CHUNK) return;
      after = Number(rows.at(-1)!.rowid);
    }
  });
}
