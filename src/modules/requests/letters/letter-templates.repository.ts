// SQL of answer-letter templates. No dialect branches.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ReqLetterTemplateTable } from './letter-template.tables.ts';

export type LetterTemplateRow = Selectable<ReqLetterTemplateTable>;
export const PLATFORM_OWNER = 'platform';

export class LetterTemplatesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The stored templates of these owners (organisation ids and/or 'platform'). */
  byOwners(owners: string[]): Promise<LetterTemplateRow[]> {
    if (owners.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('req_letter_template').selectAll().where('owner', 'in', owners).execute();
  }

  find(owner: string): Promise<LetterTemplateRow | undefined> {
    return this.db.selectFrom('req_letter_template').selectAll().where('owner', '=', owner).executeTakeFirst();
  }

  async upsert(row: LetterTemplateRow): Promise<void> {
    const { owner: _o, ...rest } = row;
    await this.db
      .insertInto('req_letter_template')
      .values(row)
      .onConflict((oc) => oc.column('owner').doUpdateSet(rest))
      .execute();
  }

  async remove(owner: string): Promise<boolean> {
    const r = await this.db.deleteFrom('req_letter_template').where('owner', '=', owner).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
