// Fetch wrapper and typed calls for the Gongkai HTTP API (/api/v1).
import type {
  ApiToken,
  Attachment,
  AttachmentUpdate,
  AuditEntry,
  CatalogColumn,
  DocumentActionInput,
  DocumentCreateInput,
  DocumentFields,
  DocumentItem,
  DocumentLink,
  EffectInput,
  FieldError,
  LinkType,
  Organisation,
  OrganisationInput,
  Page,
  Role,
  Scope,
  Session,
  TokenCreateInput,
  User,
  UserCreateInput,
  UserUpdateInput,
  Validity,
  Theme,
  TodoList,
  DictionaryEntry,
  DictionaryEntryInput,
  DictionaryKind,
  InterpretationRule,
  ReviewFinding,
  ReviewOverride,
  ReviewQueueItem,
  ReviewQueueStatus,
  ReviewResult,
  CalendarDay,
  CalendarImportResult,
  CalendarOverride,
  CalendarOverrideInput,
  CalendarYearStatus,
} from './types';

const API = '/api/v1';

/** An error answered by the server (`{ error: { code, message, fields } }`) or a transport failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** Remember the CSRF token handed out by login or /auth/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request other than login answers 401 (session expired or missing). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': 'zh-CN',
  };
  // A file goes as the raw request body (the attachments API takes no multipart); FormData as multipart, with the
  // boundary header the browser sets itself.
  const raw = body instanceof Blob;
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(API + withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw || form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试。');
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined)?.error;
    const apiError = new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `请求失败（HTTP ${res.status}）。`,
      Array.isArray(err?.fields) ? err.fields : [],
    );
    if (res.status === 401 && path !== '/auth/login') onUnauthorized();
    throw apiError;
  }
  return data as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const upload = <T>(path: string, file: Blob, query: Query) => request<T>('POST', path, file, query);
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const del = <T>(path: string) => request<T>('DELETE', path);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
/** multipart/form-data (the public-form style endpoints, e.g. offline registration with files). */
const postForm = <T>(path: string, form: FormData) => request<T>('POST', path, form);

