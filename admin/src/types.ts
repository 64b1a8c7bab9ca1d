// Shapes of the Gongkai HTTP API (/api/v1) as used by the admin SPA.

export interface RoleGrant {
  id: string;
  role: string;
  roleName: string;
  organisationId: string;
  organisationName: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  roles: RoleGrant[];
  /** Home organisation (served by the server although not in the written contract). */
  organisationId?: string | null;
  organisationName?: string | null;
  lastLoginAt?: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** Permissions the user holds somewhere in the tree (e.g. 'user.read', 'audit.read'). */
  permissions: string[];
  platformAdmin: boolean;
}

export type OrgKind = 'city' | 'county' | 'township' | 'village' | 'department' | 'institution';

export interface OrgContact {
  address: string | null;
  postcode: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  officeHours: string | null;
}

export interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  divisionCode: string | null;
  uscc: string | null;
  siteCode: string | null;
  sortOrder: number;
  active: boolean;
  contact: OrgContact;
  createdAt: string;
  updatedAt: string;
}

/** Body of POST /organisations; PATCH takes the same fields except parentId. */
export interface OrganisationInput {
  parentId?: string | null;
  name?: string;
  shortName?: string | null;
  kind?: OrgKind;
  divisionCode?: string | null;
  uscc?: string | null;
  siteCode?: string | null;
  sortOrder?: number;
  contact?: Partial<OrgContact>;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  organisationId?: string;
  email?: string;
  phone?: string;
}

export interface UserUpdateInput {
  displayName?: string;
  organisationId?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
}

export interface Role {
  code: string;
  name: string;
  description: string;
}

export interface Scope {
  code: string;
  name: string;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenCreateInput {
  name: string;
  scopes: string[];
  /** A calendar date (YYYY-MM-DD): the token works until the end of that day. */
  expiresAt?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FieldError {
  path: string;
  message: string;
}
