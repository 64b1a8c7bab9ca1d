// Answer-letter templates (答复书模板): GET/PUT/DELETE /api/v1/requests/letter-template and the sample DOCX.
import { http } from '../../api';

export interface LetterTemplateInput {
  title: string;
  paragraphs: string[];
  reconsiderationBody: string;
  court: string;
}

export interface EffectiveLetterTemplate {
  organisationId: string | null;
  organisationName: string | null;
  template: LetterTemplateInput & { orgId: string | null; updatedAt: string | null };
  /** organisation: its own; ancestor: inherited; platform: the platform default; builtin: the text shipped with Gongkai. */
  source: 'organisation' | 'ancestor' | 'platform' | 'builtin';
  sourceOrgName: string | null;
  own: boolean;
  canEdit: boolean;
  placeholders: { name: string; description: string }[];
}

const path = (orgId: string | null) => `/requests/letter-template${orgId ? `?organisationId=${encodeURIComponent(orgId)}` : ''}`;

export const letterTemplateApi = {
  get: (orgId: string | null) => http.get<EffectiveLetterTemplate>(path(orgId)),
  save: (orgId: string | null, input: LetterTemplateInput) => http.put<EffectiveLetterTemplate>(path(orgId), input),
  reset: (orgId: string | null) => http.del<EffectiveLetterTemplate>(path(orgId)),
  /** A plain link (GET with the session cookie) to the sample letter drawn with the saved template. */
  sampleUrl: (orgId: string | null) =>
    `/api/v1/requests/letter-template/sample.docx${orgId ? `?organisationId=${encodeURIComponent(orgId)}` : ''}`,
};
