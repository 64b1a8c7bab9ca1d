// The annual catalog of major administrative decision items (重大行政决策事项目录) and their five procedures.

export interface DecItemTable {
  id: string;
  org_id: string;
  org_path: string;
  year: number;
  title: string;
  summary: string;
  department: string;
  status: string;
  published: number;
  consultation_id: string | null;
  decision_document_id: string | null;
  decided_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface DecProcedureTable {
  item_id: string;
  kind: string;
  required: number;
  status: string;
  done_on: string | null;
  note: string | null;
  document_id: string | null;
  updated_at: string;
}
