// Near-due and overdue notices to the staff who can act on a case, through the platform's notification outbox.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { roles, type Permission, type RoleCode } from '../../platform/authz/roles.ts';
import type { OutgoingMessage } from '../../platform/notify/notifier.ts';

export type DueNotice = { caseId: string; trackingNo: string; orgPath: string; orgName: string; urgency: 'near' | 'overdue'; dueOn: string | null };
export type Recipient = { userId: string; email: string | null; phone: string | null };

const rolesWith = (permission: Permission): RoleCode[] =>
  (Object.keys(roles) as RoleCode[]).filter((r) => (roles[r].permissions as readonly Permission[]).includes(permission));

/** Active staff with a contact who hold a role that can act on a deadline, with the path of each grant. Read once per run. */
export type DueNoticeStaff = Recipient & { grantPath: string; role: RoleCode };

export async function loadDueNoticeStaff(db: Kysely<DB>): Promise<DueNoticeStaff[]> {
  const roleList = [...new Set([...rolesWith('request.handle'), ...rolesWith('request.approve_extension')])];
  const rows = await db
    .selectFrom('iam_role_grant')
    .innerJoin('iam_org', 'iam_org.id', 'iam_role_grant.org_id')
    .innerJoin('iam_user', 'iam_user.id', 'iam_role_grant.user_id')
    .select(['iam_user.id as userId', 'iam_user.email', 'iam_user.phone', 'iam_org.path as grantPath', 'iam_role_grant.role'])
    .where('iam_role_grant.role', 'in', roleList)
    .where('iam_user.active', '=', 1)
    .execute();
  return rows.filter((r) => r.email || r.phone).map((r) => ({ ...r, role: r.role as RoleCode }));
}

/**
 * Who is told: handlers (request.handle) on the case's organisation or above; for an overdue case also the openness
 * office (request.approve_extension), which answers for the deadline. One message per user.
 */
export function dueNoticeRecipients(staff: DueNoticeStaff[], orgPath: string, urgency: DueNotice['urgency']): Recipient[] {
  const wanted = new Set<RoleCode>(rolesWith('request.handle'));
  if (urgency === 'overdue') for (const r of rolesWith('request.approve_extension')) wanted.add(r);
  const seen = new Map<string, Recipient>();
  for (const s of staff) if (wanted.has(s.role) && orgPath.startsWith(s.grantPath)) seen.set(s.userId, { userId: s.userId, email: s.email, phone: s.phone });
  return [...seen.values()];
}

/** The message for one recipient: e-mail when there is one, else SMS. No applicant data, only the case number. */
export function dueNoticeMessage(notice: DueNotice, to: Recipient): OutgoingMessage {
  const when = notice.dueOn ? `${notice.dueOn}` : '（期限待定）';
  const text =
    notice.urgency === 'overdue'
      ? `【政务公开】依申请公开案件 ${notice.trackingNo}（${notice.orgName}）已超过答复期限 ${when}，请尽快处理。`
      : `【政务公开】依申请公开案件 ${notice.trackingNo}（${notice.orgName}）将于 ${when} 到期（3 个工作日内），请及时答复。`;
  const base = { body: text, purpose: `request_${notice.urgency}`, ref: `req_case:${notice.caseId}` };
  return to.email ? { ...base, channel: 'email', to: to.email, subject: notice.urgency === 'overdue' ? '依申请公开案件已逾期' : '依申请公开案件即将到期' } : { ...base, channel: 'sms', to: to.phone! };
}
