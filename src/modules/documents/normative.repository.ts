// SQL for the normative library (filters on the stored validity status), 专题 and expiry reminders.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import type { ThemeItemTable, ThemeTable } from './documents.tables.ts';

export type ThemeRow = Selectable<ThemeTable>;
export type ThemeItemRow = Selectable<ThemeItemTable>;

export type LibraryFilter = {
  /** null: every status. */
  statuses: readonly string[] | null;
  orgPath?: string;
  year?: number;
  /** 主题分类 code; a top-level code matches its sub-topics. */
  topic?: string;
  theme?: { id: string; topicCodes: string[] };
};

export type LibraryRow = {
  id: string; slug: string; org_id: string; org_name: string; registration_no: string | null; validity_status: string | null;
  title: string; doc_no: string | null; topic: string | null; written_on: string | null; effective_from: string | null;
  expires_on: string | null; published_at: string | null;
};

const prefix = (code: string) => `${likeEscape(code)}%`;

export class NormativeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private library(f: LibraryFilter) {
    let q = this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .where('doc_document.public_state', '=', 'published')
      .where('doc_document.normative_kind', 'is not', null);
    if (f.statuses) q = f.statuses.length ? q.where('doc_document.validity_status', 'in', f.statuses as never) : q.where(sql<boolean>`1 = 0`);
    if (f.orgPath) q = q.where((eb) => inSubtrees(eb.ref('iam_org.path'), [f.orgPath!]));
    if (f.year) {
      // 年份: of 成文日期, else of publication.
      const day = sql<string>`coalesce(doc_edition.written_on, substr(doc_edition.published_at, 1, 10))`;
      q = q.where(day, '>=', `${f.year}-01-01`).where(day, '<', `${f.year + 1}-01-01`);
    }
    if (f.topic) q = q.where(sql<boolean>`doc_edition.topic like ${prefix(f.topic)} escape '\\'`);
    if (f.theme) {
      const theme = f.theme;
      q = q.where((eb) =>
        eb.or([
          eb('doc_document.id', 'in', eb.selectFrom('doc_theme_item').select('document_id').where('theme_id', '=', theme.id)),
          ...theme.topicCodes.map((c) => sql<boolean>`doc_edition.topic like ${prefix(c)} escape '\\'`),
        ]),
      );
    }
    return q;
  }

  listLibrary(f: LibraryFilter, offset: number, limit: number): Promise<LibraryRow[]> {
    return this.library(f)
      .select([
        'doc_document.id', 'doc_document.slug', 'doc_document.org_id', 'iam_org.name as org_name', 'doc_document.registration_no', 'doc_document.validity_status',
        'doc_edition.title', 'doc_edition.doc_no', 'doc_edition.topic', 'doc_edition.written_on', 'doc_edition.effective_from', 'doc_edition.expires_on', 'doc_edition.published_at',
      ])
      .orderBy('doc_edition.published_at', 'desc')
      .orderBy('doc_document.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async countLibrary(f: LibraryFilter): Promise<number> {
    const row = await this.library(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Organisations that have published normative documents (the issuer filter). */
  async issuerIds(): Promise<string[]> {
    const rows = await this.library({ statuses: null }).select('doc_document.org_id').distinct().execute();
    return rows.map((r) => r.org_id);
  }

  async years(): Promise<number[]> {
    const rows = await this.library({ statuses: null })
      .select(sql<string>`substr(coalesce(doc_edition.written_on, doc_edition.published_at), 1, 4)`.as('y'))
      .distinct()
      .execute();
    return rows.map((r) => Number(r.y)).filter((y) => Number.isInteger(y)).sort((a, b) => b - a);
  }

  /** Published normative documents in these subtrees, currently valid, whose 有效期至 falls in [from, to]. */
  expiring(roots: string[] | null, statuses: readonly string[], from: string, to: string) {
    return this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .select(['doc_document.id', 'doc_document.org_id', 'iam_org.name as org_name', 'doc_document.registration_no', 'doc_edition.title', 'doc_edition.doc_no', 'doc_edition.expires_on'])
      .where('doc_document.public_state', '=', 'published')
      .where('doc_document.normative_kind', 'is not', null)
      .where('doc_document.validity_status', 'in', statuses as never)
      .where('doc_edition.expires_on', '>=', from)
      .where('doc_edition.expires_on', '<=', to)
      .where((eb) => inSubtrees(eb.ref('iam_org.path'), roots))
      .orderBy('doc_edition.expires_on')
      .limit(500)
      .execute();
  }

  // 专题
  themes(): Promise<(ThemeRow & { org_name: string; org_path: string })[]> {
    return this.db
      .selectFrom('doc_theme')
      .innerJoin('iam_org', 'iam_org.id', 'doc_theme.org_id')
      .selectAll('doc_theme')
      .select(['iam_org.name as org_name', 'iam_org.path as org_path'])
      .orderBy('iam_org.depth')
      .orderBy('doc_theme.sort_order')
      .orderBy('doc_theme.name')
      .execute();
  }
  findTheme(id: string) {
    return this.db
      .selectFrom('doc_theme')
      .innerJoin('iam_org', 'iam_org.id', 'doc_theme.org_id')
      .selectAll('doc_theme')
      .select(['iam_org.name as org_name', 'iam_org.path as org_path'])
      .where('doc_theme.id', '=', id)
      .executeTakeFirst();
  }
  async themeNameTaken(orgId: string, name: string, exceptId: string | null): Promise<boolean> {
    let q = this.db.selectFrom('doc_theme').select('id').where('org_id', '=', orgId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }
  async insertTheme(row: ThemeRow): Promise<void> {
    await this.db.insertInto('doc_theme').values(row).execute();
  }
  async updateTheme(id: string, patch: Partial<ThemeRow>): Promise<void> {
    await this.db.updateTable('doc_theme').set(patch).where('id', '=', id).execute();
  }
  async deleteTheme(id: string): Promise<void> {
    await this.db.deleteFrom('doc_theme_item').where('theme_id', '=', id).execute();
    await this.db.deleteFrom('doc_theme').where('id', '=', id).execute();
  }
  /** Hand-added documents of a theme; `publicOnly`: published ones with their published title. */
  themeItems(themeId: string, publicOnly: boolean) {
    const edition = publicOnly ? sql`doc_document.published_edition_id` : sql`coalesce(doc_document.open_edition_id, doc_document.published_edition_id)`;
    let q = this.db
      .selectFrom('doc_theme_item')
      .innerJoin('doc_document', 'doc_document.id', 'doc_theme_item.document_id')
      .leftJoin('doc_edition', 'doc_edition.id', edition as never)
      .select(['doc_document.id', 'doc_document.public_state', 'doc_edition.title', 'doc_edition.doc_no', 'doc_theme_item.created_at'])
      .where('doc_theme_item.theme_id', '=', themeId);
    if (publicOnly) q = q.where('doc_document.public_state', '=', 'published');
    return q.orderBy('doc_theme_item.created_at').execute();
  }
  async countThemeItems(themeIds: string[]): Promise<Map<string, number>> {
    if (themeIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('doc_theme_item')
      .select(['theme_id', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('theme_id', 'in', themeIds)
      .groupBy('theme_id')
      .execute();
    return new Map(rows.map((r) => [r.theme_id, Number(r.n)]));
  }
  async addThemeItem(row: ThemeItemRow): Promise<boolean> {
    const exists = await this.db.selectFrom('doc_theme_item').select('theme_id').where('theme_id', '=', row.theme_id).where('document_id', '=', row.document_id).executeTakeFirst();
    if (exists) return false;
    await this.db.insertInto('doc_theme_item').values(row).execute();
    return true;
  }
  async removeThemeItem(themeId: string, documentId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('doc_theme_item').where('theme_id', '=', themeId).where('document_id', '=', documentId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
