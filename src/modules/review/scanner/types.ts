// The shared scanner interface (fixed between the scanner and the review workflow; see docs/review-scanner.md).

export type FindingCategory =
  | 'id_card'
  | 'id_card_old'
  | 'mobile'
  | 'landline'
  | 'bank_card'
  | 'email'
  | 'passport'
  | 'travel_permit'
  | 'plate'
  | 'address'
  | 'uscc_individual'
  | 'secret_marking'
  | 'sensitive_word'
  | 'wrong_expression'
  | 'metadata'
  | 'unreadable';

/** 'block' = always blocking (secret markings, unreadable attachments); 'high' = blocking unless overridden. */
export type Severity = 'block' | 'high' | 'medium' | 'low';

export interface FindingLocation {
  /** 'body' | 'title' | a metadata field */
  field?: string;
  attachmentId?: string;
  filename?: string;
  page?: number;
  sheet?: string;
  cell?: string;
}

export interface Finding {
  category: FindingCategory;
  severity: Severity;
  blocking: boolean;
  /** UTF-16 offsets into the scanned text (of that field/attachment/page). */
  start: number;
  end: number;
  /** The match and its masked replacement (per-category masking rule). */
  text: string;
  masked: string;
  message: { zh: string; en: string };
  /** Wrong expressions: the correct form. */
  suggestion?: string;
  /** Detector or dictionary entry id. */
  ruleId: string;
  location: FindingLocation;
  /** Up to 24 characters on each side, other findings in them masked: what a reviewer reads around the match. */
  context?: { before: string; after: string };
}

export interface DictionaryEntry {
  id: string;
  word: string;
  kind: 'sensitive' | 'wrong';
  correct?: string | null;
  severity?: Severity;
  note?: string | null;
}

/** Opaque, built once, reused across scans; a reload builds a new one and the caller swaps it. */
export interface CompiledDictionary {
  readonly size: number;
}

export interface MaskingRules {
  [category: string]: { keepStart: number; keepEnd: number; char?: string };
}

export interface ScanOptions {
  dictionary?: CompiledDictionary;
  allowPhones?: readonly string[];
  allowEmailDomains?: readonly string[];
  masking?: MaskingRules;
  location?: FindingLocation;
}

export interface DocumentMetadataForScan {
  title?: string | null;
  docNo?: string | null;
  writtenOn?: string | null;
  publishedOn?: string | null;
  disclosure?: string | null;
  note?: string | null;
  today: string;
}
