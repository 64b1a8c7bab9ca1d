export type OrgKind = 'city' | 'county' | 'township' | 'village' | 'department' | 'institution';

export interface OrgTable {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids, '/root/child/…/self/': a subtree is every row whose path starts with it. */
  path: string;
  depth: number;
  name: string;
  short_name: string | null;
  kind: OrgKind;
  division_code: string | null;
  uscc: string | null;
  site_code: string | null;
  sort_order: number;
  active: number;
  contact: string;
  created_at: string;
  updated_at: string;
}
