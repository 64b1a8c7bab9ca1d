// Draws the answer letter (政府信息公开申请答复书) as DOCX with the `docx` package: A4 with the margins of GB/T 9704,
// 黑体 title, 仿宋 三号 body on a fixed 28-point line, paragraphs indented two characters, the organisation and the
// date at the right. Word and WPS substitute the fonts where they are missing.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import type { LetterData } from './letter.types.ts';
import { chineseDate, fillLetter, type TemplateInput } from './letter-template.ts';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: '仿宋' };
const TITLE_FONT = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体', cs: '黑体' };
const BODY_SIZE = 32; // half-points: 三号 = 16 pt
const TITLE_SIZE = 44; // 二号 = 22 pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const CHAR = 320; // one 三号 character in twips (16 pt)

const run = (text: string) => new TextRun({ text, font: BODY_FONT, size: BODY_SIZE });
const body = (text: string, indent = true) =>
  new Paragraph({
    children: [run(text)],
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: indent ? { firstLine: 2 * CHAR } : undefined,
  });
const blank = () => new Paragraph({ children: [run('')], spacing: LINE });

export async function renderLetterDocx(template: TemplateInput, data: LetterData): Promise<Uint8Array> {
  const { title, paragraphs } = fillLetter(template, data);
  const year = (data.answeredOn || data.receivedOn).slice(0, 4);
  const doc = new Document({
    creator: data.orgName || 'Gongkai',
    title,
    description: `${title}（${data.trackingNo}）`,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: [
          new Paragraph({
            children: [new TextRun({ text: title, font: TITLE_FONT, size: TITLE_SIZE })],
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
          }),
          // The 文号-style line carries the tracking number, which the applicant quotes in any follow-up.
          new Paragraph({ children: [run(`〔${year}〕${data.trackingNo}号`)], alignment: AlignmentType.CENTER, spacing: LINE }),
          blank(),
          body(`${data.applicantName}：`, false),
          ...paragraphs.map((p) => body(p)),
          blank(),
          blank(),
          new Paragraph({ children: [run(data.orgName)], alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 4 * CHAR } }),
          new Paragraph({
            children: [run(chineseDate(data.answeredOn))],
            alignment: AlignmentType.RIGHT,
            spacing: LINE,
            indent: { right: 4 * CHAR },
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
