// The answer letter (政府信息公开申请答复书): what the case service hands the renderer, and the editable template.

export interface LetterData {
  orgName: string;
  trackingNo: string;
  applicantName: string;
  appliedOn: string;
  receivedOn: string;
  informationTitle: string;
  outcomeName: string;
  /** Legal basis (from domain/outcomes.ts, possibly extended by the handler). */
  legalBasis: string;
  /** The handler's answer text. */
  answerText: string;
  answeredOn: string;
  releasedFileNames: string[];
}

/**
 * An organisation's letter template: paragraphs with placeholders {orgName} {trackingNo} {applicantName} {appliedOn}
 * {receivedOn} {informationTitle} {outcomeName} {legalBasis} {answerText} {answeredOn} {releasedFiles}
 * {reconsiderationBody} {court}; the remedies paragraph (60 days / 6 months) is part of the default.
 */
export interface LetterTemplate {
  orgId: string | null; // null: the platform default
  title: string;
  paragraphs: string[];
  reconsiderationBody: string; // 行政复议机关
  court: string; // 人民法院
  updatedAt: string | null;
}
