// Expiry reminders: normative documents whose 有效期至 falls within the notice period (default 90 days) appear on
// the to-do list of whoever may edit them (the issuer and the offices above it); within the urgent period (default
// 30 days) they are flagged urgent. The issuer then renews (new edition with a new 有效期至), amends or lets it lapse.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { scopeRoots } from '../../platform/authz/actor.ts';
import { addDays, formatZhDate } from './domain/index.ts';
import { NormativeRepository } from './normative.repository.ts';
import { CURRENT_STATUSES } from './normative-library.ts';
import { daysBetween, type TodoProvider } from './todo.service.ts';

export const NORMATIVE_EXPIRY = 'normative_expiry';

export function normativeExpiryTodos(db: Kysely<DB>, periods: { noticeDays: number; urgentDays: number }): TodoProvider {
  return {
    kind: NORMATIVE_EXPIRY,
    name: '规范性文件即将到期',
    async list(actor, today) {
      const roots = scopeRoots(actor, 'document.edit');
      if (roots !== null && roots.length === 0) return [];
      // Suspended documents still expire; not-yet-in-force ones are left to their issuer's planning.
      const rows = await new NormativeRepository(db).expiring(roots, [...CURRENT_STATUSES, 'suspended'], today, addDays(today, periods.noticeDays));
      return rows.map((r) => {
        const daysLeft = daysBetween(today, r.expires_on!);
        return {
          kind: NORMATIVE_EXPIRY,
          id: r.id,
          title: r.title,
          detail: `有效期至${formatZhDate(r.expires_on!)}，还剩 ${daysLeft} 天：请评估后延续、修改或任其到期失效。`,
          organisationId: r.org_id,
          organisationName: r.org_name,
          dueOn: r.expires_on,
          daysLeft,
          urgent: daysLeft <= periods.urgentDays,
          href: `/documents?edit=${encodeURIComponent(r.id)}`,
        };
      });
    },
  };
}
