// 依申请公开 case pages: the staff side of /api/v1/requests (list, detail, events, files, letter, remedies).
import { http } from '../../api';
import type { Page } from '../../types';

export interface DueDate {
  date: string;
  provisional: boolean;
}

export type Urgency = 'ok' | 'near' | 'overdue';

export interface CaseListItem {
  id: string;
  trackingNo: string;
  orgId: string;
  orgName: string;
  informationTitle: string;
  applicantKind: string;
  channel: string;
  state: string;
  stateName: string;
  receivedOn: string;
  answerDue: DueDate | null;
  urgency: Urgency;
  handlerName: string | null;
}

export interface Deadlines {
  answerDue: DueDate | null;
  correctionDue?: DueDate | null;
  correctionNoticeDue?: DueDate | null;
  consultationDue?: DueDate | null;
  feePaymentDue?: DueDate | null;
  pausedWorkingDays: number;
  extensionDays: number;
  answerDueWas?: DueDate | null;
  concludedOn?: string | null;
  onTime?: boolean | null;
  urgency: Urgency;
  steps: { label: string; date?: string; workingDays?: number }[];
}

export interface CaseEvent {
  id: string;
  type: string;
  label: string;
  occurredOn: string;
  at: string;
  actorName: string | null;
  payload: Record<string, unknown>;
}

export interface Remedy {
  id: string;
  kind: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
  note: string | null;
}

export interface CaseDetail extends CaseListItem {
  applicant: {
    kind: string;
    name: string;
    idNumber: string;
    contactPerson?: string;
    legalRepresentative?: string;
    phone: string;
    email?: string;
    address?: string;
    postcode?: string;
    proofs: { id: string; filename: string; url: string }[];
  };
  information: { title: string; docNumber?: string; description?: string; purpose?: string };
  form: string;
  delivery: string;
  suggestProactive: boolean;
  appliedOn: string;
  deadlines: Deadlines;
  events: CaseEvent[];
  actions: { type: string; allowed: boolean; reason?: string }[];
  answer: null | { outcome: string; outcomeName: string; basis: string; text: string; answeredOn: string };
  releasedFiles: { id: string; filename: string; url: string; redacted: boolean }[];
  fee: null | { method: 'per_request' | 'per_volume'; amountFen: number; notifiedOn: string; paidOn: string | null };
  remedies: Remedy[];
  similar: { id: string; trackingNo: string; informationTitle: string }[];
  proactiveDocumentId: string | null;
  transferredTo: { orgId: string; orgName: string; caseId: string } | null;
  transferredFrom: { orgId: string; orgName: string; caseId: string } | null;
}

export interface Named {
  value: string;
  name: string;
}

export interface Vocabulary {
  today: string;
  outcomes: (Named & { group: string; basis: string })[];
  channels: (Named & { rule: string })[];
  states: Named[];
  applicantKinds: Named[];
  events: Named[];
  remedyKinds: Named[];
  remedyResults: Named[];
}

export interface CaseGroup {
  key: string;
  reason: string;
  informationTitle: string;
  count: number;
  suggestedProactive: number;
  cases: { id: string; trackingNo: string; orgId: string; state: string; stateName: string; receivedOn: string }[];
}

export interface FeeQuote {
  method: 'per_request' | 'per_volume';
  amountFen: number;
  explanation: string;
}

export type CaseQuery = {
  organisationId?: string;
  state?: string;
  urgency?: 'near' | 'overdue';
  applicantKind?: string;
  receivedFrom?: string;
  receivedTo?: string;
  q?: string;
  sort?: 'received' | 'due';
  page: number;
  pageSize: number;
};

const id = encodeURIComponent;
const base = (caseId: string) => `/requests/${id(caseId)}`;

export const requestsApi = {
  list: (q: CaseQuery) => http.get<Page<CaseListItem>>('/requests', { ...q }),
  groups: () => http.get<{ items: CaseGroup[] }>('/requests/groups'),
  vocabulary: () => http.get<Vocabulary>('/requests/vocabulary'),
  transferTargets: () => http.get<{ items: { id: string; parentId: string | null; name: string }[] }>('/requests/transfer-targets'),
  get: (caseId: string) => http.get<CaseDetail>(base(caseId)),
  record: (caseId: string, event: { type: string; occurredOn: string } & Record<string, unknown>) => http.post<CaseDetail>(`${base(caseId)}/events`, event),
  quote: (caseId: string, by: { pages?: number; requestCount?: number }) => http.get<FeeQuote>('/requests/fees/quote', { caseId, ...by }),
  addReleased: (caseId: string, form: FormData) => http.postForm<CaseDetail>(`${base(caseId)}/released`, form),
  convert: (caseId: string) => http.post<{ documentId: string }>(`${base(caseId)}/convert`),
  registerOffline: (form: FormData) => http.postForm<CaseDetail & { code: string }>('/requests/offline', form),
  addRemedy: (caseId: string, input: Omit<Remedy, 'id'>) => http.post<Remedy>(`${base(caseId)}/remedies`, input),
  removeRemedy: (caseId: string, remedyId: string) => http.del<void>(`${base(caseId)}/remedies/${id(remedyId)}`),
  /** A plain link (GET with the session cookie). */
  letterUrl: (caseId: string) => `/api/v1${base(caseId)}/letter.docx`,
};
