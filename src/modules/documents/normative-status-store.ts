// The validity status stored on each normative document (doc_document.validity_status), so the library filters in
// SQL instead of computing every document on every request. It is the public status today: dates of the published
// edition and applied effects only (normative-status.ts). Kept current in the transaction that changes its inputs
// (publishing, withdrawing, effects added, applied or removed) and, for changes that only the calendar brings
// (实施日期 or 有效期至 reached, an effect coming into force), by the daily task, which selects by validity_next_on.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { systemActor } from '../../platform/authz/actor.ts';
import { DocumentRepository, type DocumentWithOrg } from './documents.repository.ts';
import { RelationsRepository } from './relations.repository.ts';
import { nextStatusChange, normativeStatus, toChinaDate, type DocumentEffect, type NormativeStatus } from './domain/index.ts';
import { DOCUMENT_VALIDITY_CHANGED } from './document-events.ts';

export type StoredStatus = { status: NormativeStatus | null; nextOn: string | null };

/** Documents recomputed per transaction by the daily task: short transactions, SQLite has one writer. */
const BATCH = 200;

export class NormativeStatusStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Recomputes the stored status of these documents as of `asOf`, inside the caller's transaction, and emits
   * `document.validity_changed` for each whose status changed (search re-indexes it). Returns those ids.
   */
  async refresh(tx: Tx, ids: readonly string[], asOf: string, options: { emit?: boolean } = {}): Promise<string[]> {
    const repo = new DocumentRepository(tx.db);
    const changed: string[] = [];
    for (const doc of await repo.findMany([...new Set(ids)])) {
      const next = await this.compute(tx.db, doc, asOf);
      await repo.updateDocument(doc.id, { validity_status: next.status, validity_status_on: asOf, validity_next_on: next.nextOn });
      if (next.status === doc.validity_status) continue;
      changed.push(doc.id);
      if (doc.validity_status_on !== null) {
        await tx.audit({
          action: 'document.validity_status', entityType: 'document', entityId: doc.id, org: { id: doc.org_id, path: doc.org_path },
          before: { status: doc.validity_status }, after: { status: next.status, asOf },
        });
      }
      if (options.emit !== false) await tx.emit({ topic: DOCUMENT_VALIDITY_CHANGED, payload: { documentId: doc.id } });
    }
    return changed;
  }

  /**
   * The daily task: documents whose status may have changed by the calendar since it was stored, and normative
   * documents never computed (published before this column existed). Idempotent: a second run the same day finds
   * nothing. Returns how many documents changed status.
   */
  async refreshDue(today: string): Promise<number> {
    let changed = 0;
    const seen = new Set<string>();
    for (;;) {
      const ids = (await new DocumentRepository(this.db).validityDue(today, BATCH + seen.size)).filter((id) => !seen.has(id)).slice(0, BATCH);
      if (ids.length === 0) return changed;
      ids.forEach((id) => seen.add(id));
      changed += (await this.uow(systemActor('效力状态更新'), (tx) => this.refresh(tx, ids, today))).length;
    }
  }

  private async compute(db: Kysely<DB>, doc: DocumentWithOrg, asOf: string): Promise<StoredStatus> {
    const visible = doc.public_state === 'published' || doc.public_state === 'withdrawn';
    if (!doc.normative_kind || !visible || !doc.published_edition_id) return { status: null, nextOn: null };
    const edition = await new DocumentRepository(db).findEdition(doc.published_edition_id);
    const effectiveFrom = edition?.effective_from ?? edition?.written_on ?? (edition?.published_at ? toChinaDate(edition.published_at) : null);
    if (!edition || !effectiveFrom) return { status: null, nextOn: null };
    const effects: DocumentEffect[] = (await new RelationsRepository(db).effectsOn(doc.id))
      .filter((r) => r.applied === 1)
      .map((r) => ({ id: r.id, type: r.type as DocumentEffect['type'], affectingDocumentId: r.affecting_document_id, affectedArticle: r.affected_article, inForceOn: r.in_force_on, applied: true }));
    const dates = { effectiveFrom, expiresOn: edition.expires_on, repealedOn: edition.repealed_on };
    try {
      return { status: normativeStatus(dates, effects, asOf).status, nextOn: nextStatusChange(dates, effects, asOf) };
    } catch {
      return { status: null, nextOn: null }; // malformed dates from an old import: shown without a status
    }
  }
}
