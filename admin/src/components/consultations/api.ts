// 意见征集 and 重大行政决策: calls to /api/v1/consultations and /api/v1/decisions used by the admin pages.
import { http } from '../../api';
import type { Page } from '../../types';

export type Phase = 'draft' | 'upcoming' | 'open' | 'closed' | 'concluded' | 'withdrawn';
export type Kind = 'major_decision' | 'rule' | 'normative' | 'other';
export const kindOptions: { value: Kind; label: string }[] = [
  { value: 'major_decision', label: '重大行政决策' },
  { value: 'rule', label: '规章' },
  { value: 'normative', label: '行政规范性文件' },
  { value: 'other', label: '其他' },
];
export const phaseOptions: { value: Phase; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'upcoming', label: '即将开始' },
  { value: 'open', label: '征集中' },
  { value: 'closed', label: '已截止' },
  { value: 'concluded', label: '已公布采纳情况' },
  { value: 'withdrawn', label: '已撤回' },
];
export const channelOptions = [
  { value: 'letter', label: '信函' },
  { value: 'email', label: '电子邮件' },
  { value: 'fax', label: '传真' },
  { value: 'meeting', label: '座谈会' },
  { value: 'other', label: '其他' },
];
export const decisionOptions = [
  { value: 'adopted', label: '采纳' },
  { value: 'partly', label: '部分采纳' },
  { value: 'rejected', label: '不予采纳' },
];

export interface ConsultationSummary {
  id: string;
  title: string;
  kind: Kind;
  kindName: string;
  organisationId: string;
  organisationName: string;
  opensOn: string;
  closesOn: string;
  phase: Phase;
  phaseName: string;
  commentCount: number;
  resultPublishedAt: string | null;
}

export interface ConsultationInput {
  kind: Kind;
  title: string;
  draftText: string;
  explanation: string;
  opensOn: string;
  closesOn: string;
  shortenedReason?: string | null;
  channels: { kind: string; detail: string }[];
  contact: string;
}

export interface Consultation extends ConsultationSummary, ConsultationInput {
  state: string;
  withdrawReason: string | null;
  finalDocumentId: string | null;
  allowed: string[];
  tally: { pending: number; approved: number; rejected: number; undecided: number };
  canManage: boolean;
  canModerate: boolean;
  period: { length: number; minimum: number; unit: 'calendar' | 'working' };
  articles: { key: string; label: string; paragraphs: string[]; commentCount: number }[];
  result: { summary: string; publishedAt: string; total: number; counts: Record<string, number>; finalDocument: { id: string; title: string; url: string } | null } | null;
}

export interface StaffComment {
  id: string;
  anchor: string | null;
  anchorLabel: string;
  body: string;
  channel: string;
  channelName: string;
  receivedOn: string;
  status: 'pending' | 'approved' | 'rejected';
  statusName: string;
  moderationReason: string | null;
  decision: 'adopted' | 'partly' | 'rejected' | null;
  decisionName: string | null;
  decisionReason: string | null;
  commenter: { name: string | null; phone: string | null; email: string | null; verified: boolean } | null;
  createdAt: string;
}

export interface StaffCommentInput {
  anchor?: string | null;
  text: string;
  channel: string;
  receivedOn: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

const id = encodeURIComponent;
const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

export const consultationApi = {
  list: (query: { phase?: string; q?: string; organisationId?: string; page?: number; pageSize?: number }) =>
    http.get<Page<ConsultationSummary>>(`/consultations/manage${q(query)}`),
  get: (cid: string) => http.get<Consultation>(`/consultations/${id(cid)}/full`),
  create: (input: ConsultationInput & { organisationId: string }) => http.post<Consultation>('/consultations', input),
  update: (cid: string, input: ConsultationInput) => http.put<Consultation>(`/consultations/${id(cid)}`, input),
  remove: (cid: string) => http.del<void>(`/consultations/${id(cid)}`),
  publish: (cid: string) => http.post<Consultation>(`/consultations/${id(cid)}/publish`),
  extend: (cid: string, closesOn: string, reason: string | null) => http.post<Consultation>(`/consultations/${id(cid)}/extend`, { closesOn, reason }),
  withdraw: (cid: string, reason: string) => http.post<Consultation>(`/consultations/${id(cid)}/withdraw`, { reason }),
  comments: (cid: string, status?: string, page = 1) => http.get<Page<StaffComment>>(`/consultations/${id(cid)}/all-comments${q({ status, page, pageSize: 50 })}`),
  queue: (page = 1) => http.get<Page<StaffComment & { consultationId: string; consultationTitle: string }>>(`/consultations/moderation-queue${q({ page, pageSize: 20 })}`),
  enter: (cid: string, input: StaffCommentInput) => http.post<StaffComment>(`/consultations/${id(cid)}/staff-comments`, input),
  moderate: (commentId: string, approve: boolean, reason: string | null) => http.post<StaffComment>(`/consultations/comments/${id(commentId)}/moderation`, { approve, reason }),
  decide: (commentId: string, decision: string, reason: string) => http.post<StaffComment>(`/consultations/comments/${id(commentId)}/decision`, { decision, reason }),
  publishResult: (cid: string, summary: string, finalDocumentId: string | null) => http.post<Consultation>(`/consultations/${id(cid)}/result`, { summary, finalDocumentId }),
  linkFinal: (cid: string, documentId: string | null) => http.put<Consultation>(`/consultations/${id(cid)}/final-document`, { documentId }),
};

export type ProcedureKind = 'public_participation' | 'expert_review' | 'risk_assessment' | 'legality_review' | 'collective_decision';
export interface DecisionItem {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number;
  title: string;
  summary: string;
  department: string;
  status: 'planned' | 'decided' | 'withdrawn';
  statusName: string;
  published: boolean;
  consultationId: string | null;
  decisionDocumentId: string | null;
  decidedOn: string | null;
  procedures: { kind: ProcedureKind; name: string; status: 'pending' | 'done' | 'not_required'; statusName: string; doneOn: string | null; documentId: string | null; note?: string | null }[];
}
export interface DecisionInput {
  year: number;
  title: string;
  summary: string;
  department: string;
  consultationId?: string | null;
}

export const decisionApi = {
  list: (query: { organisationId?: string; year?: number; page?: number; pageSize?: number }) => http.get<Page<DecisionItem>>(`/decisions${q(query)}`),
  create: (input: DecisionInput & { organisationId: string }) => http.post<DecisionItem>('/decisions', input),
  update: (did: string, input: DecisionInput) => http.put<DecisionItem>(`/decisions/${id(did)}`, input),
  remove: (did: string) => http.del<void>(`/decisions/${id(did)}`),
  procedure: (did: string, kind: ProcedureKind, input: { status: string; doneOn?: string | null; note?: string | null; documentId?: string | null }) =>
    http.put<DecisionItem>(`/decisions/${id(did)}/procedures/${kind}`, input),
  decide: (did: string, decidedOn: string, decisionDocumentId: string | null) => http.post<DecisionItem>(`/decisions/${id(did)}/decide`, { decidedOn, decisionDocumentId }),
  publish: (did: string, published: boolean) => http.post<DecisionItem>(`/decisions/${id(did)}/published`, { published }),
};
