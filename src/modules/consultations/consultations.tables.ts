// Tables of consultations on drafts (意见征集). Commenters' contact data sit apart in con_commenter and never leave
// the staff API.

export interface ConConsultationTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  title: string;
  draft_text: string;
  explanation: string;
  opens_on: string;
  closes_on: string;
  shortened_reason: string | null;
  /** JSON array of { kind, detail } (online, letter, email, fax, meeting). */
  channels: string;
  contact: string;
  state: string;
  withdraw_reason: string | null;
  result_summary: string | null;
  result_published_at: string | null;
  final_document_id: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConCommentTable {
  id: string;
  consultation_id: string;
  /** "3" (article) or "3.2" (its second 款); null for the draft as a whole. */
  anchor: string | null;
  body: string;
  /** Duplicate key: the normalised text's hash for online comments, unique per staff entry. */
  dup_key: string;
  channel: string;
  received_on: string;
  status: string;
  moderation_reason: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface ConCommenterTable {
  comment_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  verified: number;
}
