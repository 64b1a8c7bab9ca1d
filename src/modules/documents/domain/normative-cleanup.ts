// 规范性文件清理: an organisation reviews its historical normative documents and decides for each 继续有效 / 修改 /
// 废止 / 失效 with a reason (国办发〔2018〕37号, periodic clean-up). Publishing the campaign turns the decisions
// into effects in the legislation.gov.uk model (peers.md Part 2): 废止 → `repeals`, 失效 → `expires`, both in
// force on the publication date; 修改 only flags the document 拟修改 (its status changes when the amending document
// is published); 继续有效 changes nothing. Pure.
import type { EffectType } from './normative-status.ts';

export const cleanupDecisions = ['keep', 'amend', 'repeal', 'expire'] as const;
export type CleanupDecision = (typeof cleanupDecisions)[number];
export const cleanupDecisionNames: Record<CleanupDecision, string> = { keep: '继续有效', amend: '修改', repeal: '废止', expire: '失效' };

export const cleanupStates = ['draft', 'published'] as const;
export type CleanupState = (typeof cleanupStates)[number];
export const cleanupStateNames: Record<CleanupState, string> = { draft: '清理中', published: '已公布' };

export type CleanupEvent = 'add_items' | 'remove_item' | 'decide' | 'edit' | 'publish' | 'delete';

export type CleanupRefusal = { code: string; zh: string; en: string };

export interface CleanupItemView {
  documentId: string;
  decision: CleanupDecision | null;
  reason: string | null;
}

/** Whether `event` may happen to a campaign in `state` with these items; null when allowed. */
export function cleanupRefusal(state: CleanupState, event: CleanupEvent, items: readonly CleanupItemView[] = []): CleanupRefusal | null {
  if (state === 'published') return { code: 'published', zh: '清理结果已公布，不能再修改', en: 'The clean-up result is published and cannot change' };
  if (event !== 'publish') return null;
  if (items.length === 0) return { code: 'empty', zh: '清理范围内还没有文件', en: 'The campaign has no documents' };
  const undecided = items.filter((i) => i.decision === null).length;
  if (undecided > 0) return { code: 'undecided', zh: `还有 ${undecided} 件文件未作出清理决定`, en: `${undecided} document(s) have no decision yet` };
  const noReason = items.filter((i) => i.decision !== 'keep' && !(i.reason ?? '').trim()).length;
  if (noReason > 0) return { code: 'reason_required', zh: `有 ${noReason} 件拟修改、废止或失效的文件未填写理由`, en: `${noReason} amend/repeal/expire decision(s) lack a reason` };
  return null;
}

/** Whether a decision needs a reason when it is recorded (继续有效 may go without one). */
export const decisionNeedsReason = (d: CleanupDecision) => d !== 'keep';

/** The effects publishing records: one per document to repeal or declare expired, in force on the publication date. */
export function cleanupEffects(items: readonly CleanupItemView[], publishedOn: string): { affectedDocumentId: string; type: EffectType; inForceOn: string }[] {
  const out: { affectedDocumentId: string; type: EffectType; inForceOn: string }[] = [];
  for (const i of items) {
    if (i.decision === 'repeal') out.push({ affectedDocumentId: i.documentId, type: 'repeals', inForceOn: publishedOn });
    if (i.decision === 'expire') out.push({ affectedDocumentId: i.documentId, type: 'expires', inForceOn: publishedOn });
  }
  return out;
}
