// SQL of executive meetings. No dialect branches.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type { MtgMeetingTable } from './meetings.tables.ts';

export type MeetingRow = Selectable<MtgMeetingTable>;
export type MeetingFilter = { roots: string[] | null; orgPath?: string; states?: readonly string[]; year?: number };

export class MeetingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<MtgMeetingTable>) {
    return this.db.insertInto('mtg_meeting').values(row).execute();
  }
  async update(id: string, expectedUpdatedAt: string, patch: Updateable<MtgMeetingTable>): Promise<boolean> {
    const r = await this.db.updateTable('mtg_meeting').set(patch).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  find(id: string): Promise<MeetingRow | undefined> {
    return this.db.selectFrom('mtg_meeting').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private filtered(f: MeetingFilter) {
    let q = this.db.selectFrom('mtg_meeting').where(({ ref }) => inSubtrees(ref('org_path'), f.roots));
    if (f.orgPath) q = q.where(({ ref }) => inSubtrees(ref('org_path'), [f.orgPath!]));
    if (f.states) q = q.where('state', 'in', [...f.states]);
    if (f.year) q = q.where('held_on', '>=', `${f.year}-01-01`).where('held_on', '<=', `${f.year}-12-31`);
    return q;
  }
  async publishedIds(): Promise<string[]> {
    return (await this.filtered({ roots: null, states: ['published'] }).select('id').execute()).map((r) => r.id);
  }
  list(f: MeetingFilter, offset: number, limit: number): Promise<MeetingRow[]> {
    return this.filtered(f).selectAll().orderBy('held_on', 'desc').orderBy('session_no', 'desc').offset(offset).limit(limit).execute();
  }
  async count(f: MeetingFilter): Promise<number> {
    const r = await this.filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  /** The years that have meetings matching the filter, newest first. */
  async years(f: MeetingFilter): Promise<number[]> {
    const rows = await this.filtered({ ...f, year: undefined }).select('held_on').execute();
    return [...new Set(rows.map((r) => Number(r.held_on.slice(0, 4))))].sort((a, b) => b - a);
  }
}
