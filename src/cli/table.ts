// Plain-text tables for the terminal. Chinese characters take two columns, so widths count them twice.

const wide = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  (cp >= 0x20000 && cp <= 0x3fffd);

/** The number of terminal columns a string occupies. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += wide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
};

export type Column = { title: string; align?: 'left' | 'right' };

/** Renders rows under a header line and a rule, columns separated by two spaces; ends with a newline. */
export function renderTable(columns: (string | Column)[], rows: (string | number)[][]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c, align: 'left' as const } : { align: 'left' as const, ...c }));
  const cells = rows.map((r) => r.map((v) => String(v ?? '').replace(/\s*\n\s*/g, ' ')));
  const widths = cols.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i]!, cols[i]!.align))
      .join('  ')
      .trimEnd();
  return [line(cols.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** Human-readable byte counts: 1.5 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
