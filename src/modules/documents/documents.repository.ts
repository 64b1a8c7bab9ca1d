import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DocumentTable } from './documents.tables.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';

export type DocumentRow = Selectable<DocumentTable>;
export type DocumentWithOrg = DocumentRow & { org_path: string; org_name: string };

/** All SQL for doc_document. Organisation paths are joined for the subtree access filter. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .selectAll('doc_document')
      .select(['iam_org.path as org_path', 'iam_org.name as org_name']);
  }

  find(id: string): Promise<DocumentWithOrg | undefined> {
    return this.base().where('doc_document.id', '=', id).executeTakeFirst();
  }

  list(roots: string[] | null, offset: number, limit: number): Promise<DocumentWithOrg[]> {
    return this.base()
      .where((eb) => inSubtrees(eb.ref('iam_org.path'), roots))
      .orderBy('doc_document.updated_at', 'desc').offset(offset).limit(limit).execute();
  }

  async count(roots: string[] | null): Promise<number> {
    const row = await this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .where((eb) => inSubtrees(eb.ref('iam_org.path'), roots))
      .select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countInOrg(orgId: string): Promise<number> {
    const row = await this.db.selectFrom('doc_document').select(sql<number>`cast(count(*) as integer)`.as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(row: DocumentRow): Promise<void> {
    await this.db.insertInto('doc_document').values(row).execute();
  }

  async update(id: string, patch: Partial<DocumentRow>): Promise<void> {
    await this.db.updateTable('doc_document').set(patch).where('id', '=', id).execute();
  }
}
