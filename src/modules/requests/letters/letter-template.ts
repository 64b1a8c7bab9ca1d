// The answer-letter template: its placeholders, the platform default, validation of an edited template and filling
// it with a case's LetterData. Pure: no database, no DOCX (letter-docx.ts draws the page).
import type { FieldError } from '../../../platform/errors.ts';
import type { LetterData, LetterTemplate } from './letter.types.ts';

/** Every placeholder a template may use, with what it stands for (shown as help in the admin page). */
export const letterPlaceholders = {
  orgName: '答复机关名称',
  trackingNo: '受理编号',
  applicantName: '申请人姓名或名称',
  appliedOn: '申请日期',
  receivedOn: '收到申请日期',
  informationTitle: '所申请信息的名称',
  outcomeName: '答复类型（年报表三的行名）',
  legalBasis: '法律依据',
  answerText: '答复内容（承办人填写）',
  answeredOn: '答复日期',
  releasedFiles: '提供的信息（文件名，以顿号分隔；无文件时含此占位符的段落不出现）',
  reconsiderationBody: '行政复议机关（模板中设置）',
  court: '人民法院（模板中设置）',
} as const;
export type LetterPlaceholder = keyof typeof letterPlaceholders;

const PLACEHOLDER = /\{([^{}]*)\}/g;
export const LETTER_LIMITS = { title: 50, paragraphs: 30, paragraph: 2000, body: 100 } as const;

/** The platform default: the structure Chinese answer letters use, with the remedies paragraph (条例第五十一条). */
export const defaultLetterTemplate: LetterTemplate = {
  orgId: null,
  title: '政府信息公开申请答复书',
  paragraphs: [
    '本机关于{receivedOn}收到您（单位）于{appliedOn}提出的政府信息公开申请（受理编号：{trackingNo}），申请获取“{informationTitle}”。',
    '经审查，现答复如下：{outcomeName}。',
    '{answerText}',
    '依据：{legalBasis}。',
    '随本答复书提供的信息：{releasedFiles}。',
    '如对本答复不服，可以自收到本答复书之日起六十日内向{reconsiderationBody}申请行政复议，也可以自收到本答复书之日起六个月内向{court}提起行政诉讼。',
  ],
  reconsiderationBody: '有管辖权的行政复议机关',
  court: '有管辖权的人民法院',
  updatedAt: null,
};

export type TemplateInput = Pick<LetterTemplate, 'title' | 'paragraphs' | 'reconsiderationBody' | 'court'>;

const problem = (path: string, zh: string, en: string): FieldError => ({ path, code: 'custom', params: { zh, en } });
const known = new Set(Object.keys(letterPlaceholders));
const available = Object.keys(letterPlaceholders)
  .map((k) => `{${k}}`)
  .join(' ');

/**
 * Checks an edited template and returns it trimmed, or the problems with field paths (`paragraphs.2`, …). Unknown
 * placeholders, unpaired braces and a missing remedies notice are refused with a Chinese message naming them.
 */
