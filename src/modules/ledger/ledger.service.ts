import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import { nextEntry, verifyChain, type ChainProblem, type LedgerEntry, type PublishedContent, contentHash } from './ledger-chain.ts';
import type { LedgerAction, LedgerTable } from './ledger.tables.ts';

/** Any fixed number: the advisory lock every ledger writer takes, so two instances never append the same seq. */
const LEDGER_LOCK = 7_130_501;
const VERIFY_BATCH = 2_000;

export type AppendInput = {
  at: string;
  action: LedgerAction;
  documentId: string;
  editionId: string;
  orgId: string;
  version: string;
  content: PublishedContent;
};

export type VerifyReport = {
  entries: number;
  headHash: string | null;
  chainProblems: ChainProblem[];
  /** Published editions whose current content no longer matches the hash recorded when they were published. */
  alteredEditions: { documentId: string; editionId: string; seq: number }[];
  ok: boolean;
};

/** Current content hashes of the given editions, for those still published (the documents module answers). */
export type CurrentContent = (editionIds: string[]) => Promise<Map<string, string>>;

const toEntry = (r: LedgerTable): LedgerEntry => ({
  seq: Number(r.seq),
  at: r.at,
  action: r.action,
  documentId: r.document_id,
  editionId: r.edition_id,
  version: r.version,
  contentHash: r.content_hash,
  prevHash: r.prev_hash,
  entryHash: r.entry_hash,
});

export class LedgerService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
  ) {}

  /** Appends inside the caller's transaction, so the ledger row commits with the publication or not at all. */
  async append(db: Kysely<DB>, input: AppendInput): Promise<LedgerEntry> {
    await this.dialect.lockForTransaction(db, LEDGER_LOCK);
    const head = await db.selectFrom('pub_ledger').select(['seq', 'entry_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const entry = nextEntry(head ? { seq: Number(head.seq), entryHash: head.entry_hash } : null, {
      at: input.at,
      action: input.action,
      documentId: input.documentId,
      editionId: input.editionId,
      version: input.version,
      contentHash: contentHash(input.content),
    });
    await db
      .insertInto('pub_ledger')
      .values({
        seq: entry.seq,
        at: entry.at,
        action: entry.action,
        document_id: entry.documentId,
        edition_id: entry.editionId,
        org_id: input.orgId,
        version: entry.version,
        content_hash: entry.contentHash,
        prev_hash: entry.prevHash,
        entry_hash: entry.entryHash,
      })
      .execute();
    return entry;
  }

  async head(): Promise<{ entries: number; seq: number | null; entryHash: string | null }> {
    const head = await this.db.selectFrom('pub_ledger').select(['seq', 'entry_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return { entries: head ? Number(head.seq) : 0, seq: head ? Number(head.seq) : null, entryHash: head?.entry_hash ?? null };
  }

  /** The entry that recorded an edition's (latest) publication, if any (by document: that is what is indexed). */
  async publicationOf(documentId: string, editionId: string): Promise<LedgerEntry | null> {
    const row = await this.db
      .selectFrom('pub_ledger')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('edition_id', '=', editionId)
      .where('action', '=', 'publish')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  /** Entries in order, optionally of one document; the ledger is public (it holds hashes and ids, no text). */
  async list(query: { documentId?: string; afterSeq?: number; limit?: number }): Promise<LedgerEntry[]> {
    let q = this.db.selectFrom('pub_ledger').selectAll();
    if (query.documentId) q = q.where('document_id', '=', query.documentId);
    if (query.afterSeq !== undefined) q = q.where('seq', '>', query.afterSeq);
    const rows = await q
      .orderBy('seq')
      .limit(Math.min(query.limit ?? 100, 1_000))
      .execute();
    return rows.map(toEntry);
  }

  /** Walks the whole chain in batches, then compares each live edition with the hash recorded at its publication. */
  async verify(currentContent?: CurrentContent): Promise<VerifyReport> {
    const chainProblems: ChainProblem[] = [];
    const lastPublish = new Map<string, { documentId: string; seq: number; contentHash: string }>();
    let previous: LedgerEntry | null = null;
    let entries = 0;
    for (;;) {
      const batch = await this.list({ afterSeq: previous?.seq ?? 0, limit: VERIFY_BATCH });
      if (batch.length === 0) break;
      chainProblems.push(...verifyChain(batch, previous));
      for (const e of batch) {
        if (e.action === 'publish') lastPublish.set(e.editionId, { documentId: e.documentId, seq: e.seq, contentHash: e.contentHash });
        else lastPublish.delete(e.editionId);
      }
      entries += batch.length;
      previous = batch.at(-1)!;
    }
    const alteredEditions: VerifyReport['alteredEditions'] = [];
    if (currentContent) {
      const ids = [...lastPublish.keys()];
      for (let i = 0; i < ids.length; i += VERIFY_BATCH) {
        const current = await currentContent(ids.slice(i, i + VERIFY_BATCH));
        for (const [editionId, hash] of current) {
          const recorded = lastPublish.get(editionId)!;
          if (recorded.contentHash !== hash) alteredEditions.push({ documentId: recorded.documentId, editionId, seq: recorded.seq });
        }
      }
    }
    return {
      entries,
      headHash: previous?.entryHash ?? null,
      chainProblems,
      alteredEditions,
      ok: chainProblems.length === 0 && alteredEditions.length === 0,
    };
  }
}
