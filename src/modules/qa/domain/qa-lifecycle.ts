// The life of a policy Q&A as a pure transition table (DESIGN.md §6): (state, event, guard, role) → state, with a
// Chinese reason for every refusal. Public questions start in `pending` (moderation), staff entries in `draft`;
// nothing is public except `published`.

export const qaStates = ['pending', 'rejected', 'assigned', 'answered', 'draft', 'in_review', 'published', 'withdrawn'] as const;
export type QaState = (typeof qaStates)[number];

export const qaStateNames: Record<QaState, string> = {
  pending: '待审核（未公开）',
  rejected: '不予受理',
  assigned: '待答复',
  answered: '已答复（不公开）',
  draft: '草稿',
  in_review: '待发布审核',
  published: '已发布',
  withdrawn: '已撤下',
};

export const qaEvents = ['accept', 'reject', 'reroute', 'answer', 'submit', 'publish', 'return', 'unpublish', 'republish', 'revise'] as const;
export type QaEvent = (typeof qaEvents)[number];

export const qaEventNames: Record<QaEvent, string> = {
  accept: '审核通过并转办',
  reject: '不予受理',
  reroute: '改派部门',
  answer: '答复',
  submit: '提交发布审核',
  publish: '审核通过并发布',
  return: '退回修改',
  unpublish: '撤下',
  republish: '重新发布',
  revise: '修改后重新提交',
};

/** moderator: qa.moderate; answerer: qa.answer (the department); manager: qa.manage (review before publication). */
export const qaRoles = ['moderator', 'answerer', 'manager', 'system'] as const;
export type QaRole = (typeof qaRoles)[number];

export type QaOrigin = 'public' | 'staff';
export type QaEventInput = { type: QaEvent; answer?: string; publish?: boolean; reason?: string; toOrgId?: string };
export type QaContext = { roles: readonly QaRole[]; origin: QaOrigin; hasAnswer: boolean; orgId: string };
export type Refusal = { code: string; zh: string };
export type QaTransition = { ok: true; next: QaState } | { ok: false; reason: Refusal };

type Row = { next: QaState | 'stay' | ((e: QaEventInput, ctx: QaContext) => QaState); roles: readonly QaRole[]; guard?: (e: QaEventInput, ctx: QaContext) => Refusal | null };

const R = (code: string, zh: string): Refusal => ({ code, zh });
const has = (s: string | undefined) => typeof s === 'string' && s.trim() !== '';
const needReason = (e: QaEventInput) => (has(e.reason) ? null : R('reason', '请填写理由。'));
const needAnswer = (e: QaEventInput) => (has(e.answer) ? null : R('answer', '请填写答复内容。'));
const hasStoredAnswer = (_e: QaEventInput, c: QaContext) => (c.hasAnswer ? null : R('no_answer', '尚未填写答复内容，不能提交发布。'));
const reroute = (e: QaEventInput, c: QaContext) => (!e.toOrgId ? R('target', '请选择承办部门。') : e.toOrgId === c.orgId ? R('same_org', '已由该部门承办。') : null);

const MOD: readonly QaRole[] = ['moderator'];
const ANS: readonly QaRole[] = ['answerer'];
const MGR: readonly QaRole[] = ['manager'];

const TABLE: Record<QaState, Partial<Record<QaEvent, Row>>> = {
  pending: {
    accept: { next: 'assigned', roles: MOD },
    reject: { next: 'rejected', roles: MOD, guard: needReason },
    reroute: { next: 'stay', roles: MOD, guard: reroute },
  },
  rejected: {},
  assigned: {
    answer: { next: (e) => (e.publish ? 'in_review' : 'answered'), roles: ANS, guard: needAnswer },
    reroute: { next: 'stay', roles: MOD, guard: reroute },
  },
  answered: { submit: { next: 'in_review', roles: ANS, guard: hasStoredAnswer } },
  draft: { submit: { next: 'in_review', roles: ANS, guard: hasStoredAnswer } },
  in_review: {
    publish: { next: 'published', roles: MGR, guard: hasStoredAnswer },
    // A returned public question goes back to the department as answered-but-private; a staff entry to its draft.
    return: { next: (_e, c) => (c.origin === 'public' ? 'answered' : 'draft'), roles: MGR, guard: needReason },
  },
  published: { unpublish: { next: 'withdrawn', roles: MGR, guard: needReason } },
  withdrawn: { republish: { next: 'published', roles: MGR }, revise: { next: 'draft', roles: ANS } },
};

/** The answer to "may this role do this now, and where does it lead". */
export function qaTransition(state: QaState, event: QaEventInput, ctx: QaContext): QaTransition {
  const row = TABLE[state]?.[event.type];
  if (!row) return { ok: false, reason: R('state', `“${qaStateNames[state]}”状态下不能${qaEventNames[event.type] ?? '执行此操作'}。`) };
  if (!ctx.roles.includes('system') && !row.roles.some((r) => ctx.roles.includes(r))) return { ok: false, reason: R('role', `您没有在本机构${qaEventNames[event.type]}的权限。`) };
  const refusal = row.guard?.(event, ctx) ?? null;
  if (refusal) return { ok: false, reason: refusal };
  const next = typeof row.next === 'function' ? row.next(event, ctx) : row.next === 'stay' ? state : row.next;
  return { ok: true, next };
}

/** The events the roles could take in this state (guards aside), for the admin's buttons. */
export function qaActions(state: QaState, roles: readonly QaRole[]): QaEvent[] {
  return qaEvents.filter((e) => {
    const row = TABLE[state]?.[e];
    return row && (roles.includes('system') || row.roles.some((r) => roles.includes(r)));
  });
}

/** States where the question waits for the department: they carry the answer deadline on the to-do list. */
export const qaOpenStates: readonly QaState[] = ['pending', 'assigned'];
