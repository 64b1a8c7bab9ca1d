// 工作待办: one list of what needs doing in the actor's organisations, gathered from providers that other parts
// register (normative-document expiry here; filing review, overdue items, missing interpretations later). A
// provider filters by the actor's own permissions; the service only merges, sorts and groups.
import type { Actor } from '../../platform/authz/actor.ts';

export type TodoItem = {
  /** The provider's kind, e.g. normative_expiry. */
  kind: string;
  id: string;
  title: string;
  /** One line on what to do, in Chinese. */
  detail: string;
  organisationId: string | null;
  organisationName: string | null;
  dueOn: string | null;
  /** Days from today to dueOn (negative when overdue). */
  daysLeft: number | null;
  urgent: boolean;
  /** Where to act, as an admin-app path (e.g. /documents?edit=…). */
  href: string;
};

export type TodoProvider = {
  kind: string;
  /** Group title in the admin app. */
  name: string;
  list(actor: Actor, today: string): Promise<TodoItem[]>;
};

export type TodoList = { today: string; items: TodoItem[]; groups: { kind: string; name: string; count: number; urgent: number }[] };

export class TodoService {
  private readonly providers: TodoProvider[] = [];

  constructor(private readonly today: () => string) {}

  register(provider: TodoProvider): void {
    if (this.providers.some((p) => p.kind === provider.kind)) throw new Error(`todo provider ${provider.kind} registered twice`);
    this.providers.push(provider);
  }

  /** Urgent first, then by due date (undated last). */
  async list(actor: Actor, today = this.today()): Promise<TodoList> {
    const lists = await Promise.all(this.providers.map((p) => p.list(actor, today)));
    const items = lists.flat().sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id.localeCompare(b.id));
    const groups = this.providers.map((p, i) => ({ kind: p.kind, name: p.name, count: lists[i]!.length, urgent: lists[i]!.filter((t) => t.urgent).length }));
    return { today, items, groups };
  }
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
