// Types of the edition lifecycle (edition-lifecycle.ts). Kept apart so the table file stays readable.
import type { RoleCode } from '../../../platform/authz/roles.ts';

export const editionStates = [
  'draft',
  'submitted',
  'rejected',
  'approved',
  'scheduled',
  'published',
  'superseded',
  'withdrawn',
  'unpublished',
] as const;
export type EditionState = (typeof editionStates)[number];

export const editionEventTypes = [
  'submit',
  'reject',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'urgent_publish',
  'approve_retrospectively',
  'supersede',
  'withdraw',
  'unpublish',
  'reopen',
] as const;
export type EditionEventType = (typeof editionEventTypes)[number];

/** An event with its payload. Reasons are free text shown to the submitter or on the public page. */
export type EditionEvent =
  | { type: 'submit' }
  | { type: 'reject'; reason: string }
  | { type: 'approve' }
  | { type: 'schedule'; publishAt: string }
  | { type: 'unschedule' }
  | { type: 'publish' }
  | { type: 'urgent_publish'; reason?: string }
  | { type: 'approve_retrospectively' }
  | { type: 'supersede'; byEditionId: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'unpublish'; reason: string; replacementDocumentId?: string | null }
  | { type: 'reopen' };

/** Who acts. `system` is the scheduler or the service itself (scheduled publishing, superseding). */
export interface EditionActor {
  id: string;
  roles: readonly RoleCode[];
  system?: boolean;
}

/** What the table needs to know about the edition besides its state. */
export interface EditionFacts {
  documentId?: string;
  changeType: 'major' | 'minor';
  changeNote?: string | null;
  /** Scheduled publication instant (ISO-8601), for a scheduled edition. */
  publishAt?: string | null;
  retrospectiveApprovalRequired?: boolean;
  urgentPublishedBy?: string | null;
}

export interface EditionContext {
  actor: EditionActor;
  /** The user who submitted this edition (null while it was never submitted). */
  submitterId: string | null;
  /** The current instant, ISO-8601. */
  now: string;
  edition: EditionFacts;
}

/** What the service must do after a successful transition, in the order given. */
export type EditionEffect =
  | { type: 'record_submitter'; userId: string }
  | { type: 'record_approver'; userId: string }
  | { type: 'record_retrospective_approval'; userId: string }
  | { type: 'record_reason'; reason: string }
  | { type: 'record_urgent'; userId: string; retrospectiveApprovalRequired: true; reason: string | null }
  | { type: 'record_superseded_by'; editionId: string }
  | { type: 'reset_review' }
  | { type: 'notify'; to: 'reviewers' | 'submitter' }
  | { type: 'schedule_job'; publishAt: string }
  | { type: 'cancel_job' }
  | { type: 'set_live' }
  | { type: 'clear_live' }
  | { type: 'supersede_previous' }
  | { type: 'index' }
  | { type: 'deindex' }
  | { type: 'ledger_append'; action: 'publish' | 'withdraw' | 'unpublish' }
  | { type: 'gone' }
  | { type: 'redirect'; replacementDocumentId: string };

export interface Refusal {
  code: string;
  zh: string;
  en: string;
}

export type TransitionResult =
  | { ok: true; next: EditionState; effects: EditionEffect[] }
  | { ok: false; reason: Refusal };

export const editionStateNames: Record<EditionState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '待审核', en: 'submitted' },
  rejected: { zh: '已退回', en: 'rejected' },
  approved: { zh: '已审核', en: 'approved' },
  scheduled: { zh: '定时发布', en: 'scheduled' },
  published: { zh: '已发布', en: 'published' },
  superseded: { zh: '已被新版本取代', en: 'superseded' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  unpublished: { zh: '已撤销发布', en: 'unpublished' },
};

export const editionEventNames: Record<EditionEventType, { zh: string; en: string }> = {
  submit: { zh: '提交审核', en: 'submit' },
  reject: { zh: '退回', en: 'reject' },
  approve: { zh: '审核通过', en: 'approve' },
  schedule: { zh: '定时发布', en: 'schedule' },
  unschedule: { zh: '取消定时发布', en: 'unschedule' },
  publish: { zh: '发布', en: 'publish' },
  urgent_publish: { zh: '紧急发布', en: 'urgent publish' },
  approve_retrospectively: { zh: '补充审核', en: 'approve retrospectively' },
  supersede: { zh: '由新版本取代', en: 'supersede' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  unpublish: { zh: '撤销发布', en: 'unpublish' },
  reopen: { zh: '重新编辑', en: 'reopen' },
};
