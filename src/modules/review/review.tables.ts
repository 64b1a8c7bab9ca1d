export type DictionaryKind = 'sensitive' | 'wrong';
export type SeverityCode = 'block' | 'high' | 'medium' | 'low';

export interface DictionaryEntryTable {
  id: string;
  word: string;
  kind: DictionaryKind;
  correct: string | null;
  severity: SeverityCode;
  note: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ReviewStateTable {
  key: string;
  value: string;
}

/** The last scan of an edition: findings are current while the fingerprint and the dictionary version match. */
export interface ScanTable {
  edition_id: string;
  document_id: string;
  fingerprint: string;
  dictionary_version: number;
  scanned_at: string;
}

export interface FindingTable {
  id: string;
  edition_id: string;
  document_id: string;
  /** Stable across re-scans of unchanged content: overrides and dismissals refer to it. */
  finding_key: string;
  category: string;
  severity: SeverityCode;
  blocking: number;
  field: string | null;
  attachment_id: string | null;
  filename: string | null;
  page: number | null;
  sheet: string | null;
  cell: string | null;
  start_offset: number;
  end_offset: number;
  text: string;
  masked: string;
  message_zh: string;
  message_en: string;
  suggestion: string | null;
  rule_id: string;
  seq: number;
  context_before: string | null;
  context_after: string | null;
}

export interface OverrideTable {
  id: string;
  edition_id: string;
  document_id: string;
  org_id: string;
  org_path: string;
  finding_key: string;
  category: string;
  excerpt: string;
  location: string;
  document_title: string;
  reason: string;
  user_id: string | null;
  user_name: string;
  created_at: string;
}

export interface StepConfigTable {
  org_id: string;
  /** JSON array of step names, e.g. ["初审","复审","终审"]. */
  steps: string;
  updated_at: string;
}

export interface SignoffTable {
  id: string;
  edition_id: string;
  step_index: number;
  step_name: string;
  user_id: string;
  user_name: string;
  note: string | null;
  signed_at: string;
}

export interface InterpretationRuleTable {
  id: string;
  /** 'genre' (体裁, e.g. 通知) or 'normative_kind' ('normative' | 'rule'). */
  match: 'genre' | 'normative_kind';
  value: string;
  created_at: string;
}

export interface InterpretationPlanTable {
  document_id: string;
  org_id: string;
  org_path: string;
  document_title: string;
  plan: string;
  published_on: string | null;
  due_on: string | null;
  created_by: string | null;
  created_at: string;
}

export type QueueStatus = 'open' | 'withdrawn' | 'republished' | 'dismissed';

export interface QueueItemTable {
  id: string;
  document_id: string;
  edition_id: string;
  org_id: string;
  org_path: string;
  document_title: string;
  /** JSON array of the finding keys this item is about (a dismissal covers exactly these). */
  finding_keys: string;
  summary: string;
  status: QueueStatus;
  reason: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}
