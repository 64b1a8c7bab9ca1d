// Typed calls for 政策问答, 重大会议 and 营商环境线索 (/api/v1/qa, /meetings, /feedback).
import { http } from '../../api';
import type { Page } from '../../types';

export interface QaDocRef { id: string; title: string; slug: string }
export interface QaItem {
  id: string; title: string; question: string; answer: string | null; topic: string | null; audience: string; audienceName: string;
  orgId: string; orgName: string; answeredOn: string | null; documents: QaDocRef[]; origin: 'public' | 'staff'; state: string; stateName: string;
  receivedOn: string; dueOn: string | null; publishWanted: boolean; publishedAt: string | null; internalNote: string | null; updatedAt: string;
  actions: string[]; asker: { name: string | null; phone: string | null; email: string | null } | null;
}
export interface QaQuery { state?: string; origin?: string; org?: string; q?: string; page: number; pageSize: number }
export interface QaEntryInput { orgId?: string; title?: string; question?: string; answer?: string; topic?: string; audience?: string; documentIds?: string[] }
export interface QaActionInput { type: string; answer?: string; publish?: boolean; reason?: string; toOrgId?: string }

const seg = encodeURIComponent;

export const qaApi = {
  list: (q: QaQuery) => http.get<Page<QaItem>>('/qa/manage', { ...q }),
  get: (id: string) => http.get<QaItem>(`/qa/manage/${seg(id)}`),
  create: (input: QaEntryInput) => http.post<QaItem>('/qa/manage', input),
  update: (id: string, input: QaEntryInput) => http.patch<QaItem>(`/qa/manage/${seg(id)}`, input),
  act: (id: string, input: QaActionInput) => http.post<QaItem>(`/qa/manage/${seg(id)}/actions`, input),
};

export interface Participation { grassroots: number; enterprise: number; media: number; expert: number }
export interface MeetingItem { text: string; confidential: boolean }
export interface Meeting {
  id: string; orgId: string; orgName: string; kind: 'executive' | 'plenary'; kindName: string; sessionNo: number; title: string; heldOn: string;
  pressRelease: string; items: MeetingItem[]; participation: Participation; documentIds: string[]; state: string; stateName: string; publishedAt: string | null; actions: string[];
}
export interface MeetingInput { orgId?: string; kind?: string; sessionNo?: number; title?: string; heldOn?: string; pressRelease?: string; items?: MeetingItem[]; participation?: Participation; documentIds?: string[] }

export const meetingsApi = {
  list: (q: { org?: string; year?: number; state?: string; page: number; pageSize: number }) => http.get<Page<Meeting>>('/meetings/manage', { ...q }),
  create: (input: MeetingInput) => http.post<Meeting>('/meetings/manage', input),
  update: (id: string, input: MeetingInput) => http.patch<Meeting>(`/meetings/manage/${seg(id)}`, input),
  act: (id: string, type: string) => http.post<Meeting>(`/meetings/manage/${seg(id)}/actions`, { type }),
};

export interface FeedbackCase {
  id: string; trackingNo: string; orgId: string; orgName: string; category: string; description: string; state: string; stateName: string;
  receivedOn: string; dueOn: string; overdue: boolean; reply: string | null; repliedOn: string | null; canHandle: boolean; contact: { name: string | null; company: string | null; phone: string | null; email: string | null } | null;
}
export interface FeedbackStats { month: string; months: string[]; rows: { orgId: string; orgName: string; category: string; received: number; replied: number; onTime: number }[] }

export const feedbackApi = {
  list: (q: { org?: string; state?: string; category?: string; q?: string; page: number; pageSize: number }) => http.get<Page<FeedbackCase>>('/feedback/manage', { ...q }),
  reply: (id: string, reply: string) => http.post<FeedbackCase>(`/feedback/manage/${seg(id)}/reply`, { reply }),
  reroute: (id: string, toOrgId: string) => http.post<FeedbackCase>(`/feedback/manage/${seg(id)}/reroute`, { toOrgId }),
  stats: (month: string) => http.get<FeedbackStats>('/feedback/stats', { month }),
  categories: () => http.get<{ categories: string[] }>('/feedback/categories'),
};
