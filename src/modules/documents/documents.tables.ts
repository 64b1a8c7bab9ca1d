export interface DocumentTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  status: 'draft';
  created_by: string;
  created_at: string;
  updated_at: string;
}
