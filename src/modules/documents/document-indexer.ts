import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  inlinePreparer,
  versionOf,
  type PreparedDoc,
  type PreparePool,
  type SearchDoc,
  type SearchProvider,
} from '../../platform/search/index.ts';
import type { OutboxProcessor } from '../../platform/events/outbox.ts';
import { DocumentRepository } from './documents.repository.ts';
import { AttachmentRepository } from './attachments.repository.ts';
import { DOCUMENT_PUBLISHED, DOCUMENT_REMOVED, DOCUMENT_VALIDITY_CHANGED } from './document-workflow.ts';
import type { DocumentRelations } from './document-relations.ts';

/** Documents per `upsertMany` when the whole index is rebuilt. */
const REINDEX_BATCH = 500;

/**
 * Keeps the search index in step with publishing. A handler always reads the document's CURRENT public state, and
 * writes with the event's time as version, so a late or repeated event can neither resurrect withdrawn content nor
 * overwrite a newer entry. Only published content is ever indexed.
 */
export class DocumentIndexer {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly search: SearchProvider,
    private readonly relations: DocumentRelations,
  ) {}

  register(outbox: OutboxProcessor): void {
    const handle = async (e: { id: string; payload: Record<string, unknown> }) => this.sync(String(e.payload.documentId), versionOf(e.id));
    outbox.on(DOCUMENT_PUBLISHED, handle);
    outbox.on(DOCUMENT_REMOVED, handle);
    outbox.on(DOCUMENT_VALIDITY_CHANGED, handle);
  }

  async sync(documentId: string, version: number): Promise<void> {
    const entry = await this.searchDoc(documentId, version);
    if (entry) await this.search.upsert(entry);
    else await this.search.remove(documentId, version);
  }

  /** The document's search entry (its published edition), or null when the public may not see it. */
  private async searchDoc(documentId: string, version: number): Promise<SearchDoc | null> {
    const repo = new DocumentRepository(this.db);
    const doc = await repo.find(documentId);
    if (!doc || doc.public_state !== 'published' || !doc.published_edition_id) return null;
    const e = (await repo.findEdition(doc.published_edition_id))!;
    // Attachment text goes into the body (weighted below the title), so a phrase found only in an attached PDF finds the document.
    const attachmentTexts = await new AttachmentRepository(this.db).textsOf(e.id);
    const body = [e.body_text, ...attachmentTexts.map((a) => `附件：${a.filename}\n${a.text}`)].filter(Boolean).join('\n\n');
    const validity = doc.normative_kind
      ? await this.relations
          .validity(null, doc.id)
          .then((v) => v.status)
          .catch(() => null)
      : null;
    return {
      id: doc.id,
      version,
      orgId: doc.org_id,
      orgPath: doc.org_path,
      title: e.title,
      body,
      docNo: e.doc_no,
      indexNo: doc.index_no,
      topic: e.topic,
      genre: e.genre,
      year: e.published_at ? Number(e.published_at.slice(0, 4)) : null,
      validity,
      publishedAt: e.published_at ?? doc.updated_at,
      url: `/documents/${doc.slug}`,
      kind: doc.kind,
    };
  }

  /**
   * Rebuilds the whole index from what is published (after a restore or a move between databases). `pool` builds
   * the rows (default: this thread); while it works on one batch, this thread reads the next and writes the last.
   */
  async reindexAll(
    version = Date.now(),
    { batch = REINDEX_BATCH, pool = inlinePreparer() }: { batch?: number; pool?: PreparePool } = {},
  ): Promise<number> {
    await this.search.clear();
    const ids = await this.db.selectFrom('doc_document').select('id').where('public_state', '=', 'published').execute();
    // In batches through upsertMany: a few statements and one transaction per batch. One upsert per document
    // was one transaction each, and on SQLite one tiny full-text segment each to merge (ADR 0008).
    let building: Promise<PreparedDoc[]> | undefined;
    for (let at = 0; at < ids.length; at += batch) {
      const docs: SearchDoc[] = [];
      for (const { id } of ids.slice(at, at + batch)) {
        const entry = await this.searchDoc(id, version);
        if (entry) docs.push(entry);
      }
      const built = await building;
      building = pool.prepare(docs);
      building.catch(() => {}); // awaited below; a failure while this thread reads or writes must not go unhandled
      if (built) await this.search.upsertMany(built);
    }
    if (building) await this.search.upsertMany(await building);
    return ids.length;
  }
}
