// 工作待办: public questions near their answer deadline or past it, for the moderators and the answering department.
import type { TodoItem, TodoProvider } from '../documents/index.ts';
import type { QaService } from './qa.service.ts';

export function qaTodos(qa: QaService): TodoProvider {
  return {
    kind: 'qa_deadline',
    name: '政策问答临近或超过答复期限',
    async list(actor, today): Promise<TodoItem[]> {
      const rows = await qa.dueQuestions(actor, today);
      return rows.map((r) => {
        const daysLeft = Math.round((Date.parse(`${r.due_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
        const overdue = daysLeft < 0;
        const what = r.state === 'pending' ? '待审核转办' : '待答复';
        return {
          kind: 'qa_deadline',
          id: r.id,
          title: r.title,
          detail: overdue ? `${what}，已超过答复期限（${r.due_on}）` : `${what}，答复期限 ${r.due_on}`,
          organisationId: r.org_id,
          organisationName: r.orgName,
          dueOn: r.due_on,
          daysLeft,
          urgent: overdue,
          href: `/qa?open=${r.id}`,
        };
      });
    },
  };
}
