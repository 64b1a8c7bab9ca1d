import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { EffectTable } from './documents.tables.ts';

export type EffectRow = Selectable<EffectTable>;

/** SQL for effects of later documents on earlier ones. */
export class RelationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  effectsOn(affectedId: string): Promise<(EffectRow & { affecting_title: string | null; affecting_doc_no: string | null })[]> {
    return this.db
      .selectFrom('doc_effect')
      .innerJoin('doc_document', 'doc_document.id', 'doc_effect.affecting_document_id')
      .leftJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .selectAll('doc_effect')
      .select(['doc_edition.title as affecting_title', 'doc_edition.doc_no as affecting_doc_no'])
      .where('doc_effect.affected_document_id', '=', affectedId)
      .orderBy('doc_effect.in_force_on')
      .execute();
  }

  effectsBy(affectingId: string): Promise<EffectRow[]> {
    return this.db.selectFrom('doc_effect').selectAll().where('affecting_document_id', '=', affectingId).execute();
  }

  async insert(row: EffectRow): Promise<void> {
    await this.db.insertInto('doc_effect').values(row).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('doc_effect').where('id', '=', id).execute();
  }

  /** Effects recorded by a document take effect when it is published. */
  async applyEffectsBy(affectingId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('doc_effect').select('affected_document_id').where('affecting_document_id', '=', affectingId).where('applied', '=', 0).execute();
    await this.db.updateTable('doc_effect').set({ applied: 1 }).where('affecting_document_id', '=', affectingId).execute();
    return rows.map((r) => r.affected_document_id);
  }
}
