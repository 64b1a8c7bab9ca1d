// The consultation lifecycle as a pure table. Stored states are draft / published / concluded / withdrawn; whether a
// published consultation is upcoming, open or closed follows from its dates (Beijing calendar days).

export const storedStates = ['draft', 'published', 'concluded', 'withdrawn'] as const;
export type StoredState = (typeof storedStates)[number];
export const phases = ['draft', 'upcoming', 'open', 'closed', 'concluded', 'withdrawn'] as const;
export type Phase = (typeof phases)[number];
export const phaseNames: Record<Phase, string> = {
  draft: '草稿',
  upcoming: '即将开始',
  open: '征集中',
  closed: '已截止',
  concluded: '已公布采纳情况',
  withdrawn: '已撤回',
};

export const consultationEvents = [
  'edit', 'publish', 'delete', 'extend', 'withdraw', 'comment', 'staff_comment', 'moderate', 'decide', 'publish_result', 'link_final',
] as const;
export type ConsultationEvent = (typeof consultationEvents)[number];

/** Facts the guards look at. */
export type Guard = {
  /** Comments still waiting for moderation. */
  pending: number;
  /** Approved comments without a decision. */
  undecided: number;
  /** The period check (publish, extend): null when fine, else the reason. */
  periodProblem: string | null;
  /** Reason given (withdraw). */
  reason: string;
};

export function phaseOf(state: StoredState, opensOn: string, closesOn: string, today: string): Phase {
  if (state !== 'published') return state;
  if (today < opensOn) return 'upcoming';
  return today <= closesOn ? 'open' : 'closed';
}

type Rule = { from: readonly Phase[]; to?: StoredState; refuse: string; guard?: (g: Guard) => string | null };

const rules: Record<ConsultationEvent, Rule> = {
  edit: { from: ['draft', 'upcoming'], refuse: '征集开始后不能再修改草案和说明（评论依附于条文）' },
  publish: { from: ['draft'], to: 'published', refuse: '只有草稿可以发布', guard: (g) => g.periodProblem },
  delete: { from: ['draft'], refuse: '只有未发布的草稿可以删除；已发布的征集只能撤回' },
  extend: { from: ['upcoming', 'open'], refuse: '只有尚未截止的征集可以延长', guard: (g) => g.periodProblem },
  withdraw: {
    from: ['upcoming', 'open'],
    to: 'withdrawn',
    refuse: '只有尚未截止的征集可以撤回',
    guard: (g) => (g.reason.trim().length < 4 ? '撤回须说明理由（至少 4 个字）' : null),
  },
  comment: { from: ['open'], refuse: '该征集不在意见征集期内，不能提交意见' },
  staff_comment: { from: ['open', 'closed'], refuse: '只能在征集期内或截止后、公布采纳情况前录入意见' },
  moderate: { from: ['open', 'closed'], refuse: '采纳情况公布后不能再审核意见' },
  decide: { from: ['closed'], refuse: '征集截止后才能对意见作出采纳决定' },
  publish_result: {
    from: ['closed'],
    to: 'concluded',
    refuse: '征集截止后、尚未公布时才能公布采纳情况',
    guard: (g) =>
      g.pending > 0 ? `还有 ${g.pending} 条意见未审核` : g.undecided > 0 ? `还有 ${g.undecided} 条意见未作出采纳决定` : null,
  },
  link_final: { from: ['closed', 'concluded'], refuse: '征集截止后才能关联最终文件' },
};

export type TransitionResult = { ok: true; next: StoredState | null } | { ok: false; reason: string };

/** (phase, event, guard) → the stored state after (null: unchanged) or the reason for refusing, in Chinese. */
export function transition(phase: Phase, event: ConsultationEvent, guard: Guard): TransitionResult {
  const rule = rules[event];
  if (!rule.from.includes(phase)) return { ok: false, reason: `${rule.refuse}（当前状态：${phaseNames[phase]}）` };
  const problem = rule.guard?.(guard) ?? null;
  if (problem) return { ok: false, reason: problem };
  return { ok: true, next: rule.to ?? null };
}

/** Which events a phase allows at all (for the admin UI's buttons). */
export const allowedEvents = (phase: Phase): ConsultationEvent[] => consultationEvents.filter((e) => rules[e].from.includes(phase));