/** The request helpers, for API modules kept in their own files (admin/src/components/<area>/api.ts). */
export const http = { get, post, put, patch, del, upload, postForm };
const id = encodeURIComponent;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export const api = {
  auth: {
    login: (username: string, password: string) => post<Session>('/auth/login', { username, password }),
    logout: () => post<{ ok: true }>('/auth/logout'),
    me: () => get<Session>('/auth/me'),
    changePassword: (currentPassword: string, newPassword: string) =>
      post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
  },
  organisations: {
    tree: () => get<{ items: Organisation[] }>('/organisations/tree'),
    get: (orgId: string) => get<Organisation>(`/organisations/${id(orgId)}`),
    create: (input: OrganisationInput) => post<Organisation>('/organisations', input),
    update: (orgId: string, input: OrganisationInput) => patch<Organisation>(`/organisations/${id(orgId)}`, input),
    move: (orgId: string, parentId: string) => post<Organisation>(`/organisations/${id(orgId)}/move`, { parentId }),
    deactivate: (orgId: string) => post<Organisation>(`/organisations/${id(orgId)}/deactivate`),
    activate: (orgId: string) => post<Organisation>(`/organisations/${id(orgId)}/activate`),
    remove: (orgId: string) => del<void>(`/organisations/${id(orgId)}`),
  },
  roles: {
    list: () => get<{ items: Role[] }>('/roles'),
  },
  users: {
    list: (q: PageQuery & { q?: string; organisationId?: string }) => get<Page<User>>('/users', { ...q }),
    get: (userId: string) => get<User>(`/users/${id(userId)}`),
    create: (input: UserCreateInput) => post<User>('/users', input),
    update: (userId: string, input: UserUpdateInput) => patch<User>(`/users/${id(userId)}`, input),
    resetPassword: (userId: string, password: string) => post<{ ok: true }>(`/users/${id(userId)}/reset-password`, { password }),
    unlock: (userId: string) => post<User>(`/users/${id(userId)}/unlock`),
    grantRole: (userId: string, role: string, organisationId: string) => post<User>(`/users/${id(userId)}/roles`, { role, organisationId }),
    revokeRole: (userId: string, grantId: string) => del<User>(`/users/${id(userId)}/roles/${id(grantId)}`),
  },
  tokens: {
    scopes: () => get<{ items: Scope[] }>('/tokens/scopes'),
    list: () => get<{ items: ApiToken[] }>('/tokens'),
    create: (input: TokenCreateInput) => post<{ token: string; item: ApiToken }>('/tokens', input),
    revoke: (tokenId: string) => del<void>(`/tokens/${id(tokenId)}`),
  },
  audit: {
    list: (
      q: PageQuery & {
        organisationId?: string;
        actorId?: string;
        entityType?: string;
        entityId?: string;
        action?: string;
        from?: string;
        to?: string;
      },
    ) => get<Page<AuditEntry>>('/audit', { ...q }),
  },
  documents: {
    list: (q: PageQuery & { organisationId?: string; state?: string; q?: string }) => get<Page<DocumentItem>>('/documents', { ...q }),
    get: (docId: string) => get<DocumentItem>(`/documents/${id(docId)}`),
    create: (input: DocumentCreateInput) => post<DocumentItem>('/documents', input),
    update: (docId: string, input: DocumentFields & { lockVersion: number }) => patch<DocumentItem>(`/documents/${id(docId)}`, input),
    newEdition: (docId: string, changeType: 'major' | 'minor', changeNote?: string) =>
      post<DocumentItem>(`/documents/${id(docId)}/editions`, { changeType, changeNote }),
    act: (docId: string, input: DocumentActionInput) => post<DocumentItem>(`/documents/${id(docId)}/actions`, input),
    links: (docId: string) => get<{ items: DocumentLink[] }>(`/documents/${id(docId)}/links`),
    addLink: (docId: string, toDocumentId: string, type: LinkType) =>
      post<{ items: DocumentLink[] }>(`/documents/${id(docId)}/links`, { toDocumentId, type }),
    removeLink: (docId: string, linkId: string) => del<void>(`/documents/${id(docId)}/links/${id(linkId)}`),
    addEffect: (docId: string, input: EffectInput) => post<void>(`/documents/${id(docId)}/effects`, input),
    validity: (docId: string, asOf?: string) => get<Validity>(`/documents/${id(docId)}/validity`, { asOf }),
    /** Not (yet) served by every server version: callers treat a failure as "placement unknown". */
    columns: (docId: string) => get<{ items: CatalogColumn[] }>(`/documents/${id(docId)}/columns`),
    attachments: (docId: string, editionId: string) => get<{ items: Attachment[] }>(`/documents/${id(docId)}/editions/${id(editionId)}/attachments`),
    uploadAttachment: (docId: string, editionId: string, file: File) =>
      upload<Attachment>(`/documents/${id(docId)}/editions/${id(editionId)}/attachments`, file, { filename: file.name }),
    updateAttachment: (docId: string, editionId: string, attId: string, input: AttachmentUpdate) =>
      patch<{ items: Attachment[] }>(`/documents/${id(docId)}/editions/${id(editionId)}/attachments/${id(attId)}`, input),
    reorderAttachments: (docId: string, editionId: string, ids: string[]) =>
      put<{ items: Attachment[] }>(`/documents/${id(docId)}/editions/${id(editionId)}/attachments/order`, { ids }),
    removeAttachment: (docId: string, editionId: string, attId: string) =>
      del<void>(`/documents/${id(docId)}/editions/${id(editionId)}/attachments/${id(attId)}`),
    setColumns: (docId: string, columnIds: string[]) => put<{ items: CatalogColumn[] }>(`/documents/${id(docId)}/columns`, { columnIds }),
  },
  normative: {
    themes: () => get<{ items: Theme[] }>('/normative/themes'),
    theme: (themeId: string) => get<Theme>(`/normative/themes/${id(themeId)}`),
    createTheme: (input: { organisationId: string; name: string; description?: string | null; topicCodes?: string[] }) => post<Theme>('/normative/themes', input),
    updateTheme: (themeId: string, input: { name?: string; description?: string | null; topicCodes?: string[] }) => patch<Theme>(`/normative/themes/${id(themeId)}`, input),
    removeTheme: (themeId: string) => del<void>(`/normative/themes/${id(themeId)}`),
    addToTheme: (themeId: string, documentId: string) => post<void>(`/normative/themes/${id(themeId)}/documents`, { documentId }),
    removeFromTheme: (themeId: string, documentId: string) => del<void>(`/normative/themes/${id(themeId)}/documents/${id(documentId)}`),
    setRegistrationNo: (docId: string, registrationNo: string | null) => put<{ registrationNo: string | null }>(`/documents/${id(docId)}/registration-no`, { registrationNo }),
  },
  todo: () => get<TodoList>('/todo'),
  catalog: {
    columns: (orgId: string) => get<{ items: CatalogColumn[] }>(`/organisations/${id(orgId)}/catalog`),
    addColumn: (input: { organisationId: string; parentId?: string | null; name: string; updateDays?: number | null }) =>
      post<CatalogColumn>('/catalog/columns', input),
    updateColumn: (columnId: string, input: { name?: string; updateDays?: number | null; sortOrder?: number }) =>
      patch<CatalogColumn>(`/catalog/columns/${id(columnId)}`, input),
    removeColumn: (columnId: string) => del<void>(`/catalog/columns/${id(columnId)}`),
  },
};

