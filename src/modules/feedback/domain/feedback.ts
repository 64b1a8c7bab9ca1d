// Business-environment feedback (营商环境"不满意"线索), pure: the lifecycle, categories from configuration, and the
// monthly statistics (counts only: no text, no contact, nothing that identifies the enterprise).

export const feedbackStates = ['received', 'replied'] as const;
export type FeedbackState = (typeof feedbackStates)[number];
export const feedbackStateNames: Record<FeedbackState, string> = { received: '办理中', replied: '已答复' };
export const feedbackEvents = ['reply', 'reroute'] as const;
export type FeedbackEvent = (typeof feedbackEvents)[number];
export const feedbackEventNames: Record<FeedbackEvent, string> = { reply: '答复', reroute: '转交其他部门' };

const TABLE: Record<FeedbackState, Partial<Record<FeedbackEvent, FeedbackState>>> = {
  received: { reply: 'replied', reroute: 'received' },
  replied: {},
};

export type FeedbackTransition = { ok: true; next: FeedbackState } | { ok: false; reason: string };

/** Handling needs feedback.handle on the case's department; a reply is final. */
export function feedbackTransition(state: FeedbackState, event: FeedbackEvent, canHandle: boolean): FeedbackTransition {
  if (!canHandle) return { ok: false, reason: `您没有${feedbackEventNames[event]}本部门线索的权限。` };
  const next = TABLE[state]?.[event];
  if (!next) return { ok: false, reason: `“${feedbackStateNames[state]}”的线索不能再${feedbackEventNames[event]}。` };
  return { ok: true, next };
}

/** The configured category list ("a,b,c"): trimmed, de-duplicated, empty entries dropped. */
export function parseCategories(raw: string): string[] {
  return [...new Set(raw.split(/[,，]/).map((s) => s.trim()).filter(Boolean))];
}

export type StatFact = { orgId: string; category: string; state: string; dueOn: string; repliedOn: string | null };
export type StatRow = { orgId: string; category: string; received: number; replied: number; onTime: number };

/** Counts per department and category: received, replied, replied by the due date. Sorted by department, category. */
export function monthlyStatistics(facts: StatFact[]): StatRow[] {
  const rows = new Map<string, StatRow>();
  for (const f of facts) {
    const key = `${f.orgId}\u0000${f.category}`;
    const row = rows.get(key) ?? { orgId: f.orgId, category: f.category, received: 0, replied: 0, onTime: 0 };
    row.received += 1;
    if (f.state === 'replied' && f.repliedOn) {
      row.replied += 1;
      if (f.repliedOn <= f.dueOn) row.onTime += 1;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.orgId.localeCompare(b.orgId) || a.category.localeCompare(b.category));
}

/** FK-20260305-7Q3K9: date of receipt and five random characters (no 0/O/1/I). */
export function trackingNumber(receivedOn: string, random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let tail = '';
  for (let i = 0; i < 5; i += 1) tail += alphabet[Math.floor(random() * alphabet.length)];
  return `FK-${receivedOn.replace(/-/g, '')}-${tail}`;
}

export const isMonth = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
