// 三同步 to-dos: a published policy document that went out with an interpretation plan instead of an interpretation
// appears on the issuer's 工作待办 until an interpretation linked to it is published; overdue ones are urgent.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { scopeRoots } from '../../platform/authz/actor.ts';
import { hasInterpretation, type TodoProvider } from '../documents/index.ts';
import { ReviewRepository } from './review.repository.ts';

export const MISSING_INTERPRETATION = 'missing_interpretation';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function interpretationTodos(db: Kysely<DB>): TodoProvider {
  return {
    kind: MISSING_INTERPRETATION,
    name: '政策解读待发布（三同步）',
    async list(actor, today) {
      const roots = scopeRoots(actor, 'document.edit');
      if (roots !== null && roots.length === 0) return [];
      const plans = await new ReviewRepository(db).duePlans(roots);
      const items = [];
      for (const p of plans) {
        if (await hasInterpretation(db, p.document_id, true)) continue;
        const daysLeft = daysBetween(today, p.due_on!);
        items.push({
          kind: MISSING_INTERPRETATION,
          id: p.document_id,
          title: p.document_title,
          detail: daysLeft < 0 ? `解读已逾期 ${-daysLeft} 天（应于 ${p.due_on} 前发布）：${p.plan}` : `请于 ${p.due_on} 前发布解读并关联本文件：${p.plan}`,
          organisationId: p.org_id,
          organisationName: null,
          dueOn: p.due_on,
          daysLeft,
          urgent: daysLeft <= 0,
          href: `/documents?edit=${encodeURIComponent(p.document_id)}`,
        });
      }
      return items;
    },
  };
}
