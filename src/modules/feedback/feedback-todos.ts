// 工作待办: business-environment feedback near its reply deadline or past it.
import type { TodoItem, TodoProvider } from '../documents/index.ts';
import type { FeedbackService } from './feedback.service.ts';

export function feedbackTodos(feedback: FeedbackService): TodoProvider {
  return {
    kind: 'feedback_deadline',
    name: '营商环境线索临近或超过答复期限',
    async list(actor, today): Promise<TodoItem[]> {
      return (await feedback.dueCases(actor, today)).map((r) => {
        const daysLeft = Math.round((Date.parse(`${r.due_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
        return {
          kind: 'feedback_deadline',
          id: r.id,
          title: `${r.tracking_no} ${r.category}`,
          detail: daysLeft < 0 ? `已超过答复期限（${r.due_on}），请尽快答复` : `答复期限 ${r.due_on}`,
          organisationId: r.org_id,
          organisationName: r.orgName,
          dueOn: r.due_on,
          daysLeft,
          urgent: daysLeft < 0,
          href: `/feedback?q=${encodeURIComponent(r.tracking_no)}`,
        };
      });
    },
  };
}
