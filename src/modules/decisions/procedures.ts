// The five statutory procedures of a major administrative decision (国务院令第713号) and the rule for marking an
// item decided. Pure.

export const procedureKinds = ['public_participation', 'expert_review', 'risk_assessment', 'legality_review', 'collective_decision'] as const;
export type ProcedureKind = (typeof procedureKinds)[number];
export const procedureNames: Record<ProcedureKind, string> = {
  public_participation: '公众参与',
  expert_review: '专家论证',
  risk_assessment: '风险评估',
  legality_review: '合法性审查',
  collective_decision: '集体讨论决定',
};
/** Legality review and collective decision can never be skipped; the others may be judged not needed, with a note. */
export const alwaysRequired: readonly ProcedureKind[] = ['legality_review', 'collective_decision'];

export const procedureStates = ['pending', 'done', 'not_required'] as const;
export type ProcedureState = (typeof procedureStates)[number];
export const procedureStateNames: Record<ProcedureState, string> = { pending: '未完成', done: '已完成', not_required: '经研究无需开展' };

export const itemStates = ['planned', 'decided', 'withdrawn'] as const;
export type ItemState = (typeof itemStates)[number];
export const itemStateNames: Record<ItemState, string> = { planned: '推进中', decided: '已作出决策', withdrawn: '已调出目录' };

export type ProcedureFact = { kind: ProcedureKind; status: ProcedureState; doneOn: string | null; note: string | null };

/** Problems with setting one procedure (empty when fine). */
export function checkProcedure(p: ProcedureFact): string[] {
  const out: string[] = [];
  if (p.status === 'not_required' && alwaysRequired.includes(p.kind)) out.push(`${procedureNames[p.kind]}是法定必经程序，不能标记为无需开展`);
  if (p.status === 'not_required' && (p.note ?? '').trim().length < 4) out.push(`标记${procedureNames[p.kind]}无需开展须说明理由（至少 4 个字）`);
  if (p.status === 'done' && !p.doneOn) out.push(`请填写${procedureNames[p.kind]}的完成日期`);
  return out;
}

/** Why the item cannot be marked decided on `decidedOn` (empty: it can). */
export function decideProblems(procedures: ProcedureFact[], decidedOn: string): string[] {
  const byKind = new Map(procedures.map((p) => [p.kind, p]));
  const out: string[] = [];
  for (const kind of procedureKinds) {
    const p = byKind.get(kind);
    if (!p || p.status === 'pending') out.push(`${procedureNames[kind]}尚未完成`);
    else out.push(...checkProcedure(p));
  }
  const legality = byKind.get('legality_review');
  const collective = byKind.get('collective_decision');
  if (legality?.doneOn && collective?.doneOn && legality.doneOn > collective.doneOn) out.push('合法性审查须在集体讨论决定之前完成');
  if (collective?.doneOn && decidedOn < collective.doneOn) out.push('决策日期不能早于集体讨论决定日期');
  return out;
}
