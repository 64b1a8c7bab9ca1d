// Tables of the normative-document processes: 备案审查 (filing review) and 清理 (clean-up campaigns).
import type { CleanupDecision, CleanupState, FilingResult, FilingState } from './domain/index.ts';

/** Explicit filing authority for an issuing organisation, overriding the inference from the organisation tree. */
export interface FilingAuthorityTable {
  org_id: string;
  authority_org_id: string;
  updated_by: string | null;
  updated_at: string;
}

export interface FilingTable {
  id: string;
  document_id: string;
  issuer_org_id: string;
  /** null when no judicial bureau could be found: the filing waits until one is set. */
  authority_org_id: string | null;
  published_on: string;
  due_on: string;
  state: FilingState;
  filed_on: string | null;
  filed_by: string | null;
  filing_note: string | null;
  review_due_on: string | null;
  result: FilingResult | null;
  opinion: string | null;
  revoked_from: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** 撤销: the published revocation decision whose effect repeals the document. */
  decision_document_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CleanupTable {
  id: string;
  org_id: string;
  title: string;
  /** Scope: documents published before this date (optional). */
  scope_before: string | null;
  scope_note: string | null;
  state: CleanupState;
  published_on: string | null;
  published_at: string | null;
  published_by: string | null;
  /** The 清理结果 document published with the campaign; the effects come from it. */
  result_document_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CleanupItemTable {
  id: string;
  cleanup_id: string;
  document_id: string;
  decision: CleanupDecision | null;
  reason: string | null;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
}
