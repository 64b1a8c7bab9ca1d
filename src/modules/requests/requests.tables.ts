// Tables of disclosure-on-application cases (prefix req_). The statistics read req_case (org_id, applicant_kind,
// received_on, state, outcome, concluded_on) and req_remedy; applicant personal data lives only in req_applicant.

export interface ReqCaseTable {
  id: string;
  org_id: string;
  org_path: string;
  tracking_no: string;
  /** SHA-256 (hex) of the applicant's tracking code; the code itself is shown once and never stored. */
  code_hash: string;
  applicant_kind: string;
  channel: string;
  applied_on: string;
  received_on: string;
  state: string;
  /** Set when the case ends at this organisation (see concludingOutcome). */
  outcome: string | null;
  concluded_on: string | null;
  info_title: string;
  info_doc_number: string | null;
  info_description: string | null;
  /** 用途, optional (the 条例 no longer asks for it). */
  info_purpose: string | null;
  /** Normalised 文号 or title, for grouping requests for the same information (Art. 44). */
  info_key: string;
  form: string;
  delivery: string;
  suggest_proactive: number;
  note: string | null;
  answer_text: string | null;
  answer_basis: string | null;
  answered_on: string | null;
  handler_id: string | null;
  proactive_document_id: string | null;
  transferred_to_case_id: string | null;
  transferred_from_case_id: string | null;
  /** The last event's seq (events are numbered 1, 2, … per case). */
  last_seq: number;
  created_at: string;
  updated_at: string;
}

/** Personal data of the applicant: read only by the handling organisation's case staff, never indexed or exported. */
export interface ReqApplicantTable {
  case_id: string;
  name: string;
  id_number: string;
  /** SHA-256 of the normalised ID number: counts one applicant's requests per month (fees) without reading the ID. */
  id_hash: string;
  contact_person: string | null;
  /** Organisations: 法定代表人或负责人. */
  legal_representative: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  postcode: string | null;
}

/** The case's event ledger: append-only; the deadline engine reads it. */
export interface ReqEventTable {
  id: string;
  case_id: string;
  seq: number;
  type: string;
  occurred_on: string;
  payload: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface ReqFileTable {
  id: string;
  case_id: string;
  /** proof (identity proof), correction (applicant's correction material), released (information provided). */
  kind: string;
  filename: string;
  storage_key: string;
  sha256: string;
  size: number;
  content_type: string;
  redacted: number;
  created_at: string;
}

export interface ReqRemedyTable {
  id: string;
  case_id: string;
  org_id: string;
  kind: string;
  filed_on: string;
  result: string;
  decided_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Near-due / overdue notices: the outbox edge for a future SMS/e-mail gateway; one per case, kind and day. */
export interface ReqNotificationTable {
  id: string;
  case_id: string;
  org_id: string;
  kind: string;
  day: string;
  due_on: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ReqCounterTable {
  scope: string;
  value: number;
}
