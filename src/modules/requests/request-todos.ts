// 工作待办: near-due and overdue disclosure-on-application cases, on the handler's and the office's lists.
import type { TodoItem, TodoProvider } from '../documents/index.ts';
import type { RequestService } from './requests.service.ts';

export function requestTodos(requests: RequestService): TodoProvider {
  return {
    kind: 'request_deadline',
    name: '依申请公开临近或超过答复期限',
    async list(actor, today): Promise<TodoItem[]> {
      const due = await requests.dueCases(actor, today);
      return due.map((c) => {
        const dueOn = c.answerDue?.date ?? null;
        const daysLeft = dueOn ? Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) : null;
        return {
          kind: 'request_deadline',
          id: c.id,
          title: `${c.trackingNo} ${c.informationTitle}`,
          detail: c.urgency === 'overdue' ? `已超过答复期限（${dueOn}），请尽快答复` : `答复期限 ${dueOn}，不足 3 个工作日`,
          organisationId: c.orgId,
          organisationName: c.orgName,
          dueOn,
          daysLeft,
          urgent: c.urgency === 'overdue',
          href: `/requests?id=${encodeURIComponent(c.id)}`,
        };
      });
    },
  };
}
