// The edition lifecycle as a pure transition table (DESIGN.md §6): (state, event, guard, actor role) → state,
// with the effects the service must carry out and a reason for every refusal. Modelled on Whitehall's
// editions (peers.md Part 2): four-eyes rule, urgent ("force") publish with retrospective approval.
import type { RoleCode } from '../../../platform/authz/roles.ts';
import {
  editionEventNames,
  editionEventTypes,
  editionStateNames,
  editionStates,
  type EditionContext,
  type EditionEffect,
  type EditionEvent,
  type EditionEventType,
  type EditionState,
  type Refusal,
  type TransitionResult,
} from './edition-types.ts';

export * from './edition-types.ts';

/** Who may do what. Configuration: the lead may tighten or widen these sets without touching the table. */
export interface EditionRules {
  roles: Record<EditionEventType, readonly RoleCode[]>;
  /** Events the system actor (scheduler, service) may perform, per state. It holds no roles. */
  system: Partial<Record<EditionState, readonly EditionEventType[]>>;
  /** Events the edition's submitter may never perform on it. */
  fourEyes: readonly EditionEventType[];
  /** How far ahead a scheduled time must be, in milliseconds (0: any future instant). */
  minScheduleLeadMs: number;
}

const EDIT: readonly RoleCode[] = ['editor', 'office_admin', 'sysadmin'];
const REVIEW: readonly RoleCode[] = ['reviewer', 'office_admin', 'sysadmin'];
const ADMIN: readonly RoleCode[] = ['office_admin', 'sysadmin'];

export const defaultEditionRules: EditionRules = {
  roles: {
    submit: EDIT,
    reopen: EDIT,
    reject: REVIEW,
    approve: REVIEW,
    schedule: REVIEW,
    unschedule: REVIEW,
    publish: REVIEW,
    urgent_publish: ADMIN,
    approve_retrospectively: REVIEW,
    supersede: REVIEW,
    withdraw: REVIEW,
    unpublish: ADMIN,
  },
  system: { scheduled: ['publish'], published: ['supersede'] },
  fourEyes: ['approve', 'schedule', 'publish', 'urgent_publish', 'approve_retrospectively'],
  minScheduleLeadMs: 0,
};

type Row = {
  /** 'stay': the state does not change (the event only records something). */
  next: EditionState | 'stay';
  guard?: (event: EditionEvent, ctx: EditionContext, rules: EditionRules) => Refusal | null;
  effects: (event: EditionEvent, ctx: EditionContext) => EditionEffect[];
};

const MESSAGES: Record<string, [zh: string, en: string]> = {
  unknown_event: ['未知的操作。', 'Unknown action.'],
  invalid_transition: ['“{state}”状态的版本不能执行“{event}”。', 'An edition that is {stateEn} cannot be given “{eventEn}”.'],
  role_not_allowed: ['您的角色不能执行“{event}”。', 'Your roles do not allow “{eventEn}”.'],
  four_eyes: ['提交人不能审核或发布自己提交的版本（双人审核）。', 'The submitter cannot approve or publish their own edition (four-eyes rule).'],
  four_eyes_urgent: ['紧急发布人不能补充审核自己紧急发布的版本。', 'Whoever published urgently cannot approve the same edition retrospectively.'],
  no_submitter: ['该版本没有提交人记录，无法核对双人审核。', 'The edition has no recorded submitter, so the four-eyes rule cannot be checked.'],
  reason_required: ['请填写原因。', 'A reason is required.'],
  change_note_required: ['重大修改须填写修改说明后才能提交。', 'A major change needs a change note before it is submitted.'],
  publish_at_invalid: ['定时发布时间无效。', 'The scheduled time is not a valid instant.'],
  publish_at_not_future: ['定时发布时间必须晚于当前时间。', 'The scheduled time must be in the future.'],
  publish_at_missing: ['定时发布的版本缺少发布时间。', 'The scheduled edition has no publication time.'],
  not_due: ['尚未到定时发布时间。', 'The scheduled time has not come yet.'],
  no_retrospective_pending: ['该版本没有待补充的审核。', 'This edition has no retrospective approval pending.'],
  superseding_edition_required: ['须指明取代它的新版本。', 'The superseding edition must be named.'],
  replacement_is_self: ['替代文件不能是本文件。', 'A document cannot redirect to itself.'],
};

