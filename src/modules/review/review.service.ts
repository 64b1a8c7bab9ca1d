// The review workflow around the scanner: what a document's review shows (findings with their status, steps and
// signatures, the 三同步 state), overrides, one-click masking, step sign-off and the settings behind them.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { hasInterpretation, reviewDocument, type DocumentService } from '../documents/index.ts';
import { ReviewRepository, type FindingRow, type OverrideRow } from './review.repository.ts';
import { locationLabel, type EditionScanner } from './edition-scan.ts';
import { currentRound, isOpenBlocking, isOverridable, needsInterpretation, stepsFor } from './review-gate.ts';
import { maskInHtml } from './mask-html.ts';
import { canManageReviewSettings, canReadReviewSettings } from './review.policy.ts';

const EDITABLE = new Set(['draft', 'rejected']);

export type FindingDto = {
  id: string;
  category: string;
  severity: string;
  blocking: boolean;
  status: 'open' | 'overridden' | 'info';
  /** What one click does: mask in the body/title, or ask for a redacted re-upload of the attachment. */
  action: 'mask' | 'reupload' | 'none';
  overridable: boolean;
  location: { field: string | null; attachmentId: string | null; filename: string | null; page: number | null; sheet: string | null; cell: string | null; label: string };
  start: number;
  end: number;
  text: string;
  masked: string;
  message: { zh: string; en: string };
  suggestion: string | null;
  ruleId: string;
  /** The text around the match, other findings masked (null for findings scanned before it was kept). */
  context: { before: string; after: string } | null;
  override: { reason: string; userName: string; at: string } | null;
};

export function presentFinding(f: FindingRow, overrides: Map<string, OverrideRow>): FindingDto {
  const o = overrides.get(f.finding_key) ?? null;
  const open = isOpenBlocking(f, new Set(overrides.keys()));
  const inBody = f.field === 'body' || f.field === 'title';
  return {
    id: f.id,
    category: f.category,
    severity: f.severity,
    blocking: f.blocking === 1,
    status: open ? 'open' : o ? 'overridden' : 'info',
    action: f.attachment_id ? 'reupload' : inBody && f.text && f.masked !== f.text ? 'mask' : 'none',
    overridable: isOverridable(f) && !o,
    location: { field: f.field, attachmentId: f.attachment_id, filename: f.filename, page: f.page, sheet: f.sheet, cell: f.cell, label: locationLabel(f) },
    start: f.start_offset,
    end: f.end_offset,
    text: f.text,
    masked: f.masked,
    message: { zh: f.message_zh, en: f.message_en },
    suggestion: f.suggestion,
    ruleId: f.rule_id,
    context: f.context_before !== null || f.context_after !== null ? { before: f.context_before ?? '', after: f.context_after ?? '' } : null,
    override: o ? { reason: o.reason, userName: o.user_name, at: o.created_at } : null,
  };
}

