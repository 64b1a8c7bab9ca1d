export type LedgerAction = 'publish' | 'withdraw' | 'unpublish';

export interface LedgerTable {
  seq: number;
  at: string;
  action: LedgerAction;
  document_id: string;
  edition_id: string;
  org_id: string;
  version: string;
  content_hash: string;
  prev_hash: string;
  entry_hash: string;
}
