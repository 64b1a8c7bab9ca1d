// Answer-letter templates: owner is an organisation id, or 'platform' for the platform default.

export interface ReqLetterTemplateTable {
  owner: string;
  title: string;
  /** JSON array of paragraph strings with placeholders. */
  paragraphs: string;
  reconsideration_body: string;
  court: string;
  updated_at: string;
  updated_by: string;
}
