// Business-environment feedback (营商环境"不满意"线索, prefix fbk_). Contacts live only in fbk_contact.

export interface FbkCaseTable {
  id: string;
  org_id: string;
  org_path: string;
  tracking_no: string;
  category: string;
  description: string;
  dedupe_key: string;
  state: string;
  received_on: string;
  /** YYYY-MM of received_on: the statistics group by it. */
  month: string;
  due_on: string;
  reply: string | null;
  replied_on: string | null;
  replied_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FbkContactTable {
  case_id: string;
  name: string | null;
  company: string | null;
  phone: string | null;
  email: string | null;
}
