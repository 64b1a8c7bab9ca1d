// commander's own parse errors (unknown command, missing option, invalid value …) are English: they are shown in
// Chinese, like the rest of the CLI, with the English original kept in brackets for searching. The patterns follow
// commander 13's messages; one it does not know passes through unchanged.

type Rule = [pattern: RegExp, chinese: (...groups: string[]) => string];

const rules: Rule[] = [
  [/^error: unknown command '(.+)'$/, (c) => `错误：没有 ${c} 这个命令`],
  [/^error: unknown option '(.+)'$/, (o) => `错误：没有 ${o} 这个选项`],
  [/^error: required option '(.+)' not specified$/, (o) => `错误：缺少必填的选项 ${o}`],
  [/^error: option '(.+)' argument missing$/, (o) => `错误：选项 ${o} 后面缺少取值`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)$/, (o, v, why) => `错误：选项 ${o} 的取值“${v}”无效${why ? `：${why}` : ''}`],
  [/^error: missing required argument '(.+)'$/, (a) => `错误：缺少参数 ${a}`],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/,
    (v, a, why) => `错误：参数 ${a} 的取值“${v}”无效${why ? `：${why}` : ''}`,
  ],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, n, got) => `错误：${c ? `${c} ` : ''}只需要 ${n} 个参数，收到 ${got} 个`,
  ],
  [/^\(Did you mean one of (.+)\?\)$/, (list) => `（是不是要用 ${list.split(', ').join('、')}？）`],
  [/^\(Did you mean (.+)\?\)$/, (s) => `（是不是要用 ${s}？）`],
];

/** A commander error message in Chinese, line by line (a suggestion is a line of its own). */
export function chineseParseError(message: string): string {
  return message
    .split('\n')
    .map((line) => {
      for (const [pattern, chinese] of rules) {
        const m = pattern.exec(line);
        if (!m) continue;
        // The English without the reason that follows "is invalid." (ours, already Chinese).
        const english = line.startsWith('error: ') ? `（${line.slice('error: '.length).replace(/ is invalid\. .*$/, ' is invalid')}）` : '';
        return `${chinese(...m.slice(1).map((g) => g ?? ''))}${english}`;
      }
      return line;
    })
    .join('\n');
}
