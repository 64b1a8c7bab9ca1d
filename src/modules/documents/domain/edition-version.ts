// Version numbers (major.minor) and the public 更新记录, following Whitehall (peers.md Part 2): the first
// edition is 1.0; a minor change adds to the minor number; a major change starts the next major number and
// needs a change note (edition-lifecycle checks that on submit). Only published major changes are public.

export interface Version {
  major: number;
  minor: number;
}

/** The version of a new edition following `previous` (the last published one; null for the first). */
export function nextVersion(previous: Version | null, changeType: 'major' | 'minor'): Version {
  if (!previous) return { major: 1, minor: 0 };
  return changeType === 'major' ? { major: previous.major + 1, minor: 0 } : { major: previous.major, minor: previous.minor + 1 };
}

export const formatVersion = (v: Version) => `${v.major}.${v.minor}`;

export interface PublishedEditionSummary {
  version: Version;
  changeType: 'major' | 'minor';
  changeNote?: string | null;
  /** ISO instant of publication. */
  publishedAt: string;
}

export interface ChangeHistoryEntry {
  version: string;
  publishedAt: string;
  note: string;
}

/**
 * 更新记录 for the public page, newest first: the first publication (首次发布) and every major change with
 * its note. Minor changes (typos, formatting) are left out.
 */
export function changeHistory(editions: readonly PublishedEditionSummary[]): ChangeHistoryEntry[] {
  const sorted = [...editions].sort((a, b) => a.version.major - b.version.major || a.version.minor - b.version.minor);
  return sorted
    .filter((e, i) => i === 0 || e.changeType === 'major')
    .map((e, i) => ({ version: formatVersion(e.version), publishedAt: e.publishedAt, note: i === 0 ? '首次发布' : (e.changeNote ?? '').trim() }))
    .reverse();
}