/** A refusal with its zh/en message; `params` fill `{name}` placeholders. */
export function refusal(code: keyof typeof MESSAGES & string, params: Record<string, string> = {}): Refusal {
  const [zh, en] = MESSAGES[code] ?? MESSAGES.unknown_event!;
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? k);
  return { code, zh: fill(zh), en: fill(en) };
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const reasonOf = (e: EditionEvent) => ('reason' in e && typeof e.reason === 'string' ? e.reason.trim() : '');
const needReason = (e: EditionEvent) => (blank(reasonOf(e)) ? refusal('reason_required') : null);

const goLive = (): EditionEffect[] => [
  { type: 'set_live' },
  { type: 'supersede_previous' },
  { type: 'index' },
  { type: 'ledger_append', action: 'publish' },
];

const TABLE: Record<EditionState, Partial<Record<EditionEventType, Row>>> = {
  draft: {
    submit: {
      next: 'submitted',
      guard: (_e, ctx) =>
        ctx.edition.changeType === 'major' && blank(ctx.edition.changeNote) ? refusal('change_note_required') : null,
      effects: (_e, ctx) => [{ type: 'record_submitter', userId: ctx.actor.id }, { type: 'notify', to: 'reviewers' }],
    },
  },
  submitted: {
    reject: {
      next: 'rejected',
      guard: needReason,
      effects: (e) => [{ type: 'record_reason', reason: reasonOf(e) }, { type: 'notify', to: 'submitter' }],
    },
    approve: {
      next: 'approved',
      effects: (_e, ctx) => [{ type: 'record_approver', userId: ctx.actor.id }, { type: 'notify', to: 'submitter' }],
    },
    urgent_publish: {
      next: 'published',
      effects: (e, ctx) => [
        { type: 'record_urgent', userId: ctx.actor.id, retrospectiveApprovalRequired: true, reason: reasonOf(e) || null },
        ...goLive(),
        { type: 'notify', to: 'reviewers' },
      ],
    },
  },
  rejected: {
    reopen: { next: 'draft', effects: () => [{ type: 'reset_review' }] },
  },
  approved: {
    schedule: {
      next: 'scheduled',
      guard: (e, ctx, rules) => {
        const at = e.type === 'schedule' ? Date.parse(e.publishAt) : NaN;
        if (Number.isNaN(at)) return refusal('publish_at_invalid');
        return at <= Date.parse(ctx.now) + rules.minScheduleLeadMs ? refusal('publish_at_not_future') : null;
      },
      effects: (e) => [{ type: 'schedule_job', publishAt: e.type === 'schedule' ? new Date(e.publishAt).toISOString() : '' }],
    },
    publish: { next: 'published', effects: goLive },
  },
  scheduled: {
    unschedule: { next: 'approved', effects: () => [{ type: 'cancel_job' }] },
    publish: {
      next: 'published',
      guard: (_e, ctx) => {
        const at = ctx.edition.publishAt ? Date.parse(ctx.edition.publishAt) : NaN;
        if (Number.isNaN(at)) return refusal('publish_at_missing');
        return Date.parse(ctx.now) < at ? refusal('not_due') : null;
      },
      effects: () => [{ type: 'cancel_job' }, ...goLive()],
    },
  },
  published: {
    approve_retrospectively: retrospective(),
    supersede: {
      next: 'superseded',
      guard: (e) => (e.type === 'supersede' && !blank(e.byEditionId) ? null : refusal('superseding_edition_required')),
      effects: (e) => [{ type: 'record_superseded_by', editionId: e.type === 'supersede' ? e.byEditionId : '' }],
    },
    withdraw: {
      next: 'withdrawn',
      guard: needReason,
      effects: (e) => [{ type: 'record_reason', reason: reasonOf(e) }, { type: 'deindex' }, { type: 'ledger_append', action: 'withdraw' }],
    },
    unpublish: unpublishRow(),
  },
  superseded: { approve_retrospectively: retrospective() },
  withdrawn: { approve_retrospectively: retrospective(), unpublish: unpublishRow() },
  unpublished: {},
};

