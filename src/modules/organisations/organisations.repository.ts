import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import type { OrgTable } from './organisations.tables.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';

export type OrgRow = Selectable<OrgTable>;

export type OrgListFilter = {
  /** Subtree roots the caller may see; null = everything. */
  roots: string[] | null;
  q?: string;
  parentId?: string;
  kind?: string;
  includeInactive?: boolean;
};

/** All SQL for iam_org. */
export class OrganisationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: SqlDialect,
  ) {}

  findById(id: string): Promise<OrgRow | undefined> {
    return this.db.selectFrom('iam_org').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('iam_org').selectAll().where('id', 'in', ids).execute();
  }

  findByDivisionCode(code: string): Promise<OrgRow | undefined> {
    return this.db.selectFrom('iam_org').selectAll().where('division_code', '=', code).executeTakeFirst();
  }

  findByUscc(uscc: string): Promise<OrgRow | undefined> {
    return this.db.selectFrom('iam_org').selectAll().where('uscc', '=', uscc).executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('iam_org').select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(filter: OrgListFilter) {
    let q = this.db.selectFrom('iam_org');
    q = q.where((eb) => inSubtrees(eb.ref('path'), filter.roots));
    if (!filter.includeInactive) q = q.where('active', '=', 1);
    if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
    if (filter.kind) q = q.where('kind', '=', filter.kind as OrgRow['kind']);
    if (filter.q) {
      const needle = filter.q;
      q = q.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('name'), needle),
          this.dialect.containsInsensitive(eb.ref('short_name'), needle),
          eb('division_code', '=', needle),
        ]),
      );
    }
    return q;
  }

  list(filter: OrgListFilter, page?: { offset: number; limit: number }): Promise<OrgRow[]> {
    let q = this.filtered(filter).selectAll().orderBy('depth').orderBy('sort_order').orderBy('name').orderBy('id');
    if (page) q = q.offset(page.offset).limit(page.limit);
    return q.execute();
  }

  async countFiltered(filter: OrgListFilter): Promise<number> {
    const row = await this.filtered(filter).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(row: OrgRow): Promise<void> {
    await this.db.insertInto('iam_org').values(row).execute();
  }

  async insertMany(rows: OrgRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('iam_org').values(rows.slice(i, i + 200)).execute();
  }

  async update(id: string, patch: Partial<OrgRow>): Promise<void> {
    await this.db.updateTable('iam_org').set(patch).where('id', '=', id).execute();
  }

  /** Rewrites the path prefix (and depth) of a whole subtree after a move. */
  async rewriteSubtree(oldPrefix: string, newPrefix: string, depthDelta: number, updatedAt: string): Promise<void> {
    await this.db
      .updateTable('iam_org')
      .set({
        path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
        depth: sql<number>`depth + ${depthDelta}`,
        updated_at: updatedAt,
      })
      .where('path', 'like', `${likeEscape(oldPrefix)}%`)
      .execute();
  }

  async countChildren(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('iam_org')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('iam_org').where('id', '=', id).execute();
  }
}
