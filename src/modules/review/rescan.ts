// Re-scan of everything already published: a maintenance task walks the published editions in batches, on a
// schedule and again as soon as the dictionary version moves; open blocking findings land in a queue for the
// issuing organisation, which withdraws, masks and republishes (an urgent minor correction), or dismisses them.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, parseJson } from '../../platform/db/ids.ts';
import { can, scopeRoots, systemActor, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { publishedEditionIds, reviewEdition, type DocumentService, type DocumentWorkflow } from '../documents/index.ts';
import { ReviewRepository, type QueueRow } from './review.repository.ts';
import type { EditionScanner } from './edition-scan.ts';
import type { Dictionaries } from './dictionaries.ts';
import { isOpenBlocking, overriddenKeys } from './review-gate.ts';
import { maskInHtml } from './mask-html.ts';
import { presentFinding } from './review.service.ts';
import type { QueueStatus } from './review.tables.ts';

export type RescanOptions = { intervalHours: number; batch: number };

const KEYS = { cursor: 'rescan_cursor', version: 'rescan_dictionary_version', completed: 'rescan_completed_at' };

export class RescanService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly scanner: EditionScanner,
    private readonly dictionaries: Dictionaries,
    private readonly documents: DocumentService,
    private readonly workflow: DocumentWorkflow,
    private readonly options: RescanOptions,
  ) {}

  /**
   * One step of the re-scan: starts a pass when the dictionary changed or the interval passed, then scans one batch.
   * Idempotent, so any instance may run it. Returns how many editions were scanned.
   */
  async runDue(now = new Date()): Promise<number> {
    const repo = new ReviewRepository(this.db);
    const { version } = await this.dictionaries.compiled();
    let cursor = await repo.getState(KEYS.cursor);
    if (cursor === undefined || cursor === 'idle') {
      const lastVersion = Number((await repo.getState(KEYS.version)) ?? -1);
      const completed = await repo.getState(KEYS.completed);
      const stale = !completed || now.getTime() - Date.parse(completed) >= this.options.intervalHours * 3_600_000;
      if (lastVersion === version && !stale) return 0;
      cursor = '';
      await repo.setState(KEYS.cursor, cursor);
    }
    const ids = await publishedEditionIds(this.db, cursor, this.options.batch);
    for (const id of ids) await this.rescanEdition(id);
    if (ids.length < this.options.batch) {
      await repo.setState(KEYS.cursor, 'idle');
      await repo.setState(KEYS.version, String(version));
      await repo.setState(KEYS.completed, now.toISOString());
    } else await repo.setState(KEYS.cursor, ids.at(-1)!);
    return ids.length;
  }

  /** Runs passes until none is due (CLI and tests). */
  async runAll(): Promise<number> {
    let total = 0;
    for (let n = await this.runDue(); n > 0; n = await this.runDue()) total += n;
    return total;
  }

  /** Scans one published edition and opens (or refreshes) its queue item when it has open blocking findings. */
  async rescanEdition(editionId: string): Promise<void> {
    const current = await this.scanner.current(editionId);
    if (!current?.edition.isPublished) return;
    await this.uow(systemActor('复查'), async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const overridden = overriddenKeys(await repo.overridesOf(editionId));
      const dismissed = new Set((await repo.dismissedKeys(editionId)).flatMap((d) => parseJson<string[]>(d.finding_keys, [])));
      const open = current.findings.filter((f) => isOpenBlocking(f, overridden) && !dismissed.has(f.finding_key));
      const item = await repo.openQueueItem(editionId);
      if (open.length === 0) {
        if (item) await repo.updateQueueItem(item.id, { status: 'dismissed', reason: '复查未再发现问题（内容或词库已变更）', resolved_at: nowIso() });
        return;
      }
      const keys = JSON.stringify(open.map((f) => f.finding_key));
      const summary = summarise(open.map((f) => f.message_zh));
      if (item) {
        if (item.finding_keys !== keys) await repo.updateQueueItem(item.id, { finding_keys: keys, summary });
        return;
      }
      const e = current.edition;
      const row: QueueRow = { id: newId(), document_id: e.documentId, edition_id: editionId, org_id: e.orgId, org_path: e.orgPath, document_title: e.title, finding_keys: keys, summary, status: 'open', reason: null, resolved_by: null, resolved_at: null, created_at: nowIso() };
      await repo.insertQueueItem(row);
      await tx.audit({ action: 'review.queue_open', entityType: 'document', entityId: e.documentId, org: { id: e.orgId, path: e.orgPath }, after: { editionId, findings: open.length, summary } });
    });
  }

  async list(actor: Actor, query: { status?: QueueStatus; page?: number; pageSize?: number }) {
    const roots = scopeRoots(actor, 'document.review');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const status = query.status ?? 'open';
    const repo = new ReviewRepository(this.db);
    const [rows, total] = await Promise.all([repo.listQueue(roots, status, (page - 1) * pageSize, pageSize), repo.countQueue(roots, status)]);
    const items = [];
    for (const r of rows) {
      const keys = new Set(parseJson<string[]>(r.finding_keys, []));
      const overrides = new Map((await repo.overridesOf(r.edition_id)).map((o) => [o.finding_key, o]));
      const findings = (await repo.findings(r.edition_id)).filter((f) => keys.has(f.finding_key)).map((f) => presentFinding(f, overrides));
      items.push({ id: r.id, documentId: r.document_id, editionId: r.edition_id, organisationId: r.org_id, documentTitle: r.document_title, summary: r.summary, status: r.status, reason: r.reason, createdAt: r.created_at, resolvedAt: r.resolved_at, findings });
    }
    return { items, total, page, pageSize };
  }

  /** Withdraws the published document through the workflow (reason required), closing the item. */
  async withdraw(actor: Actor, itemId: string, reason: string) {
    const item = await this.requireOpen(actor, itemId);
    const why = requireReason(reason);
    await this.workflow.act(actor, item.document_id, { action: 'withdraw', reason: `发布后复查：${why}` });
    await this.close(actor, item, 'withdrawn', why);
  }

  /**
   * Masks every body/title finding of the item in a new minor edition with a change note and publishes it at once
   * as an urgent correction by the acting reviewer (retrospective approval by a second person keeps four eyes).
   * Findings in attachments cannot be masked here: the gate then refuses and the draft is left for a re-upload.
   */
  async maskAndRepublish(actor: Actor, itemId: string, note: string) {
    const item = await this.requireOpen(actor, itemId);
    const why = requireReason(note, 'note');
    const published = (await reviewEdition(this.db, item.edition_id))!;
    const keys = new Set(parseJson<string[]>(item.finding_keys, []));
    const findings = (await new ReviewRepository(this.db).findings(item.edition_id)).filter((f) => keys.has(f.finding_key));
    const pairs = findings.filter((f) => (f.field === 'body' || f.field === 'title') && f.text && f.masked !== f.text).map((f) => ({ text: f.text, masked: f.masked }));
    // The edition is created and edited on the reviewer's behalf (reviewers hold no edit role); both saves are
    // audited under this name, the publication under the reviewer.
    const editor = { ...systemActor(`复查更正（${actor.userName}）`) };
    const changeNote = `隐私信息脱敏更正：${why}`;
    const draft = await this.documents.newEdition(editor, item.document_id, 'minor', changeNote);
    let title = published.title;
    for (const p of pairs) title = title.split(p.text).join(p.masked);
    const body = maskInHtml(published.bodyHtml, pairs).html;
    await this.documents.update(editor, item.document_id, { title, bodyHtml: body, lockVersion: draft.edition.lockVersion });
    await this.workflow.publishCorrection(actor, item.document_id, changeNote);
    await this.close(actor, item, 'republished', why);
  }

  async dismiss(actor: Actor, itemId: string, reason: string) {
    const item = await this.requireOpen(actor, itemId);
    await this.close(actor, item, 'dismissed', requireReason(reason));
  }

  private async requireOpen(actor: Actor, itemId: string): Promise<QueueRow> {
    const item = await new ReviewRepository(this.db).queueItem(itemId);
    if (!item || !can(actor, 'document.review', item.org_path)) throw new NotFoundError();
    if (item.status !== 'open') throw new ConflictError('REVIEW_QUEUE_CLOSED');
    return item;
  }

  private async close(actor: Actor, item: QueueRow, status: QueueStatus, reason: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      await new ReviewRepository(tx.db).updateQueueItem(item.id, { status, reason, resolved_by: actor.userName, resolved_at: nowIso() });
      await tx.audit({ action: `review.queue_${status}`, entityType: 'document', entityId: item.document_id, org: { id: item.org_id, path: item.org_path }, before: { status: 'open' }, after: { status, reason, itemId: item.id } });
    });
  }
}

function requireReason(reason: string | undefined, field = 'reason'): string {
  const r = reason?.trim() ?? '';
  if (!r) throw ValidationError.field(field, 'required');
  return r;
}

function summarise(messages: string[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) {
    const head = m.split('（')[0]!;
    counts.set(head, (counts.get(head) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n} 处`).join('；');
}
