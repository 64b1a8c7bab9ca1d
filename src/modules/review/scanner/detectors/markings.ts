// Confidentiality markings (domain.md §8.8): 绝密/机密/秘密 with ★ and period anywhere; 工作秘密, 内部资料 and 内部 only
// where they stand as a marking (a short line of their own or in brackets at the start of a line), because laws
// and reports mention 国家秘密 and 工作秘密 in running text all the time. Only lines containing a candidate word are
// examined, so long texts are not run through the line patterns character by character.
import type { Detector } from './hit.ts';

const CANDIDATE = /[绝机秘]密|内部/g;
const STAR = /(绝密|机密|秘密)\s*[★☆＊*]\s*(?:\d+\s*年|长期|[一二三四五六七八九十]+年)?/g;
const LEVEL_LINE = /^[ \t\u3000]*(绝密|机密|秘密)(?:\s*(?:\d+\s*年|长期))?[ \t\u3000]*$/;
const WORK_LINE = /^[ \t\u3000]*[【〔（([]?(工作秘密|内部资料|内部文件|内部)[】〕）)\]]?(?:[ \t\u3000]*(?:注意保存|请勿外传|严禁外传|不得外传))?[ \t\u3000]*$/;
const WORK_BRACKET = /^[ \t\u3000]*[【〔（([](工作秘密|内部资料|内部)[】〕）)\]]/;

export const detectSecretMarkings: Detector = (text, _ctx, out) => {
  const add = (start: number, match: string, level: string, ruleId: string) => {
    const trimmed = match.trim();
    const s = start + match.indexOf(trimmed);
    out.push({
      category: 'secret_marking',
      severity: 'block',
      start: s,
      end: s + trimmed.length,
      text: trimmed,
      ruleId,
      message: {
        zh: `密级或内部标志“${trimmed}”：须经保密审查，不得公开`,
        en: `Confidentiality marking "${trimmed}" (${level}): must go to secrecy review and may not be published`,
      },
    });
  };
  CANDIDATE.lastIndex = 0;
  let lineEnd = -1;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m.index < lineEnd) continue; // this line was examined already
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    CANDIDATE.lastIndex = lineEnd;
    let found = false;
    STAR.lastIndex = 0;
    for (let s = STAR.exec(line); s; s = STAR.exec(line)) {
      add(lineStart + s.index, s[0], s[1]!, 'secret.star');
      found = true;
    }
    if (found || line.length > 40) continue; // a marking line is short
    let w: RegExpExecArray | null;
    if ((w = LEVEL_LINE.exec(line))) add(lineStart, w[0], w[1]!, 'secret.level_line');
    else if ((w = WORK_LINE.exec(line))) add(lineStart, w[0], w[1]!, 'secret.internal_line');
    else if ((w = WORK_BRACKET.exec(line))) add(lineStart, w[0], w[1]!, 'secret.internal_bracket');
  }
};
