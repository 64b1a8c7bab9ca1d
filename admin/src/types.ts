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
  officeName: string | null;
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

// ── Documents (信息发布) and the disclosure catalog (信息公开目录) ──

export type EditionState =
  'draft' | 'submitted' | 'rejected' | 'approved' | 'scheduled' | 'published' | 'superseded' | 'withdrawn' | 'unpublished';
export type PublicState = 'none' | 'published' | 'withdrawn' | 'unpublished';
export type Disclosure = 'proactive' | 'on_request' | 'withheld';
export type DocumentKind = 'document' | 'interpretation';
export type NormativeKind = 'normative' | 'rule';

export interface Edition {
  id: string;
  version: string;
  changeType: 'major' | 'minor';
  changeNote: string | null;
  state: EditionState;
  lockVersion: number;
  title: string;
  bodyHtml: string;
  docNo: string | null;
  /** 主题分类 code, e.g. "0201" (综合政务\政务公开). */
  topic: string | null;
  /** 体裁 code, e.g. "notice" (通知). */
  genre: string | null;
  issuer: string | null;
  writtenOn: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  repealedOn: string | null;
  formedOn: string | null;
  disclosure: Disclosure;
  disclosureReason: string | null;
  scope: string | null;
  keywords: string[];
  summary: string | null;
  note: string | null;
  /** The default-validity rule that filled 有效期至 (null: typed by hand, or none). */
  validityRule?: { id: string; years: number | null; note: string } | null;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  urgent: boolean;
  endedReason?: string | null;
  updatedAt: string;
}

/** A file attached to an edition (GET /documents/:id/editions/:editionId/attachments). */
export interface Attachment {
  id: string;
  editionId: string;
  name: string;
  mime: string;
  kind: string;
  size: number;
  accessible: boolean;
  htmlVersionOf: string | null;
  preferred: boolean;
  original: boolean;
  sortOrder: number;
  textChars: number;
  url: string;
  createdAt: string;
}

export interface AttachmentUpdate {
  name?: string;
  accessible?: boolean;
  sortOrder?: number;
  htmlVersionOf?: string | null;
}

export interface DocumentItem {
  id: string;
  slug: string;
  kind: DocumentKind;
  normativeKind: NormativeKind | null;
  organisationId: string;
  organisationName: string;
  indexNo: string | null;
  /** 统一登记编号 (normative documents). */
  registrationNo?: string | null;
  /** Stored validity status today (normative documents). */
  validityStatus?: string | null;
  validityStatusOn?: string | null;
  publicState: PublicState;
  edition: Edition;
  publishedEditionId: string | null;
  createdBy: string;
  createdAt: string;
  attachments?: Attachment[];
}

/** Metadata an editor fills in; PATCH takes the same fields (all optional) plus lockVersion. */
export interface DocumentFields {
  title?: string;
  bodyHtml?: string;
  docNo?: string | null;
  topic?: string | null;
  genre?: string | null;
  issuer?: string | null;
  writtenOn?: string | null;
  effectiveFrom?: string | null;
  expiresOn?: string | null;
  repealedOn?: string | null;
  formedOn?: string | null;
  disclosure?: Disclosure;
  disclosureReason?: string | null;
  scope?: string | null;
  keywords?: string[];
  summary?: string | null;
  note?: string | null;
  changeNote?: string | null;
}

export interface DocumentCreateInput extends DocumentFields {
  organisationId: string;
  title: string;
  kind?: DocumentKind;
  normativeKind?: NormativeKind | null;
}

export type DocumentAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'schedule'
  | 'publish'
  | 'urgent_publish'
  | 'approve_retrospectively'
  | 'withdraw'
  | 'unpublish'
  | 'reopen';

export interface DocumentActionInput {
  action: DocumentAction;
  reason?: string;
  /** ISO date-time, for schedule. */
  publishAt?: string;
  replacementDocumentId?: string;
}

export type LinkType = 'interprets' | 'amends' | 'repeals' | 'replaces' | 'implements' | 'related';
export type EffectType = 'amends' | 'repeals' | 'replaces' | 'suspends';

export interface DocumentLink {
  id: string;
  type: LinkType;
  /** out: this document → the other; in: the other → this one (only "out" links can be removed here). */
  direction: 'out' | 'in';
  label: string;
  document: { id: string; title: string; publicState: PublicState; docNo: string | null };
}

export interface EffectInput {
  affectedDocumentId: string;
  type: EffectType;
  affectedArticle?: string | null;
  inForceOn: string;
}

export interface Validity {
  asOf: string;
  status: string;
  statusName: string;
  since: string | null;
  notice: string | null;
  pendingNotice: string | null;
  effects: {
    type: string;
    affectingDocumentId: string;
    affectingTitle: string | null;
    affectedArticle: string | null;
    inForceOn: string;
    applied: boolean;
  }[];
}

export interface CatalogColumn {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  /** Expected update frequency in days (null: none). */
  updateDays: number | null;
  template: string | null;
  sortOrder: number;
  /** Documents placed in the column. */
  documents: number;
}

