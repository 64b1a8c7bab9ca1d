// What the publication ledger hashes for an edition (modules/ledger/ledger-chain.ts defines the rule).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { contentHash, type CurrentContent, type PublishedContent } from '../ledger/index.ts';

/** The hashed content of editions, by id; `onlyPublished` keeps only editions that are live now. */
export async function editionContents(db: Kysely<DB>, editionIds: string[], onlyPublished = false): Promise<Map<string, PublishedContent>> {
  const out = new Map<string, PublishedContent>();
  if (editionIds.length === 0) return out;
  let q = db
    .selectFrom('doc_edition as e')
    .innerJoin('doc_document as d', 'd.id', 'e.document_id')
    .select(['e.id', 'e.title', 'e.doc_no', 'd.index_no', 'e.written_on', 'e.effective_from', 'e.expires_on', 'e.body_html'])
    .where('e.id', 'in', editionIds);
  if (onlyPublished) q = q.where('e.state', '=', 'published');
  const rows = await q.execute();
  const attachments = await db
    .selectFrom('doc_attachment')
    .select(['edition_id', 'sha256'])
    .where('edition_id', 'in', editionIds)
    .orderBy('edition_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      title: r.title,
      docNo: r.doc_no,
      indexNo: r.index_no,
      writtenOn: r.written_on,
      effectiveFrom: r.effective_from,
      expiresOn: r.expires_on,
      bodyHtml: r.body_html,
      attachments: attachments.filter((a) => a.edition_id === r.id).map((a) => a.sha256),
    });
  }
  return out;
}

/** For the ledger's verification: the current content hash of each edition that is still published. */
export function currentContentHashes(db: Kysely<DB>): CurrentContent {
  return async (editionIds) => {
    const contents = await editionContents(db, editionIds, true);
    return new Map([...contents].map(([id, c]) => [id, contentHash(c)]));
  };
}
