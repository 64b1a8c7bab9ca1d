import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type {
  DictionaryEntryTable, FindingTable, InterpretationPlanTable, InterpretationRuleTable, OverrideTable, QueueItemTable, QueueStatus, ScanTable, SignoffTable,
} from './review.tables.ts';

export type DictionaryRow = Selectable<DictionaryEntryTable>;
export type FindingRow = Selectable<FindingTable>;
export type OverrideRow = Selectable<OverrideTable>;
export type SignoffRow = Selectable<SignoffTable>;
export type QueueRow = Selectable<QueueItemTable>;
export type PlanRow = Selectable<InterpretationPlanTable>;
export type RuleRow = Selectable<InterpretationRuleTable>;
export type ScanRow = Selectable<ScanTable>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All SQL of the review module. */
export class ReviewRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- state (dictionary version, re-scan cursor)
  async getState(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('rev_state').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async setState(key: string, value: string): Promise<void> {
    const updated = await this.db.updateTable('rev_state').set({ value }).where('key', '=', key).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.insertInto('rev_state').values({ key, value }).execute();
  }

  async dictionaryVersion(): Promise<number> {
    return Number((await this.getState('dictionary_version')) ?? 0);
  }

  async bumpDictionaryVersion(): Promise<number> {
    const next = (await this.dictionaryVersion()) + 1;
    await this.setState('dictionary_version', String(next));
    return next;
  }

  // ---- dictionary
  activeEntries(): Promise<Pick<DictionaryRow, 'id' | 'word' | 'kind' | 'correct' | 'severity' | 'note'>[]> {
    return this.db.selectFrom('rev_dictionary_entry').select(['id', 'word', 'kind', 'correct', 'severity', 'note']).where('active', '=', 1).execute();
  }

  private entryQuery(f: { kind?: string; q?: string }) {
    let q = this.db.selectFrom('rev_dictionary_entry');
    if (f.kind) q = q.where('kind', '=', f.kind as 'wrong');
    if (f.q) q = q.where((eb) => eb.or([eb('word', 'like', `%${escapeLike(f.q!)}%`), eb('correct', 'like', `%${escapeLike(f.q!)}%`)]));
    return q;
  }

  listEntries(f: { kind?: string; q?: string }, offset: number, limit: number): Promise<DictionaryRow[]> {
    return this.entryQuery(f).selectAll().orderBy('kind').orderBy('word').offset(offset).limit(limit).execute();
  }

  async countEntries(f: { kind?: string; q?: string }): Promise<number> {
    return Number((await this.entryQuery(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow()).n);
  }

  findEntry(id: string): Promise<DictionaryRow | undefined> {
    return this.db.selectFrom('rev_dictionary_entry').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findEntryByWord(kind: string, word: string): Promise<DictionaryRow | undefined> {
    return this.db.selectFrom('rev_dictionary_entry').selectAll().where('kind', '=', kind as 'wrong').where('word', '=', word).executeTakeFirst();
  }

  async insertEntries(rows: DictionaryRow[]): Promise<void> {
    // Chunked: SQLite allows a limited number of bound parameters per statement.
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('rev_dictionary_entry').values(rows.slice(i, i + 500)).execute();
  }

  async updateEntry(id: string, patch: Partial<DictionaryRow>): Promise<void> {
    await this.db.updateTable('rev_dictionary_entry').set(patch).where('id', '=', id).execute();
  }

  async deleteEntry(id: string): Promise<void> {
    await this.db.deleteFrom('rev_dictionary_entry').where('id', '=', id).execute();
  }

  async existingWords(kind: string, words: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < words.length; i += 500) {
      const rows = await this.db.selectFrom('rev_dictionary_entry').select(['id', 'word']).where('kind', '=', kind as 'wrong').where('word', 'in', words.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.word, r.id);
    }
    return out;
  }

  // ---- scans and findings
  findScan(editionId: string): Promise<ScanRow | undefined> {
    return this.db.selectFrom('rev_scan').selectAll().where('edition_id', '=', editionId).executeTakeFirst();
  }

  async replaceFindings(scan: ScanRow, findings: FindingRow[]): Promise<void> {
    await this.db.deleteFrom('rev_finding').where('edition_id', '=', scan.edition_id).execute();
    for (let i = 0; i < findings.length; i += 100) await this.db.insertInto('rev_finding').values(findings.slice(i, i + 100)).execute();
    await this.db.deleteFrom('rev_scan').where('edition_id', '=', scan.edition_id).execute();
    await this.db.insertInto('rev_scan').values(scan).execute();
  }

  findings(editionId: string): Promise<FindingRow[]> {
    return this.db.selectFrom('rev_finding').selectAll().where('edition_id', '=', editionId).orderBy('seq').execute();
  }

  finding(editionId: string, id: string): Promise<FindingRow | undefined> {
    return this.db.selectFrom('rev_finding').selectAll().where('edition_id', '=', editionId).where('id', '=', id).executeTakeFirst();
  }

  // ---- overrides
  overridesOf(editionId: string): Promise<OverrideRow[]> {
    return this.db.selectFrom('rev_override').selectAll().where('edition_id', '=', editionId).execute();
  }

  async insertOverride(row: OverrideRow): Promise<void> {
    await this.db.insertInto('rev_override').values(row).execute();
  }

  private overrideQuery(roots: string[] | null) {
    return this.db.selectFrom('rev_override').where((eb) => inSubtrees(eb.ref('org_path'), roots));
  }

  listOverrides(roots: string[] | null, offset: number, limit: number): Promise<OverrideRow[]> {
    return this.overrideQuery(roots).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }

  async countOverrides(roots: string[] | null): Promise<number> {
    return Number((await this.overrideQuery(roots).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow()).n);
  }

  // ---- steps
  async stepConfigs(orgIds: string[]): Promise<Map<string, string[]>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('rev_step_config').select(['org_id', 'steps']).where('org_id', 'in', orgIds).execute();
    return new Map(rows.map((r) => [r.org_id, JSON.parse(r.steps) as string[]]));
  }

  async setStepConfig(orgId: string, steps: string[] | null, now: string): Promise<void> {
    await this.db.deleteFrom('rev_step_config').where('org_id', '=', orgId).execute();
    if (steps) await this.db.insertInto('rev_step_config').values({ org_id: orgId, steps: JSON.stringify(steps), updated_at: now }).execute();
  }

  signoffs(editionId: string): Promise<SignoffRow[]> {
    return this.db.selectFrom('rev_signoff').selectAll().where('edition_id', '=', editionId).orderBy('step_index').execute();
  }

  async insertSignoff(row: SignoffRow): Promise<void> {
    await this.db.insertInto('rev_signoff').values(row).execute();
  }

  async deleteSignoff(editionId: string, stepIndex: number): Promise<void> {
    await this.db.deleteFrom('rev_signoff').where('edition_id', '=', editionId).where('step_index', '=', stepIndex).execute();
  }

  // ---- 三同步
  interpretationRules(): Promise<RuleRow[]> {
    return this.db.selectFrom('rev_interpretation_rule').selectAll().orderBy('match').orderBy('value').execute();
  }

  async insertRule(row: RuleRow): Promise<void> {
    await this.db.insertInto('rev_interpretation_rule').values(row).execute();
  }

  findRule(id: string): Promise<RuleRow | undefined> {
    return this.db.selectFrom('rev_interpretation_rule').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deleteRule(id: string): Promise<void> {
    await this.db.deleteFrom('rev_interpretation_rule').where('id', '=', id).execute();
  }

  plan(documentId: string): Promise<PlanRow | undefined> {
    return this.db.selectFrom('rev_interpretation_plan').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }

  async savePlan(row: PlanRow): Promise<void> {
    await this.db.deleteFrom('rev_interpretation_plan').where('document_id', '=', row.document_id).execute();
    await this.db.insertInto('rev_interpretation_plan').values(row).execute();
  }

  async updatePlan(documentId: string, patch: Partial<PlanRow>): Promise<void> {
    await this.db.updateTable('rev_interpretation_plan').set(patch).where('document_id', '=', documentId).execute();
  }

  duePlans(roots: string[] | null): Promise<PlanRow[]> {
    return this.db.selectFrom('rev_interpretation_plan').selectAll().where('due_on', 'is not', null).where((eb) => inSubtrees(eb.ref('org_path'), roots)).orderBy('due_on').execute();
  }

  // ---- re-scan queue
  openQueueItem(editionId: string): Promise<QueueRow | undefined> {
    return this.db.selectFrom('rev_queue_item').selectAll().where('edition_id', '=', editionId).where('status', '=', 'open').executeTakeFirst();
  }

  dismissedKeys(editionId: string): Promise<{ finding_keys: string }[]> {
    return this.db.selectFrom('rev_queue_item').select('finding_keys').where('edition_id', '=', editionId).where('status', '=', 'dismissed').execute();
  }

  async insertQueueItem(row: QueueRow): Promise<void> {
    await this.db.insertInto('rev_queue_item').values(row).execute();
  }

  async updateQueueItem(id: string, patch: Partial<QueueRow>): Promise<void> {
    await this.db.updateTable('rev_queue_item').set(patch).where('id', '=', id).execute();
  }

  queueItem(id: string): Promise<QueueRow | undefined> {
    return this.db.selectFrom('rev_queue_item').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private queueQuery(roots: string[] | null, status: QueueStatus | undefined) {
    let q = this.db.selectFrom('rev_queue_item').where((eb) => inSubtrees(eb.ref('org_path'), roots));
    if (status) q = q.where('status', '=', status);
    return q;
  }

  listQueue(roots: string[] | null, status: QueueStatus | undefined, offset: number, limit: number): Promise<QueueRow[]> {
    return this.queueQuery(roots, status).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }

  async countQueue(roots: string[] | null, status: QueueStatus | undefined): Promise<number> {
    return Number((await this.queueQuery(roots, status).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow()).n);
  }
}