function retrospective(): Row {
  return {
    next: 'stay',
    guard: (_e, ctx) => {
      if (!ctx.edition.retrospectiveApprovalRequired) return refusal('no_retrospective_pending');
      return ctx.edition.urgentPublishedBy === ctx.actor.id ? refusal('four_eyes_urgent') : null;
    },
    effects: (_e, ctx) => [{ type: 'record_retrospective_approval', userId: ctx.actor.id }],
  };
}

function unpublishRow(): Row {
  return {
    next: 'unpublished',
    guard: (e, ctx) => {
      const r = needReason(e);
      if (r) return r;
      const to = e.type === 'unpublish' ? e.replacementDocumentId : null;
      return to && ctx.edition.documentId && to === ctx.edition.documentId ? refusal('replacement_is_self') : null;
    },
    effects: (e) => {
      const to = e.type === 'unpublish' && !blank(e.replacementDocumentId) ? e.replacementDocumentId! : null;
      return [
        { type: 'record_reason', reason: reasonOf(e) },
        { type: 'clear_live' },
        { type: 'deindex' },
        { type: 'ledger_append', action: 'unpublish' },
        to ? { type: 'redirect', replacementDocumentId: to } : { type: 'gone' },
      ];
    },
  };
}

const names = (state: EditionState, event: EditionEventType) => ({
  state: editionStateNames[state].zh,
  stateEn: editionStateNames[state].en,
  event: editionEventNames[event].zh,
  eventEn: editionEventNames[event].en,
});

/** Table, actor and four-eyes checks, without the event's payload guards. */
function permit(state: EditionState, type: EditionEventType, ctx: EditionContext, rules: EditionRules): Row | Refusal {
  const row = TABLE[state]?.[type];
  if (!row) return refusal('invalid_transition', names(state, type));
  const { actor } = ctx;
  const allowed = actor.system
    ? (rules.system[state] ?? []).includes(type)
    : actor.roles.some((r) => rules.roles[type].includes(r));
  if (!allowed) return refusal('role_not_allowed', names(state, type));
  if (!actor.system && rules.fourEyes.includes(type)) {
    if (ctx.submitterId == null) return refusal('no_submitter');
    if (ctx.submitterId === actor.id) return refusal('four_eyes');
  }
  return row;
}

const isRefusal = (x: Row | Refusal): x is Refusal => 'code' in x;

/** Applies `event` to an edition in `state`. Pure: the caller persists `next` and carries out `effects`. */
export function transition(
  state: EditionState,
  event: EditionEvent,
  ctx: EditionContext,
  rules: EditionRules = defaultEditionRules,
): TransitionResult {
  if (!(editionStates as readonly string[]).includes(state) || !(editionEventTypes as readonly string[]).includes(event?.type)) {
    return { ok: false, reason: refusal('unknown_event') };
  }
  const row = permit(state, event.type, ctx, rules);
  if (isRefusal(row)) return { ok: false, reason: row };
  const refused = row.guard?.(event, ctx, rules);
  if (refused) return { ok: false, reason: refused };
  const next = row.next === 'stay' ? state : row.next;
  return { ok: true, next, effects: row.effects(event, ctx) };
}

/**
 * The events this actor could perform on an edition in `state` (table, roles and four-eyes rule; payload
 * guards such as reasons and times are checked when the event is sent). For buttons in the admin app.
 */
export function availableEvents(
  state: EditionState,
  ctx: EditionContext,
  rules: EditionRules = defaultEditionRules,
): EditionEventType[] {
  return editionEventTypes.filter((type) => !isRefusal(permit(state, type, ctx, rules)));
}