// ---- 备案审查 and 规范性文件清理 (normative documents)

export interface Filing {
  id: string;
  documentId: string;
  title: string;
  docNo: string | null;
  issuer: { id: string; name: string };
  authority: { id: string; name: string } | null;
  publishedOn: string;
  dueOn: string;
  state: 'due' | 'filed' | 'reviewed';
  stateName: string;
  filedOn: string | null;
  filingNote: string | null;
  reviewDueOn: string | null;
  result: 'passed' | 'correction' | 'revoked' | null;
  resultName: string | null;
  opinion: string | null;
  revokedFrom: string | null;
  decisionDocumentId: string | null;
  overdue: string | null;
  overdueName: string | null;
  canFile: boolean;
  canReview: boolean;
}

export interface CleanupItem {
  id: string;
  documentId: string;
  slug: string;
  title: string;
  docNo: string | null;
  publishedOn: string | null;
  decision: 'keep' | 'amend' | 'repeal' | 'expire' | null;
  decisionName: string | null;
  reason: string | null;
}

export interface Cleanup {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  scopeBefore: string | null;
  scopeNote: string | null;
  state: 'draft' | 'published';
  stateName: string;
  publishedOn: string | null;
  resultDocumentId: string | null;
  createdAt: string;
  itemCount?: number;
  items?: CleanupItem[];
}

export interface CleanupCandidate {
  id: string;
  title: string;
  docNo: string | null;
  publishedOn: string | null;
  organisation: string;
}

export const normativeApi = {
  filings: (q: PageQuery & { state?: string; overdue?: boolean; organisationId?: string; q?: string }) => get<Page<Filing>>('/normative/filings', { ...q }),
  file: (filingId: string, input: { filedOn?: string; note?: string | null }) => post<Filing>(`/normative/filings/${id(filingId)}/file`, input),
  review: (filingId: string, input: { result: string; opinion?: string | null; revokedFrom?: string | null }) =>
    post<Filing>(`/normative/filings/${id(filingId)}/review`, input),
  cleanups: (q: PageQuery & { organisationId?: string; state?: string }) => get<Page<Cleanup>>('/normative/cleanups', { ...q }),
  cleanup: (cleanupId: string) => get<Cleanup>(`/normative/cleanups/${id(cleanupId)}`),
  createCleanup: (input: { organisationId: string; title: string; scopeBefore?: string | null; scopeNote?: string | null }) => post<Cleanup>('/normative/cleanups', input),
  deleteCleanup: (cleanupId: string) => del<void>(`/normative/cleanups/${id(cleanupId)}`),
  candidates: (cleanupId: string, q: PageQuery & { q?: string; publishedBefore?: string }) =>
    get<Page<CleanupCandidate>>(`/normative/cleanups/${id(cleanupId)}/candidates`, { ...q }),
  addItems: (cleanupId: string, documentIds: string[]) => post<Cleanup>(`/normative/cleanups/${id(cleanupId)}/items`, { documentIds }),
  removeItem: (cleanupId: string, itemId: string) => del<Cleanup>(`/normative/cleanups/${id(cleanupId)}/items/${id(itemId)}`),
  decide: (cleanupId: string, input: { itemIds: string[]; decision: string; reason?: string | null }) => post<Cleanup>(`/normative/cleanups/${id(cleanupId)}/decisions`, input),
  publish: (cleanupId: string) => post<Cleanup>(`/normative/cleanups/${id(cleanupId)}/publish`, {}),
};

