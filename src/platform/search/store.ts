// The portable half of both providers: writing index rows (versioned, with tombstones), number lookups,
// counting and clearing. Plain Kysely that runs unchanged on SQLite and PostgreSQL; only matching and
// ranking differ (sqlite-fts5.ts, postgres-fts.ts).
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
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
 * The index row of a document: tokens of title, body, 发文字号 and 索引号 computed here, in the app. A plain
 * object, so bulk indexing can build rows in worker threads (segmentation is the costly part of indexing)
 * and hand them to `upsertMany`.
 */
export function toRow(doc: SearchDoc): PreparedDoc {
  assertValid(doc);
  const body = doc.body.replace(/\s+/g, ' ').trim();
  const bodyTokens = distinctIndexTokens([doc.docNo ?? '', doc.indexNo ?? '', body], MAX_DISTINCT_TOKENS);
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
    index_no: normaliseIndexNo(doc.indexNo),
    topic: doc.topic,
    genre: doc.genre,
    year: doc.year,
    validity: doc.validity,
    published_at: doc.publishedAt,
    url: doc.url,
    kind: doc.kind,
    tokens: bodyTokens.join(' '),
    title_tokens: titleTokens(doc.title).join(' '),
  };
}

function tombstone(id: string, version: number): Insertable<SearchDocTable> {
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

/** Rows per multi-row INSERT: 19 parameters each, well below SQLite's and PostgreSQL's parameter limits. */
const UPSERT_CHUNK = 100;

const COLUMNS = Object.keys(tombstone('', 0)).filter((c) => c !== 'id') as (keyof SearchDocTable)[];

/** The provider methods that need no full-text search. */
export function createStore(db: Kysely<DB>): Omit<SearchProvider, 'search'> {
  /**
   * One statement, so concurrent writers cannot interleave a read and a write. A row is replaced when the
   * incoming version is higher, or equal and `replaceEqual` allows it (for a live row: re-indexing the same
   * version is idempotent; a tombstone of the same version wins over an upsert).
   */
  const write = (rows: Insertable<SearchDocTable> | Insertable<SearchDocTable>[], replaceEqual: 'live' | 'any') =>
    db
      .insertInto('srch_doc')
      .values(rows)
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
      )
      .execute();

  return {
    async upsert(doc) {
      await write(toRow(doc), 'live');
    },
    async upsertMany(rows) {
      // Multi-row statements: one round trip and one statement plan per chunk. A document appearing twice
      // in one chunk would hit the same row twice in one statement (an error on PostgreSQL): such chunks are
      // written one row at a time.
      for (let at = 0; at < rows.length; at += UPSERT_CHUNK) {
        const chunk = rows.slice(at, at + UPSERT_CHUNK);
        if (new Set(chunk.map((r) => r.id)).size === chunk.length) await write(chunk, 'live');
        else for (const row of chunk) await write(row, 'live');
      }
    },
    async remove(id, version) {
      if (!id || !Number.isSafeInteger(version)) throw new TypeError('remove needs an id and an integer version');
      await write(tombstone(id, version), 'any');
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
    async count() {
      const row = await db
        .selectFrom('srch_doc')
        .select(sql<number>`count(*)`.as('n'))
        .where('removed', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async clear() {
      await db.deleteFrom('srch_doc').execute();
    },
  };
}
