// 工作待办: consultations past their closing date whose answers and adoption report are not published yet.
import type { TodoItem, TodoProvider } from '../documents/index.ts';
import type { ConsultationService } from './consultations.service.ts';

/** Days after closing from which the to-do turns urgent. */
export const RESULT_URGENT_DAYS = 30;

export function consultationTodos(consultations: ConsultationService): TodoProvider {
  return {
    kind: 'consultation_result',
    name: '意见征集已截止、尚未公布采纳情况',
    async list(actor): Promise<TodoItem[]> {
      const rows = await consultations.overdueResults(actor);
      return rows.map((c) => ({
        kind: 'consultation_result',
        id: c.id,
        title: c.title,
        detail: `征集已于 ${c.closesOn} 截止（${c.daysPast} 天前），请审核意见、逐条作出采纳决定并公布采纳情况`,
        organisationId: c.organisationId,
        organisationName: c.organisationName,
        dueOn: c.closesOn,
        daysLeft: -c.daysPast,
        urgent: c.daysPast >= RESULT_URGENT_DAYS,
        href: `/consultations?open=${c.id}`,
      }));
    },
  };
}
