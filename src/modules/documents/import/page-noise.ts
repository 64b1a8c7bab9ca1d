// Web captures of government documents carry page furniture: a column/publication-time line and a summary
// that repeats the first paragraph at the top; QR-code hints, source URLs and copyright lines at the bottom.
// Portals also print a metadata table (发文字号：…  成文日期：…). This module separates those from the text.

export type LabelledFields = Partial<Record<'title' | 'docNo' | 'writtenOn' | 'publishedOn' | 'issuer' | 'indexNo', string>>;

const LABELS: Record<string, keyof LabelledFields | null> = {
  标题: 'title',
  名称: 'title',
  信息名称: 'title',
  文件名称: 'title',
  发文字号: 'docNo',
  文号: 'docNo',
  成文日期: 'writtenOn',
  发布日期: 'publishedOn',
  发布时间: 'publishedOn',
  公开日期: 'publishedOn',
  发布机构: 'issuer',
  发文机关: 'issuer',
  发文单位: 'issuer',
  索引号: 'indexNo',
  主题分类: null,
  体裁分类: null,
  组配分类: null,
  栏目: null,
  来源: null,
  信息来源: null,
  有效性: null,
  公开方式: null,
  实施日期: null,
  生效日期: null,
  废止日期: null,
  关键词: null,
  主题词: null,
  浏览次数: null,
  访问量: null,
  作者: null,
  责任编辑: null,
};
const LABEL_ALT = Object.keys(LABELS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const PAIR = new RegExp(`(${LABEL_ALT})\\s*[:：]\\s*(.*?)\\s*(?=(?:${LABEL_ALT})\\s*[:：]|$)`, 'gu');
const WHOLE_LINE = new RegExp(`^\\s*(?:${LABEL_ALT})\\s*[:：]`, 'u');

// Page furniture after the text. Weak markers count only on a short line that is not a sentence.
const TAIL_NOISE =
  /^(?:https?:\/\/\S+|.*(?:二维码|收集整理|相关权利归属|版权所有|ICP备|公网安备|网站标识码).*|(?:[【[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|分享到|分享|收藏)\s*[】\]]?\s*)+|.{0,4}(?:上一篇|下一篇)[:：].*)$/u;
const WEAK_TAIL_NOISE = /主办单位|承办单位|技术支持|网站地图|联系我们/;
const isTailNoise = (text: string) =>
  text === '' || TAIL_NOISE.test(text) || (text.length <= 60 && !/[。；]$/.test(text) && WEAK_TAIL_NOISE.test(text));
const HEAD_NOISE =
  /^(?:首页|当前位置|您现在的位置|您的位置|位置)[:：>\s].*|^.*>\s*(?:正文|详情|政策文件)\s*$|^[【[]?\s*(?:字体|字号)[:：]?\s*[【[]?\s*大\s*中\s*小\s*[】\]]*$/u;

/** Label-value pairs on one line ("发文字号：宜府办发〔2023〕5号 成文日期：2023-04-17") or in tab-separated cells. */
export function labelledFields(line: string): LabelledFields {
  const found: LabelledFields = {};
  const set = (label: string, value: string) => {
    const key = LABELS[label];
    if (key && value.trim() && !found[key]) found[key] = value.trim();
  };
  for (const m of line.matchAll(PAIR)) set(m[1]!, m[2]!);
  const cells = line.split('\t').map((c) => c.trim());
  cells.forEach((cell, i) => {
    if (cell in LABELS && cells[i + 1]) set(cell, cells[i + 1]!);
  });
  return found;
}

/** True when the whole line is metadata labels and values. */
export function isMetadataLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (WHOLE_LINE.test(text)) return true;
  const cells = text.split('\t').map((c) => c.trim());
  return cells.length >= 2 && cells.every((cell, i) => cell in LABELS || (i > 0 && cells[i - 1]! in LABELS));
}

const compact = (s: string) => s.replace(/[\s\d０-９]/g, '');

/** Removes page furniture; returns the kept lines and the metadata fields found in the head. */
export function stripPageNoise(lines: string[], headSize = 15): { lines: string[]; fields: LabelledFields } {
  const fields: LabelledFields = {};
  let end = lines.length;
  while (end > 0 && isTailNoise(lines[end - 1]!.trim())) end--;
  const kept: string[] = [];
  const rest = compact(lines.slice(0, end).join(''));
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const text = line.trim();
    if (i < headSize && text) {
      if (isMetadataLine(text)) {
        for (const [k, v] of Object.entries(labelledFields(text))) fields[k as keyof LabelledFields] ??= v;
        continue;
      }
      if (HEAD_NOISE.test(text)) continue;
      // A long listing summary that repeats the opening of the text (digits stripped by the portal).
      const probe = compact(text).slice(0, 30);
      if (text.length >= 60 && probe.length >= 30 && rest.indexOf(probe) !== rest.lastIndexOf(probe)) {
        const firstAt = compact(lines.slice(0, i).join('')).length;
        if (rest.indexOf(probe) === firstAt) continue;
      }
    }
    kept.push(line);
  }
  return { lines: kept, fields };
}