export class ReviewService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly scanner: EditionScanner,
    private readonly documents: DocumentService,
    private readonly orgs: OrganisationService,
  ) {}

  /** The document's review: its open edition (else the published one), findings, steps, 三同步. */
  async review(actor: Actor, documentId: string, which: 'open' | 'published' = 'open') {
    const doc = await reviewDocument(this.db, documentId);
    if (!doc || !can(actor, 'document.read', doc.org_path)) throw new NotFoundError();
    const editionId = which === 'published' ? doc.published_edition_id : (doc.open_edition_id ?? doc.published_edition_id);
    if (!editionId) throw new NotFoundError();
    const current = (await this.scanner.current(editionId))!;
    const repo = new ReviewRepository(this.db);
    const overrides = new Map((await repo.overridesOf(editionId)).map((o) => [o.finding_key, o]));
    const findings = current.findings.map((f) => presentFinding(f, overrides));
    const steps = await stepsFor(this.db, doc.org_path);
    const signed = currentRound(await repo.signoffs(editionId), current.edition.submittedAt);
    const interpretationRequired = await needsInterpretation(this.db, current.edition);
    const plan = interpretationRequired ? await repo.plan(documentId) : undefined;
    const e = current.edition;
    return {
      documentId,
      editionId,
      state: e.state,
      version: e.version,
      scannedAt: current.scannedAt,
      blockingOpen: findings.filter((f) => f.status === 'open').length,
      findings,
      text: { title: e.title, body: e.bodyText },
      steps: steps.map((name, index) => {
        const s = signed.find((x) => x.step_index === index);
        return { index, name, final: index === steps.length - 1, signedBy: s?.user_name ?? null, signedAt: s?.signed_at ?? null, note: s?.note ?? null };
      }),
      interpretation: {
        required: interpretationRequired,
        linked: interpretationRequired ? await hasInterpretation(this.db, documentId) : false,
        plan: plan ? { plan: plan.plan, publishedOn: plan.published_on, dueOn: plan.due_on } : null,
      },
    };
  }

  /** Records an override of a blocking finding (reason required; reviewer role on the organisation). */
  async override(actor: Actor, documentId: string, findingId: string, reason: string): Promise<FindingDto> {
    const text = reason?.trim() ?? '';
    if (!text) throw ValidationError.field('reason', 'required');
    const doc = await reviewDocument(this.db, documentId);
    if (!doc || !can(actor, 'document.read', doc.org_path)) throw new NotFoundError();
    if (!can(actor, 'document.review', doc.org_path)) throw new ForbiddenError();
    const editionId = doc.open_edition_id ?? doc.published_edition_id;
    if (!editionId) throw new NotFoundError();
    await this.scanner.current(editionId);
    return this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const current = (await this.scanner.current(editionId, tx.db))!;
      const f = current.findings.find((x) => x.id === findingId);
      if (!f) throw new NotFoundError();
      if (!isOverridable(f)) throw new AppError('REVIEW_FINDING_NOT_BLOCKING', 409);
      const existing = await repo.overridesOf(editionId);
      if (existing.some((o) => o.finding_key === f.finding_key)) throw new ConflictError('REVIEW_ALREADY_OVERRIDDEN');
      const row: OverrideRow = {
        id: newId(), edition_id: editionId, document_id: documentId, org_id: doc.org_id, org_path: doc.org_path,
        finding_key: f.finding_key, category: f.category, excerpt: f.masked || f.message_zh, location: locationLabel(f),
        document_title: current.edition.title, reason: text, user_id: actor.userId, user_name: actor.userName, created_at: nowIso(),
      };
      await repo.insertOverride(row);
      // The audit keeps the masked form: the override list must not become a second copy of the leak.
      await tx.audit({ action: 'review.override', entityType: 'document', entityId: documentId, org: { id: doc.org_id, path: doc.org_path }, after: { editionId, category: f.category, excerpt: row.excerpt, location: row.location, reason: text } });
      return presentFinding(f, new Map([...existing.map((o) => [o.finding_key, o] as const), [f.finding_key, row]]));
    });
  }

  /**
   * One-click masking: body or title findings are replaced by their masked form in a save of the draft (the
   * documents module checks document.edit and records the save); an attachment finding records that a redacted
   * re-upload is needed — it keeps blocking until the file is replaced or the finding overridden.
   */
  async mask(actor: Actor, documentId: string, findingId: string): Promise<{ masked: number; reupload: boolean; message: string }> {
    const doc = await reviewDocument(this.db, documentId);
    if (!doc || !can(actor, 'document.read', doc.org_path) || !doc.open_edition_id) throw new NotFoundError();
    const current = (await this.scanner.current(doc.open_edition_id))!;
    const f = current.findings.find((x) => x.id === findingId);
    if (!f) throw new NotFoundError();
    const org = { id: doc.org_id, path: doc.org_path };
    if (f.attachment_id) {
      if (!can(actor, 'document.edit', doc.org_path) && !can(actor, 'document.review', doc.org_path)) throw new ForbiddenError();
      await this.uow(actor, (tx) => tx.audit({ action: 'review.reupload_requested', entityType: 'document', entityId: documentId, org, after: { editionId: current.edition.editionId, category: f.category, location: locationLabel(f), excerpt: f.masked } }));
      return { masked: 0, reupload: true, message: `附件“${f.filename}”须删除后重新上传脱敏版本（${locationLabel(f)}：${f.masked || f.message_zh}）；在此之前该问题仍阻止发布，或由审核人记录豁免。` };
    }
    if (!EDITABLE.has(current.edition.state)) throw new ConflictError('REVIEW_EDITION_NOT_EDITABLE');
    if (f.field !== 'body' && f.field !== 'title') throw new AppError('REVIEW_NOT_MASKABLE', 409, { reason: '只能脱敏正文或标题中的内容' });
    if (!f.text || f.masked === f.text) throw new AppError('REVIEW_NOT_MASKABLE', 409, { reason: '该问题没有脱敏替换（请修改原文）' });
    let input: { bodyHtml?: string; title?: string; lockVersion: number };
    let count: number;
    if (f.field === 'title') {
      count = current.edition.title.split(f.text).length - 1;
      input = { title: current.edition.title.split(f.text).join(f.masked), lockVersion: current.edition.lockVersion };
    } else {
      const r = maskInHtml(current.edition.bodyHtml, [{ text: f.text, masked: f.masked }]);
      count = r.replaced;
      input = { bodyHtml: r.html, lockVersion: current.edition.lockVersion };
    }
    if (count === 0) throw new AppError('REVIEW_NOT_MASKABLE', 409, { reason: '原文中该内容被格式标记分隔，请在编辑器中手工修改' });
    await this.documents.update(actor, documentId, input);
    await this.uow(actor, (tx) => tx.audit({ action: 'review.mask', entityType: 'document', entityId: documentId, org, after: { editionId: current.edition.editionId, category: f.category, field: f.field, masked: f.masked, occurrences: count } }));
    return { masked: count, reupload: false, message: `已将 ${count} 处替换为 ${f.masked}` };
  }

  /** A named reviewer signs one of the steps before the final one (the final step is signed by approving). */
  async sign(actor: Actor, documentId: string, stepIndex: number, note: string | null | undefined) {
    const doc = await reviewDocument(this.db, documentId);
    if (!doc || !can(actor, 'document.read', doc.org_path) || !doc.open_edition_id) throw new NotFoundError();
    if (!can(actor, 'document.review', doc.org_path) || !actor.userId) throw new ForbiddenError();
    const editionId = doc.open_edition_id;
    await this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const current = (await this.scanner.current(editionId, tx.db))!;
      if (current.edition.state !== 'submitted') throw new ConflictError('REVIEW_STEP_STATE');
      const steps = await stepsFor(tx.db, doc.org_path);
      if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= steps.length - 1) throw ValidationError.field('step', 'custom', { zh: '该步骤不存在，或为最后一步（由“审核通过”签批）', en: 'No such step, or the final step (signed by approving)' });
      const signed = currentRound(await repo.signoffs(editionId), current.edition.submittedAt);
      if (signed.some((s) => s.step_index === stepIndex)) throw new ConflictError('REVIEW_STEP_SIGNED', { step: steps[stepIndex] });
      const previous = steps.findIndex((_, i) => i < stepIndex && !signed.some((s) => s.step_index === i));
      if (previous >= 0) throw new ConflictError('REVIEW_STEP_ORDER', { step: steps[previous] });
      if (current.edition.submittedBy === actor.userId || signed.some((s) => s.user_id === actor.userId)) throw new ForbiddenError('REVIEW_STEP_SAME_USER');
      await repo.deleteSignoff(editionId, stepIndex);
      const now = nowIso();
      await repo.insertSignoff({ id: newId(), edition_id: editionId, step_index: stepIndex, step_name: steps[stepIndex]!, user_id: actor.userId!, user_name: actor.userName, note: note?.trim() || null, signed_at: now });
      await tx.audit({ action: 'review.sign', entityType: 'document', entityId: documentId, org: { id: doc.org_id, path: doc.org_path }, after: { editionId, step: steps[stepIndex], note: note ?? null } });
    });
    return this.review(actor, documentId);
  }

  async steps(actor: Actor, orgId: string): Promise<{ organisationId: string; steps: string[]; inherited: boolean }> {
    const org = await this.orgs.requireReadable(actor, orgId);
    const own = (await new ReviewRepository(this.db).stepConfigs([orgId])).get(orgId);
    return { organisationId: orgId, steps: own ?? (await stepsFor(this.db, org.path)), inherited: !own };
  }

  /** Sets (or with null, clears to inherit) the organisation's review steps; needs org.manage there. */
  async setSteps(actor: Actor, orgId: string, steps: string[] | null) {
    const org = await this.orgs.requireReadable(actor, orgId);
    if (!can(actor, 'org.manage', org.path)) throw new ForbiddenError();
    const clean = steps?.map((s) => s.trim()).filter(Boolean) ?? null;
    if (clean && (clean.length === 0 || clean.length > 6 || new Set(clean).size !== clean.length)) throw ValidationError.field('steps', 'custom', { zh: '审查步骤为 1–6 个互不相同的名称', en: '1–6 distinct step names' });
    await this.uow(actor, async (tx) => {
      const before = (await new ReviewRepository(tx.db).stepConfigs([orgId])).get(orgId) ?? null;
      await new ReviewRepository(tx.db).setStepConfig(orgId, clean, nowIso());
      await tx.audit({ action: 'review.steps_set', entityType: 'organisation', entityId: orgId, org: { id: orgId, path: org.path }, before: { steps: before }, after: { steps: clean } });
    });
    return this.steps(actor, orgId);
  }

  /** Overrides in the actor's organisations, newest first: the openness office's oversight list. */
  async overrides(actor: Actor, query: { page?: number; pageSize?: number }) {
    const roots = scopeRoots(actor, 'document.review');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const repo = new ReviewRepository(this.db);
    const [rows, total] = await Promise.all([repo.listOverrides(roots, (page - 1) * pageSize, pageSize), repo.countOverrides(roots)]);
    return {
      items: rows.map((o) => ({ id: o.id, documentId: o.document_id, editionId: o.edition_id, organisationId: o.org_id, documentTitle: o.document_title, category: o.category, excerpt: o.excerpt, location: o.location, reason: o.reason, userName: o.user_name, at: o.created_at })),
      total, page, pageSize,
    };
  }

  // ---- 三同步
  async interpretationRules(actor: Actor) {
    if (!canReadReviewSettings(actor)) throw new ForbiddenError();
    return (await new ReviewRepository(this.db).interpretationRules()).map((r) => ({ id: r.id, match: r.match, value: r.value }));
  }

  async addInterpretationRule(actor: Actor, match: 'genre' | 'normative_kind', value: string) {
    if (!canManageReviewSettings(actor)) throw new ForbiddenError();
    const v = value?.trim() ?? '';
    if (!v) throw ValidationError.field('value', 'required');
    return this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      if ((await repo.interpretationRules()).some((r) => r.match === match && r.value === v)) throw new ConflictError('REVIEW_RULE_EXISTS');
      const row = { id: newId(), match, value: v, created_at: nowIso() };
      await repo.insertRule(row);
      await tx.audit({ action: 'review.interpretation_rule_add', entityType: 'review_rule', entityId: row.id, after: { match, value: v } });
      return { id: row.id, match, value: v };
    });
  }

  async removeInterpretationRule(actor: Actor, id: string): Promise<void> {
    if (!canManageReviewSettings(actor)) throw new ForbiddenError();
    await this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const row = await repo.findRule(id);
      if (!row) throw new NotFoundError();
      await repo.deleteRule(id);
      await tx.audit({ action: 'review.interpretation_rule_remove', entityType: 'review_rule', entityId: id, before: { match: row.match, value: row.value } });
    });
  }

  /** Records the interpretation plan (what will be published, by whom) so the policy document may be published first. */
  async recordPlan(actor: Actor, documentId: string, plan: string) {
    const text = plan?.trim() ?? '';
    if (!text) throw ValidationError.field('plan', 'required');
    const doc = await reviewDocument(this.db, documentId);
    if (!doc || !can(actor, 'document.read', doc.org_path)) throw new NotFoundError();
    if (!can(actor, 'document.edit', doc.org_path) && !can(actor, 'document.review', doc.org_path)) throw new ForbiddenError();
    const editionId = (doc.open_edition_id ?? doc.published_edition_id)!;
    await this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const before = await repo.plan(documentId);
      const current = (await this.scanner.current(editionId, tx.db))!;
      await repo.savePlan({ document_id: documentId, org_id: doc.org_id, org_path: doc.org_path, document_title: current.edition.title, plan: text, published_on: before?.published_on ?? null, due_on: before?.due_on ?? null, created_by: actor.userId, created_at: nowIso() });
      await tx.audit({ action: 'review.interpretation_plan', entityType: 'document', entityId: documentId, org: { id: doc.org_id, path: doc.org_path }, before: before ? { plan: before.plan } : null, after: { plan: text } });
    });
    return this.review(actor, documentId);
  }
}
