// The portable half of both providers: writing index rows (versioned, with tombstones), number lookups,
// counting and clearing. Plain Kysely that runs unchanged on SQLite and PostgreSQL; only matching and
// ranking differ (sqlite-fts5.ts, postgres-fts.ts).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { rewriteOrgPaths } from '../db/subtree.ts';
import { transact } from '../db/transaction-scope.ts';
import { distinctIndexTokens, titleTokens } from '../text/segment.ts';
import { normaliseDocNo, normaliseIndexNo } from './numbers.ts';
import type { PreparedDoc, SearchDoc, SearchProvider } from './provider.ts';
import type { SearchDocTable } from './search.tables.ts';

/** Body text kept for snippets. Tokens come from the whole body. */
export const MAX_BODY_CHARS = 20_000;
/**
 * Distinct tokens indexed per body. A tsvector takes roughly 12 bytes per distinct token (positions past
 * 16383 collapse), so this keeps it well below PostgreSQL's 1 MB limit; real documents stay far below it.
 * Each token is indexed once: ranking uses no term frequency (title tier, then date; query.ts), so repeats
 * would only cost index writes and space (a quarter of the tokens of a typical body).
 */
export const MAX_DISTINCT_TOKENS = 50_000;

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, /[\uDC00-\uDFFF]/.test(text[max]!) ? max - 1 : max);
}

function assertValid(doc: SearchDoc): void {
  if (!doc.id) throw new TypeError('SearchDoc.id is required');
  if (!Number.isSafeInteger(doc.version) || doc.version < 0)
    throw new TypeError(`SearchDoc.version must be a non-negative integer: ${doc.version}`);
  if (!doc.kind) throw new TypeError('SearchDoc.kind is required');
}

/**
 * The index tokens of a row's 发文字号, 索引号 (normalised, as stored) and body (whitespace collapsed), space
 * separated. From the stored values, so a row's tokens can be computed again from the row (SQLite keeps them
 * only for bodies cut at MAX_BODY_CHARS, sqlite-fts5-index.ts).
 */
export function bodyTokens(docNo: string | null | undefined, indexNo: string | null | undefined, body: string): string {
  // The numbers give every boundary pair: a searcher types pieces of them (宜府办 of 宜府|办发〔2023〕5号).
  const numbers = [docNo ?? '', indexNo ?? ''].map((text) => ({ text, pairs: 'every' as const }));
  return distinctIndexTokens([...numbers, body], MAX_DISTINCT_TOKENS).join(' ');
}

/**
 * The index row of a document: tokens of title, body, 发文字号 and 索引号 computed here, in the app. A plain
 * object, so bulk indexing can build rows in worker threads (segmentation is the costly part of indexing)
 * and hand them to `upsertMany`.
 */
export function toRow(doc: SearchDoc): PreparedDoc {
  assertValid(doc);
  const body = doc.body.replace(/\s+/g, ' ').trim();
  const indexNo = normaliseIndexNo(doc.indexNo);
  return {
    id: doc.id,
    version: doc.version,
    removed: 0,
    org_id: doc.orgId,
    org_path: doc.orgPath,
    title: doc.title,
    body: cut(body, MAX_BODY_CHARS),
    doc_no: doc.docNo,
    doc_no_norm: normaliseDocNo(doc.docNo),
    index_no: indexNo,
    topic: doc.topic,
    genre: doc.genre,
    year: doc.year,
    validity: doc.validity,
    published_at: doc.publishedAt,
    url: doc.url,
    kind: doc.kind,
    tokens: bodyTokens(doc.docNo, indexNo, body),
    title_tokens: titleTokens(doc.title).join(' '),
  };
}

function tombstone(id: string, version: number): PreparedDoc {
  return {
    id,
    version,
    removed: 1,
    org_id: '',
    org_path: '',
    title: '',
    body: '',
    doc_no: null,
    doc_no_norm: null,
    index_no: null,
    topic: null,
    genre: null,
    year: null,
    validity: null,
    published_at: '',
    url: '',
    kind: '',
    tokens: '',
    title_tokens: '',
  };
}

/** Rows read per query when indexing stored rows again. */
export const REINDEX_CHUNK = 500;

/**
 * Rows per multi-row INSERT: 19 parameters each, below SQLite's (32,766) and PostgreSQL's (65,535) limits. On
 * SQLite a chunk is also one segment of each full-text index (the title index's trigger, the main index's
 * follower; see INSERT_CHUNK in sqlite-fts5-index.ts): 1,000 rather than 100 rows leaves fewer to merge.
 */
const UPSERT_CHUNK = 1000;

const COLUMNS = Object.keys(tombstone('', 0)).filter((c) => c !== 'id') as (keyof SearchDocTable)[];

/**
 * How a dialect's full-text index follows the srch_doc rows the store writes. PostgreSQL's follows by trigger
 * and needs none; SQLite's main index is written by the app (sqlite-fts5-index.ts).
 */
export type IndexFollower = {
  /** The row as srch_doc stores it. */
  stored(row: PreparedDoc): PreparedDoc;
  /** Indexes rows just inserted or replaced (tombstones included: the follower skips them), in the same transaction. */
  written(db: Kysely<DB>, rows: { rowid: number; row: PreparedDoc }[]): Promise<void>;
};