// ---- 发布前审查 (pre-publication review)

const doc = (docId: string) => `/review/documents/${id(docId)}`;

export const reviewApi = {
  document: (docId: string) => get<ReviewResult>(doc(docId)),
  override: (docId: string, findingId: string, reason: string) => post<ReviewFinding>(`${doc(docId)}/findings/${id(findingId)}/override`, { reason }),
  mask: (docId: string, findingId: string) =>
    post<{ masked: number; reupload: boolean; message: string }>(`${doc(docId)}/findings/${id(findingId)}/mask`),
  sign: (docId: string, step: number, note?: string) => post<ReviewResult>(`${doc(docId)}/steps/${step}/sign`, note ? { note } : {}),
  recordPlan: (docId: string, plan: string) => put<ReviewResult>(`${doc(docId)}/interpretation-plan`, { plan }),
  overrides: (q: PageQuery) => get<Page<ReviewOverride>>('/review/overrides', { ...q }),
  queue: (q: PageQuery & { status?: ReviewQueueStatus }) => get<Page<ReviewQueueItem>>('/review/queue', { ...q }),
  withdraw: (itemId: string, reason: string) => post<void>(`/review/queue/${id(itemId)}/withdraw`, { reason }),
  republish: (itemId: string, note: string) => post<void>(`/review/queue/${id(itemId)}/republish`, { note }),
  dismiss: (itemId: string, reason: string) => post<void>(`/review/queue/${id(itemId)}/dismiss`, { reason }),
  steps: (orgId: string) => get<{ organisationId: string; steps: string[]; inherited: boolean }>(`/review/steps/${id(orgId)}`),
  setSteps: (orgId: string, steps: string[] | null) =>
    put<{ organisationId: string; steps: string[]; inherited: boolean }>(`/review/steps/${id(orgId)}`, { steps }),
  dictionary: (q: PageQuery & { kind?: DictionaryKind; q?: string }) => get<Page<DictionaryEntry> & { version: number }>('/review/dictionary', { ...q }),
  addEntry: (input: DictionaryEntryInput) => post<DictionaryEntry>('/review/dictionary', input),
  updateEntry: (entryId: string, input: Partial<DictionaryEntryInput>) => patch<DictionaryEntry>(`/review/dictionary/${id(entryId)}`, input),
  removeEntry: (entryId: string) => del<void>(`/review/dictionary/${id(entryId)}`),
  importEntries: (kind: DictionaryKind, content: string) =>
    post<{ added: number; updated: number; skipped: number; version: number }>('/review/dictionary/import', { kind, content }),
  interpretationRules: () => get<{ items: InterpretationRule[] }>('/review/interpretation-rules'),
  addInterpretationRule: (match: InterpretationRule['match'], value: string) => post<InterpretationRule>('/review/interpretation-rules', { match, value }),
  removeInterpretationRule: (ruleId: string) => del<void>(`/review/interpretation-rules/${id(ruleId)}`),
};

// ---- 工作日历 (working-day calendar)

export const calendarApi = {
  workingDays: (from: string, days: number) => get<{ date: string; provisional: boolean }>('/calendar/working-days', { from, days }),
  days: (year: number) => get<{ year: number; scheduled: boolean; items: CalendarDay[] }>('/calendar/days', { year }),
  years: () => get<{ today: string; nextYear: number; nextYearScheduled: boolean; items: CalendarYearStatus[] }>('/calendar/years'),
  overrides: (year: number) => get<{ year: number; items: CalendarOverride[] }>('/calendar/overrides', { year }),
  putOverride: (date: string, input: CalendarOverrideInput) => put<CalendarOverride>(`/calendar/overrides/${id(date)}`, input),
  removeOverride: (date: string) => del<void>(`/calendar/overrides/${id(date)}`),
  /** The schedule file as parsed JSON, or its text when it is not JSON (the server then says so in Chinese). */
  importSchedule: (file: unknown) => post<CalendarImportResult>('/calendar/import', file),
  markYear: (year: number, sourceTitle: string, sourceNumber?: string | null) => put<CalendarYearStatus>(`/calendar/years/${year}`, { sourceTitle, sourceNumber }),
  unmarkYear: (year: number) => del<void>(`/calendar/years/${year}`),
};
