// Fetch wrapper and typed calls for the Gongkai HTTP API (/api/v1).
import type {
  ApiToken,
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
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(API + withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
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
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const del = <T>(path: string) => request<T>('DELETE', path);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
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
    setColumns: (docId: string, columnIds: string[]) => put<{ items: CatalogColumn[] }>(`/documents/${id(docId)}/columns`, { columnIds }),
  },
  catalog: {
    columns: (orgId: string) => get<{ items: CatalogColumn[] }>(`/organisations/${id(orgId)}/catalog`),
    addColumn: (input: { organisationId: string; parentId?: string | null; name: string; updateDays?: number | null }) =>
      post<CatalogColumn>('/catalog/columns', input),
    updateColumn: (columnId: string, input: { name?: string; updateDays?: number | null; sortOrder?: number }) =>
      patch<CatalogColumn>(`/catalog/columns/${id(columnId)}`, input),
    removeColumn: (columnId: string) => del<void>(`/catalog/columns/${id(columnId)}`),
  },
};