export function checkLetterTemplate(
  input: Partial<TemplateInput>,
): { ok: true; value: TemplateInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const title = text(input.title);
  if (!title || title.length > LETTER_LIMITS.title)
    errors.push(
      problem(
        'title',
        `请填写答复书标题（${LETTER_LIMITS.title} 字以内）`,
        `a title of at most ${LETTER_LIMITS.title} characters is required`,
      ),
    );
  const reconsiderationBody = text(input.reconsiderationBody);
  if (!reconsiderationBody || reconsiderationBody.length > LETTER_LIMITS.body)
    errors.push(
      problem(
        'reconsiderationBody',
        `请填写行政复议机关（${LETTER_LIMITS.body} 字以内），如“宜昌市人民政府”`,
        'name the administrative reconsideration body',
      ),
    );
  const court = text(input.court);
  if (!court || court.length > LETTER_LIMITS.body)
    errors.push(problem('court', `请填写人民法院（${LETTER_LIMITS.body} 字以内），如“宜昌市西陵区人民法院”`, 'name the court'));
  const paragraphs = Array.isArray(input.paragraphs) ? input.paragraphs.map(text).filter((p) => p !== '') : [];
  if (paragraphs.length === 0 || paragraphs.length > LETTER_LIMITS.paragraphs)
    errors.push(
      problem('paragraphs', `正文须有 1–${LETTER_LIMITS.paragraphs} 段`, `1–${LETTER_LIMITS.paragraphs} paragraphs are required`),
    );
  paragraphs.forEach((p, i) => {
    const path = `paragraphs.${i}`;
    const n = i + 1;
    if (p.length > LETTER_LIMITS.paragraph)
      errors.push(
        problem(
          path,
          `第 ${n} 段超过 ${LETTER_LIMITS.paragraph} 字`,
          `paragraph ${n} is longer than ${LETTER_LIMITS.paragraph} characters`,
        ),
      );
    const unknown = [...p.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
    if (unknown.length)
      errors.push(
        problem(
          path,
          `第 ${n} 段有未知的占位符 ${unknown.map((u) => `{${u}}`).join('、')}。可用的占位符：${available}`,
          `paragraph ${n} has unknown placeholders ${unknown.map((u) => `{${u}}`).join(', ')}; available: ${available}`,
        ),
      );
    else if (/[{}]/.test(p.replace(PLACEHOLDER, '')))
      errors.push(problem(path, `第 ${n} 段的花括号不成对：占位符应写成 {orgName} 这样的形式`, `paragraph ${n} has an unpaired brace`));
  });
  const all = paragraphs.join('\n');
  if (paragraphs.length && !(all.includes('{reconsiderationBody}') && all.includes('{court}')))
    errors.push(
      problem(
        'paragraphs',
        '答复书须告知救济途径：正文中须有包含 {reconsiderationBody}（六十日内申请行政复议）和 {court}（六个月内提起行政诉讼）的段落',
        'the letter must state the remedies: a paragraph with {reconsiderationBody} and {court} is required',
      ),
    );
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, paragraphs, reconsiderationBody, court } };
}

/** 2026-11-04 → 2026年11月4日, as letters write dates. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * The letter's paragraphs with every placeholder replaced. A paragraph that names {releasedFiles} is left out when no
 * file was released; an answer text with line breaks becomes several paragraphs.
 */
export function fillLetter(template: TemplateInput, data: LetterData): { title: string; paragraphs: string[] } {
  const values: Record<LetterPlaceholder, string> = {
    orgName: data.orgName,
    trackingNo: data.trackingNo,
    applicantName: data.applicantName,
    appliedOn: chineseDate(data.appliedOn),
    receivedOn: chineseDate(data.receivedOn),
    informationTitle: data.informationTitle,
    outcomeName: data.outcomeName,
    legalBasis: data.legalBasis.replace(/[。；;]+$/, ''),
    answerText: data.answerText,
    answeredOn: chineseDate(data.answeredOn),
    releasedFiles: data.releasedFileNames.join('、'),
    reconsiderationBody: template.reconsiderationBody,
    court: template.court,
  };
  const paragraphs = template.paragraphs
    .filter((p) => data.releasedFileNames.length > 0 || !p.includes('{releasedFiles}'))
    .filter((p) => values.legalBasis !== '' || !p.includes('{legalBasis}'))
    .flatMap((p) =>
      p.replace(PLACEHOLDER, (whole, name: string) => (known.has(name) ? values[name as LetterPlaceholder] : whole)).split(/\r?\n/),
    )
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { title: template.title, paragraphs };
}

/** Sample case data for previews and the sample download. */
export const sampleLetterData = (orgName: string): LetterData => ({
  orgName,
  trackingNo: 'YS-2026-000001',
  applicantName: '张三',
  appliedOn: '2026-03-02',
  receivedOn: '2026-03-02',
  informationTitle: '2026 年城区老旧小区改造项目清单',
  outcomeName: '予以公开',
  legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  answerText: '经查，您申请获取的信息属于可以公开的政府信息，现予以提供，详见附件。',
  answeredOn: '2026-03-20',
  releasedFileNames: ['2026年城区老旧小区改造项目清单.pdf'],
});
