// The publication gate the documents workflow calls before approve / publish / urgent publish (and for a scheduled
// edition when its time comes): open blocking findings, the review steps, and the 三同步 interpretation rule.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/unit-of-work.ts';
import { newId } from '../../platform/db/ids.ts';
import { addWorkingDays } from '../../platform/calendar/working-days.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import { hasInterpretation, type GateContext, type PublicationGate, type ReviewEdition } from '../documents/index.ts';
import { ReviewRepository, type FindingRow, type OverrideRow } from './review.repository.ts';
import type { EditionScanner } from './edition-scan.ts';

export const DEFAULT_STEPS = ['审核'];

type Refusal = { code: string; zh: string; en: string };

/**
 * Whether a reviewer may override the finding. Secret markings ('block') never: the document goes to secrecy
 * review instead. An unreadable attachment (an image, a scanned PDF) is 'block' too, but the scanner asks for it to
 * be reviewed by hand, so a reviewer's override (reason: what they checked) is how that manual review is recorded.
 */
export const isOverridable = (f: Pick<FindingRow, 'blocking' | 'severity' | 'category'>) => f.blocking === 1 && (f.severity !== 'block' || f.category === 'unreadable');

/** A finding still stops publication: blocking, and not overridden (or not overridable at all). */
export function isOpenBlocking(f: FindingRow, overridden: ReadonlySet<string>): boolean {
  if (f.blocking !== 1) return false;
  return !isOverridable(f) || !overridden.has(f.finding_key);
}

export const overriddenKeys = (rows: readonly OverrideRow[]) => new Set(rows.map((o) => o.finding_key));

/** The review steps configured for the organisation or its nearest ancestor (path: /root/…/org/). */
export async function stepsFor(db: Kysely<DB>, orgPath: string): Promise<string[]> {
  const chain = orgPath.split('/').filter(Boolean);
  const configs = await new ReviewRepository(db).stepConfigs(chain);
  for (let i = chain.length - 1; i >= 0; i--) {
    const steps = configs.get(chain[i]!);
    if (steps && steps.length > 0) return steps;
  }
  return DEFAULT_STEPS;
}

/** Whether the document falls under the 三同步 rules (policy kinds an administrator marked). */
export async function needsInterpretation(db: Kysely<DB>, e: Pick<ReviewEdition, 'kind' | 'genre' | 'normativeKind'>): Promise<boolean> {
  if (e.kind !== 'document') return false;
  const rules = await new ReviewRepository(db).interpretationRules();
  return rules.some((r) => (r.match === 'genre' && r.value === e.genre) || (r.match === 'normative_kind' && r.value === e.normativeKind));
}

/** Sign-offs of the current submission (a rejected and resubmitted edition is signed again). */
export function currentRound<T extends { signed_at: string }>(rows: T[], submittedAt: string | null): T[] {
  return submittedAt ? rows.filter((r) => r.signed_at >= submittedAt) : rows;
}

export class ReviewGate implements PublicationGate {
  constructor(
    private readonly scanner: EditionScanner,
    private readonly interpretationDays: number,
    private readonly today: () => string,
    /** The installation's calendar (overrides included); the bundled schedule when not given. */
    private readonly workingDays: () => Pick<WorkingDays, 'addWorkingDays'> = () => ({ addWorkingDays }),
  ) {}

  async prepare(editionId: string): Promise<void> {
    await this.scanner.current(editionId);
  }

  async check(tx: Tx, ctx: GateContext): Promise<Refusal | null> {
    const current = await this.scanner.current(ctx.editionId, tx.db);
    if (!current) return null;
    const repo = new ReviewRepository(tx.db);
    const overridden = overriddenKeys(await repo.overridesOf(ctx.editionId));
    const open = current.findings.filter((f) => isOpenBlocking(f, overridden));
    if (open.length > 0) {
      const cats = [...new Set(open.map((f) => f.message_zh.split('（')[0]))].slice(0, 3).join('、');
      return {
        code: 'review_blocking',
        zh: `发布前审查发现 ${open.length} 个未处理的阻止性问题（${cats}），请脱敏、删除或由审核人记录豁免理由`,
        en: `Pre-publication review found ${open.length} open blocking finding(s); mask them or record an override with a reason`,
      };
    }
    if (ctx.event === 'approve') {
      const steps = await stepsFor(tx.db, current.edition.orgPath);
      const signed = currentRound(await repo.signoffs(ctx.editionId), current.edition.submittedAt);
      const missing = steps.slice(0, -1).filter((_, i) => !signed.some((s) => s.step_index === i));
      if (missing.length > 0) {
        return { code: 'review_steps', zh: `审查步骤未完成：${missing.join('、')}`, en: `Review steps not signed: ${missing.join(', ')}` };
      }
      if (ctx.actor.userId && signed.some((s) => s.user_id === ctx.actor.userId)) {
        return { code: 'review_steps', zh: `“${steps.at(-1)}”须由未签批前面步骤的另一位审核人签批`, en: `The final step “${steps.at(-1)}” needs a reviewer who signed no earlier step` };
      }
    }
    if (ctx.event !== 'approve' && (await needsInterpretation(tx.db, current.edition))) {
      const linked = await hasInterpretation(tx.db, ctx.documentId);
      const plan = await repo.plan(ctx.documentId);
      if (!linked && !plan) {
        return {
          code: 'interpretation_required',
          zh: '三同步：该类文件须关联政策解读，或登记解读方案（解读须在发布后规定工作日内发布）后才能发布',
          en: '三同步: link an interpretation or record an interpretation plan before publishing this kind of document',
        };
      }
    }
    return null;
  }

  async afterTransition(tx: Tx, ctx: GateContext): Promise<void> {
    const repo = new ReviewRepository(tx.db);
    if (ctx.event === 'approve' && ctx.actor.userId) {
      const edition = (await this.scanner.current(ctx.editionId, tx.db))!.edition;
      const steps = await stepsFor(tx.db, edition.orgPath);
      // The approving user signs the final step: approve is that step's signature.
      await repo.deleteSignoff(ctx.editionId, steps.length - 1);
      await repo.insertSignoff({ id: newId(), edition_id: ctx.editionId, step_index: steps.length - 1, step_name: steps.at(-1)!, user_id: ctx.actor.userId, user_name: ctx.actor.userName, note: null, signed_at: ctx.now });
      return;
    }
    if (ctx.event === 'publish' || ctx.event === 'urgent_publish') {
      const plan = await repo.plan(ctx.documentId);
      if (plan && !plan.published_on && !(await hasInterpretation(tx.db, ctx.documentId, true))) {
        const publishedOn = this.today();
        await repo.updatePlan(ctx.documentId, { published_on: publishedOn, due_on: this.workingDays().addWorkingDays(publishedOn, this.interpretationDays).date });
      }
    }
  }
}