/** Runs `work` in the caller's transaction, or in a new one (`transact`, which guards SQLite's one connection). */
export const atomically = <T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : transact(db, work);

/** The provider methods that need no full-text search. */
export function createStore(db: Kysely<DB>, follower?: IndexFollower): Omit<SearchProvider, 'search'> {
  /**
   * One statement, so concurrent writers cannot interleave a read and a write. A row is replaced when the
   * incoming version is higher, or equal and `replaceEqual` allows it (for a live row: re-indexing the same
   * version is idempotent; a tombstone of the same version wins over an upsert).
   */
  const upsertRows = (db: Kysely<DB>, rows: PreparedDoc[], replaceEqual: 'live' | 'any') =>
    db
      .insertInto('srch_doc')
      .values(follower ? rows.map(follower.stored) : rows)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => Object.fromEntries(COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])))
          .where((eb) =>
            eb.or([
              eb('srch_doc.version', '<', eb.ref('excluded.version')),
              replaceEqual === 'any'
                ? eb('srch_doc.version', '=', eb.ref('excluded.version'))
                : eb.and([eb('srch_doc.version', '=', eb.ref('excluded.version')), eb('srch_doc.removed', '=', 0)]),
            ]),
          ),
      );

  /** The rows that were inserted or replaced, handed to the follower in the same transaction. */
  const write = async (rows: PreparedDoc[], replaceEqual: 'live' | 'any'): Promise<void> => {
    if (!follower) {
      await upsertRows(db, rows, replaceEqual).execute();
      return;
    }
    await atomically(db, async (trx) => {
      // RETURNING of an upsert lists only the rows it inserted or updated, not the ones its WHERE kept.
      const changed = await upsertRows(trx, rows, replaceEqual)
        .returning([sql<number>`rowid`.as('rowid'), 'id'])
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      await follower.written(
        trx,
        changed.map((c) => ({ rowid: Number(c.rowid), row: byId.get(c.id)! })),
      );
    });
  };

  const count = async () => {
    const row = await db
      .selectFrom('srch_doc')
      .select(sql<number>`count(*)`.as('n'))
      .where('removed', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  return {
    async upsert(doc) {
      await write([toRow(doc)], 'live');
    },
    async upsertMany(rows) {
      // Multi-row statements: one round trip and one statement plan per chunk. A document appearing twice
      // in one chunk would hit the same row twice in one statement (an error on PostgreSQL): such chunks are
      // written one row at a time.
      for (let at = 0; at < rows.length; at += UPSERT_CHUNK) {
        const chunk = rows.slice(at, at + UPSERT_CHUNK);
        if (new Set(chunk.map((r) => r.id)).size === chunk.length) await write(chunk, 'live');
        else for (const row of chunk) await write([row], 'live');
      }
    },
    async remove(id, version) {
      if (!id || !Number.isSafeInteger(version)) throw new TypeError('remove needs an id and an integer version');
      await write([tombstone(id, version)], 'any');
    },
    async findByNumber(value) {
      const docNo = normaliseDocNo(value);
      const indexNo = normaliseIndexNo(value);
      // Real numbers carry a year or a sequence; this keeps an ordinary word (or a scraped 发文字号 of 无)
      // from jumping to a document.
      const looksLikeNumber = (v: string | null) => v !== null && v.length >= 6 && /\d/.test(v);
      if (!looksLikeNumber(docNo) && !looksLikeNumber(indexNo)) return null;
      const row = await db
        .selectFrom('srch_doc')
        .select(['id', 'url'])
        .where('removed', '=', 0)
        .where((eb) => eb.or([eb('doc_no_norm', '=', docNo ?? ''), eb('index_no', '=', indexNo ?? '')]))
        .orderBy(sql`case when kind = 'document' then 0 else 1 end`)
        .orderBy('published_at', 'desc')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row ?? null;
    },
    count,
    async clear() {
      await db.deleteFrom('srch_doc').execute();
    },
    async moveOrgPaths(from, to) {
      return rewriteOrgPaths(db, 'srch_doc', from, to);
    },
    async reindexStoredRows() {
      // The index (PostgreSQL's tsv) follows srch_doc by trigger; only rows without their body tokens (from an
      // SQLite database, which keeps few) need them.
      for (let after = ''; ;) {
        const rows = await db
          .selectFrom('srch_doc')
          .select(['id', 'doc_no', 'index_no', 'body'])
          .where('removed', '=', 0)
          .where('tokens', '=', '')
          .where('id', '>', after)
          .orderBy('id')
          .limit(REINDEX_CHUNK)
          .execute();
        for (const r of rows) {
          const tokens = bodyTokens(r.doc_no, r.index_no, r.body);
          if (tokens) await db.updateTable('srch_doc').set({ tokens }).where('id', '=', r.id).execute();
        }
        if (rows.length < REINDEX_CHUNK) break;
        after = rows.at(-1)!.id;
      }
      return count();
    },
  };
}
