// 体裁分类 (genre). The 公文 kinds are the 15 of 《党政机关公文处理工作条例》(2012) as domain.md §5.4 lists
// them — tagged [U] there ("not re-read"). Portals add non-公文 genres (domain.md names 其他, 规划, 统计数据,
// 解读 [S]); the rest below are common portal practice, not from a source, and tagged [U]. Seed data:
// sites may add, hide or rename genres.

/** C: confirmed, S: seen in secondary sources, U: unconfirmed (see domain.md, "Confidence tags"). */
export type Confidence = 'C' | 'S' | 'U';

export interface Genre {
  code: string;
  name: string;
  /** A 公文文种 (official document kind) or a portal genre. */
  official: boolean;
  confidence: Confidence;
  /** Other names seen in imported metadata. */
  aliases?: readonly string[];
}

export const GENRES: readonly Genre[] = [
  { code: 'resolution', name: '决议', official: true, confidence: 'U' },
  { code: 'decision', name: '决定', official: true, confidence: 'U' },
  { code: 'order', name: '命令（令）', official: true, confidence: 'U', aliases: ['命令', '令'] },
  { code: 'communique', name: '公报', official: true, confidence: 'U' },
  { code: 'announcement', name: '公告', official: true, confidence: 'U' },
  { code: 'public_notice', name: '通告', official: true, confidence: 'U' },
  { code: 'opinion', name: '意见', official: true, confidence: 'U' },
  { code: 'notice', name: '通知', official: true, confidence: 'U' },
  { code: 'circular', name: '通报', official: true, confidence: 'U' },
  { code: 'report', name: '报告', official: true, confidence: 'U' },
  { code: 'request', name: '请示', official: true, confidence: 'U' },
  { code: 'reply', name: '批复', official: true, confidence: 'U' },
  { code: 'motion', name: '议案', official: true, confidence: 'U' },
  { code: 'letter', name: '函', official: true, confidence: 'U' },
  { code: 'minutes', name: '纪要', official: true, confidence: 'U', aliases: ['会议纪要'] },
  { code: 'interpretation', name: '政策解读', official: false, confidence: 'S', aliases: ['解读', '文字解读'] },
  { code: 'graphic_interpretation', name: '图片解读', official: false, confidence: 'U', aliases: ['图解', '图文解读'] },
  { code: 'video_interpretation', name: '视频解读', official: false, confidence: 'U' },
  { code: 'press_release', name: '新闻发布', official: false, confidence: 'U', aliases: ['新闻发布会'] },
  { code: 'work_news', name: '工作动态', official: false, confidence: 'U' },
  { code: 'plan', name: '规划', official: false, confidence: 'S', aliases: ['计划'] },
  { code: 'statistics', name: '统计数据', official: false, confidence: 'S', aliases: ['统计信息'] },
  { code: 'public_announcement', name: '公示', official: false, confidence: 'U' },
  { code: 'other', name: '其他', official: false, confidence: 'S' },
];

/** The 15 公文文种. */
export const OFFICIAL_GENRES: readonly Genre[] = GENRES.filter((g) => g.official);

/** Finds a genre by code, name or alias. */
export function findGenre(codeOrName: string): Genre | undefined {
  const key = codeOrName.trim();
  return GENRES.find((g) => g.code === key || g.name === key || g.aliases?.includes(key));
}

/**
 * Guesses the 公文 kind from a title ending in a kind: "…的通知" → 通知. Checks longer names first, so 通告
 * does not match as 告. Returns undefined when no official kind ends the title.
 */
export function genreFromTitle(title: string): Genre | undefined {
  const t = title.trim().replace(/[。.\s]+$/, '');
  const names = OFFICIAL_GENRES.flatMap((g) => [g.name, ...(g.aliases ?? [])].map((n) => [n, g] as const)).sort((a, b) => b[0].length - a[0].length);
  return names.find(([n]) => n !== '令' && t.endsWith(n))?.[1];
}
