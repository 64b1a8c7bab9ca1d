// The letter as the preview shows it: the template filled with sample data, following the server's rules
// (src/modules/requests/letters/letter-template.ts: dates in Chinese, no files paragraph without files). The DOCX
// the server draws is what applicants get; this is for editing.
import type { LetterTemplateInput } from './api';

const SAMPLE = {
  trackingNo: 'YS-2026-000001',
  applicantName: '张三',
  appliedOn: '2026年3月2日',
  receivedOn: '2026年3月2日',
  informationTitle: '2026 年城区老旧小区改造项目清单',
  outcomeName: '予以公开',
  legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  answerText: '经查，您申请获取的信息属于可以公开的政府信息，现予以提供，详见附件。',
  answeredOn: '2026年3月20日',
  releasedFiles: '2026年城区老旧小区改造项目清单.pdf',
};

export function previewLetter(draft: Partial<LetterTemplateInput>, orgName: string) {
  const values: Record<string, string> = {
    ...SAMPLE,
    orgName,
    reconsiderationBody: draft.reconsiderationBody ?? '',
    court: draft.court ?? '',
  };
  const paragraphs = (draft.paragraphs ?? [])
    .filter((p): p is string => typeof p === 'string')
    .flatMap((p) => p.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole).split(/\r?\n/))
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    title: draft.title ?? '',
    number: `〔2026〕${SAMPLE.trackingNo}号`,
    addressee: `${SAMPLE.applicantName}：`,
    paragraphs,
    orgName,
    date: SAMPLE.answeredOn,
  };
}