// ── Normative documents: 专题 and 工作待办 ──

export interface Theme {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  description: string | null;
  topicCodes: string[];
  sortOrder: number;
  documents: number;
  items?: { id: string; title: string; docNo: string | null; publicState: string }[];
}

export interface TodoItem {
  kind: string;
  id: string;
  title: string;
  detail: string;
  organisationId: string | null;
  organisationName: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  urgent: boolean;
  href: string;
}

export interface TodoList {
  today: string;
  items: TodoItem[];
  groups: { kind: string; name: string; count: number; urgent: number }[];
}

// ---- 发布前审查 (GET /review/documents/:id and the review settings)

export type ReviewSeverity = 'block' | 'high' | 'medium' | 'low';

export interface ReviewFinding {
  id: string;
  category: string;
  severity: ReviewSeverity;
  blocking: boolean;
  /** open: blocks publication; overridden: a reviewer recorded a reason; info: does not block. */
  status: 'open' | 'overridden' | 'info';
  /** What one click does: mask in the body/title, or ask for a redacted re-upload of the attachment. */
  action: 'mask' | 'reupload' | 'none';
  overridable: boolean;
  location: {
    field: string | null;
    attachmentId: string | null;
    filename: string | null;
    page: number | null;
    sheet: string | null;
    cell: string | null;
    label: string;
  };
  /** UTF-16 offsets into the scanned text of that location (for body/title: `ReviewResult.text`). */
  start: number;
  end: number;
  text: string;
  masked: string;
  message: { zh: string; en: string };
  suggestion: string | null;
  ruleId: string;
  /** The text around the match, other findings masked. */
  context: { before: string; after: string } | null;
  override: { reason: string; userName: string; at: string } | null;
}

export interface ReviewStep {
  index: number;
  name: string;
  /** The last step is signed by approving the document. */
  final: boolean;
  signedBy: string | null;
  signedAt: string | null;
  note: string | null;
}

export interface ReviewResult {
  documentId: string;
  editionId: string;
  state: EditionState;
  version: string;
  scannedAt: string;
  blockingOpen: number;
  findings: ReviewFinding[];
  text: { title: string; body: string };
  steps: ReviewStep[];
  interpretation: {
    required: boolean;
    linked: boolean;
    plan: { plan: string; publishedOn: string | null; dueOn: string | null } | null;
  };
}

export interface ReviewOverride {
  id: string;
  documentId: string;
  editionId: string;
  organisationId: string;
  documentTitle: string;
  category: string;
  excerpt: string;
  location: string;
  reason: string;
  userName: string;
  at: string;
}

export type ReviewQueueStatus = 'open' | 'withdrawn' | 'republished' | 'dismissed';

export interface ReviewQueueItem {
  id: string;
  documentId: string;
  editionId: string;
  organisationId: string;
  documentTitle: string;
  summary: string;
  status: ReviewQueueStatus;
  reason: string | null;
  createdAt: string;
  resolvedAt: string | null;
  findings: ReviewFinding[];
}

export type DictionaryKind = 'sensitive' | 'wrong';

export interface DictionaryEntry {
  id: string;
  word: string;
  kind: DictionaryKind;
  correct: string | null;
  severity: ReviewSeverity;
  note: string | null;
  active: boolean;
  updatedAt: string;
}

export interface DictionaryEntryInput {
  word: string;
  kind: DictionaryKind;
  correct?: string | null;
  severity?: ReviewSeverity;
  note?: string | null;
  active?: boolean;
}

export interface InterpretationRule {
  id: string;
  match: 'genre' | 'normative_kind';
  value: string;
}

// ---- 工作日历 (working-day calendar)

export type CalendarOverrideKind = 'holiday' | 'workday';

/** A non-ordinary day of a year: a holiday, a make-up workday (调休上班) or a date an administrator overrode. */
export interface CalendarDay {
  date: string;
  working: boolean;
  kind: 'ordinary' | CalendarOverrideKind;
  source: 'chinese-days' | 'override' | null;
  name: string | null;
  weekend: boolean;
  sourceTitle: string | null;
  sourceNumber: string | null;
}

export interface CalendarYearStatus {
  year: number;
  scheduled: boolean;
  source: 'chinese-days' | 'import' | 'manual' | null;
  sourceTitle: string | null;
  sourceNumber: string | null;
  papers: string[];
  days: number | null;
  loadedAt: string | null;
  loadedBy: string | null;
  builtin: boolean;
}

export interface CalendarOverride {
  date: string;
  kind: CalendarOverrideKind;
  name: string | null;
  sourceTitle: string;
  sourceNumber: string | null;
  note: string | null;
  scheduleYear: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarOverrideInput {
  kind: CalendarOverrideKind;
  name?: string | null;
  sourceTitle: string;
  sourceNumber?: string | null;
  note?: string | null;
}

export interface CalendarImportResult {
  year: number;
  days: number;
  holidays: number;
  workdays: number;
  replaced: number;
}
