export type DocumentKind = 'document' | 'interpretation';
export type PublicState = 'none' | 'published' | 'withdrawn' | 'unpublished';
export type Disclosure = 'proactive' | 'on_request' | 'withheld';

export interface DocumentTable {
  id: string;
  org_id: string;
  slug: string;
  kind: DocumentKind;
  normative_kind: 'normative' | 'rule' | null;
  index_no: string | null;
  registration_no: string | null;
  /** Stored validity (normative documents only), computed for validity_status_on; see normative-status-store.ts. */
  validity_status: 'not_yet_in_force' | 'in_force' | 'amended' | 'suspended' | 'expired' | 'repealed' | null;
  validity_status_on: string | null;
  /** The next day the status may change by the calendar alone; the daily task recomputes from then. */
  validity_next_on: string | null;
  /** The edition the public sees (null until first published). */
  published_edition_id: string | null;
  /** The one edition being worked on (draft … scheduled), if any. */
  open_edition_id: string | null;
  public_state: PublicState;
  replacement_document_id: string | null;
  source_key: string | null;
  content_hash: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EditionTable {
  id: string;
  document_id: string;
  version_major: number;
  version_minor: number;
  change_type: 'major' | 'minor';
  change_note: string | null;
  state: string;
  lock_version: number;
  title: string;
  body_html: string;
  body_text: string;
  /** Remaining metadata as JSON (summary, keywords, scope, issuer, formed_on, note, disclosure reason …). */
  metadata: string;
  doc_no: string | null;
  doc_no_norm: string | null;
  topic: string | null;
  genre: string | null;
  written_on: string | null;
  effective_from: string | null;
  expires_on: string | null;
  repealed_on: string | null;
  disclosure: Disclosure;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  scheduled_at: string | null;
  published_by: string | null;
  published_at: string | null;
  urgent: number;
  ended_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EditionHistoryTable {
  id: string;
  edition_id: string;
  from_state: string;
  to_state: string;
  event: string;
  actor_id: string | null;
  reason: string | null;
  at: string;
}

export type LinkType = 'interprets' | 'amends' | 'repeals' | 'replaces' | 'implements' | 'related';

export interface LinkTable {
  id: string;
  from_document_id: string;
  to_document_id: string;
  type: LinkType;
  created_by: string | null;
  created_at: string;
}

export interface EffectTable {
  id: string;
  affecting_document_id: string;
  affected_document_id: string;
  type: string;
  affected_article: string | null;
  in_force_on: string;
  applied: number;
  created_by: string | null;
  created_at: string;
}

export interface AttachmentTable {
  id: string;
  edition_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  text: string | null;
  accessible: number;
  html_version_of: string | null;
  sort_order: number;
  created_at: string;
}

export interface ColumnTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  sort_order: number;
  update_days: number | null;
  template: string | null;
  created_at: string;
  updated_at: string;
}

export interface ColumnItemTable {
  column_id: string;
  document_id: string;
  created_at: string;
}

export interface SequenceTable {
  org_id: string;
  name: string;
  value: number;
}

/** 专题: an administrator-defined themed category of the normative library. */
export interface ThemeTable {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  /** JSON array of 主题分类 codes. */
  topic_codes: string;
  sort_order: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ThemeItemTable {
  theme_id: string;
  document_id: string;
  created_at: string;
}
