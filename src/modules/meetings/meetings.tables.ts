// Executive meetings (重大会议, prefix mtg_): 常务会议 and 全体会议 with press release, decided items and 开放情况.

export interface MtgMeetingTable {
  id: string;
  org_id: string;
  org_path: string;
  /** executive (常务会议) | plenary (全体会议) */
  kind: string;
  /** 第 N 次 */
  session_no: number;
  title: string;
  held_on: string;
  press_release: string;
  /** JSON [{text, confidential}]: confidential items never leave the staff API. */
  items: string;
  /** JSON {grassroots, enterprise, media, expert}: invited representatives per kind. */
  participation: string;
  /** JSON [documentId]: linked interpretations. */
  document_ids: string;
  state: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}
