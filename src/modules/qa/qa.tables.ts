// Tables of policy Q&A (政策问答, prefix qa_). The asker's contact lives only in qa_asker: never public, never indexed.

export interface QaItemTable {
  id: string;
  org_id: string;
  org_path: string;
  /** public (asked on the portal) | staff (knowledge-base entry written by staff). */
  origin: string;
  state: string;
  title: string;
  question: string;
  answer: string | null;
  topic: string | null;
  /** citizen | enterprise | all */
  audience: string;
  /** SHA-256 of the normalised question text: duplicate detection. */
  dedupe_key: string;
  received_on: string;
  due_on: string | null;
  /** The department's choice when answering a public question: publish with the answer or reply privately. */
  publish_wanted: number;
  answered_on: string | null;
  answered_by: string | null;
  published_at: string | null;
  /** Moderation or return reason: internal, never public. */
  internal_note: string | null;
  created_at: string;
  updated_at: string;
}

/** Personal data of the asker (all optional): read by the handling department only, used to notify once. */
export interface QaAskerTable {
  qa_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** The policy documents a Q&A explains. */
export interface QaLinkTable {
  qa_id: string;
  document_id: string;
  position: number;
}
