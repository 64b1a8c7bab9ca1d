// Status of a normative document (行政规范性文件 / 规章) on any date, from its own dates and from the effects
// later documents record on it — the legislation.gov.uk effects model (peers.md Part 2): an effect has a
// type, the affecting document, optionally an article, the date it is in force, and whether it has been
// applied. Pure: the same inputs give the same answer for every `asOf` (point-in-time view).
//
// Precedence (first that holds wins):
//   1. 已废止  repealedOn ≤ asOf, or an applied whole-document `repeals`/`replaces` effect in force by asOf
//   2. 尚未施行 asOf < effectiveFrom
//   3. 已失效  expiresOn < asOf (有效期至 is the last valid day), or an applied whole-document `expires` effect in
//             force by asOf (a clean-up campaign declaring it 失效), whichever is earlier
//   4. 暂停执行 an applied whole-document `suspends` effect in force on asOf (until its `until` date, inclusive)
//   5. 已修改  an applied `amends` effect in force by asOf, or any applied effect on a single article
//   6. 有效
// Unapplied effects never count; they are listed in `pending`. Applied effects in force after asOf are in
// `prospective`.
import { addDays, assertIsoDate, formatEnDate, formatZhDate } from './dates.ts';

export const normativeStatuses = ['not_yet_in_force', 'in_force', 'amended', 'suspended', 'expired', 'repealed'] as const;
export type NormativeStatus = (typeof normativeStatuses)[number];

export const normativeStatusNames: Record<NormativeStatus, { zh: string; en: string }> = {
  not_yet_in_force: { zh: '尚未施行', en: 'Not yet in force' },
  in_force: { zh: '有效', en: 'In force' },
  amended: { zh: '已修改', en: 'Amended' },
  suspended: { zh: '暂停执行', en: 'Suspended' },
  expired: { zh: '已失效', en: 'Expired' },
  repealed: { zh: '已废止', en: 'Repealed' },
};

export const effectTypes = ['amends', 'repeals', 'replaces', 'suspends', 'expires'] as const;
export type EffectType = (typeof effectTypes)[number];

export interface NormativeDates {
  /** 实施日期 */
  effectiveFrom: string;
  /** 有效期至: the last day the document is valid. */
  expiresOn?: string | null;
  /** 废止日期 recorded on the document itself (without an affecting document). */
  repealedOn?: string | null;
}

export interface DocumentEffect {
  id?: string;
  type: EffectType;
  affectingDocumentId: string;
  /** For the banner: 《title》 and 发文字号 of the affecting document. */
  affectingTitle?: string | null;
  affectingDocNo?: string | null;
  /** e.g. 第三条; absent for the whole document. */
  affectedArticle?: string | null;
  inForceOn: string;
  /** `suspends` only: last day of the suspension; open-ended when absent. */
  until?: string | null;
  applied: boolean;
}

export type StatusReason =
  | { kind: 'effect'; effect: DocumentEffect }
  | { kind: 'date'; field: 'effectiveFrom' | 'expiresOn' | 'repealedOn'; date: string };

export interface Notice {
  zh: string;
  en: string;
}

export interface NormativeStatusResult {
  asOf: string;
  status: NormativeStatus;
  /** The first day of the current status; null while not yet in force. */
  since: string | null;
  because: StatusReason;
  /** Applied amendments (and article-level effects) in force on asOf, oldest first. */
  amendments: DocumentEffect[];
  /** Recorded but not yet applied effects: shown openly, never counted. */
  pending: DocumentEffect[];
  /** Applied effects that come into force after asOf. */
  prospective: DocumentEffect[];
  /** The banner for the original page; null while simply in force. */
  notice: Notice | null;
  /** "N changes not yet applied" line, when there are pending effects. */
  pendingNotice: Notice | null;
}

const byDate = (a: DocumentEffect, b: DocumentEffect) => (a.inForceOn < b.inForceOn ? -1 : a.inForceOn > b.inForceOn ? 1 : 0);
const wholeDocument = (e: DocumentEffect) => !e.affectedArticle || e.affectedArticle.trim() === '';

/** Status of a normative document on `asOf` (YYYY-MM-DD). Throws a TypeError on malformed dates. */
export function normativeStatus(dates: NormativeDates, effects: readonly DocumentEffect[], asOf: string): NormativeStatusResult {
  assertIsoDate(asOf, 'asOf');
  assertIsoDate(dates.effectiveFrom, 'effectiveFrom');
  if (dates.expiresOn != null) assertIsoDate(dates.expiresOn, 'expiresOn');
  if (dates.repealedOn != null) assertIsoDate(dates.repealedOn, 'repealedOn');
  for (const e of effects) {
    assertIsoDate(e.inForceOn, 'effect.inForceOn');
    if (e.until != null) assertIsoDate(e.until, 'effect.until');
    if (!(effectTypes as readonly string[]).includes(e.type)) throw new TypeError(`unknown effect type ${e.type}`);
  }
  const sorted = [...effects].sort(byDate);
  const pending = sorted.filter((e) => !e.applied);
  const inForce = sorted.filter((e) => e.applied && e.inForceOn <= asOf);
  const prospective = sorted.filter((e) => e.applied && e.inForceOn > asOf);
  const amendments = inForce.filter((e) => e.type === 'amends' || !wholeDocument(e));
  const base = { asOf, amendments, pending, prospective, pendingNotice: pendingNoticeFor(pending) };
  const done = (status: NormativeStatus, since: string | null, because: StatusReason): NormativeStatusResult => ({
    ...base,
    status,
    since,
    because,
    notice: noticeFor(status, because, dates, amendments, since),
  });

  // 1. repeal: the earliest of the document's own date and whole-document repeals/replacements in force
  const repeal = inForce.find((e) => (e.type === 'repeals' || e.type === 'replaces') && wholeDocument(e));
  const own = dates.repealedOn != null && dates.repealedOn <= asOf ? dates.repealedOn : null;
  if (repeal && (own == null || repeal.inForceOn <= own)) return done('repealed', repeal.inForceOn, { kind: 'effect', effect: repeal });
  if (own) return done('repealed', own, { kind: 'date', field: 'repealedOn', date: own });
  // 2. not yet in force
  if (asOf < dates.effectiveFrom) return done('not_yet_in_force', null, { kind: 'date', field: 'effectiveFrom', date: dates.effectiveFrom });
  // 3. expiry: by its own 有效期至, or declared 失效 by a later document; the earlier one counts
  const declared = inForce.find((e) => e.type === 'expires' && wholeDocument(e));
  const lapsed = dates.expiresOn != null && dates.expiresOn < asOf ? addDays(dates.expiresOn, 1) : null;
  if (declared && (lapsed == null || declared.inForceOn < lapsed)) return done('expired', maxDate(declared.inForceOn, dates.effectiveFrom), { kind: 'effect', effect: declared });
  if (lapsed) return done('expired', lapsed, { kind: 'date', field: 'expiresOn', date: dates.expiresOn! });
  // 4. suspension (the latest one in force wins)
  const suspension = inForce.filter((e) => e.type === 'suspends' && wholeDocument(e) && (e.until == null || asOf <= e.until)).at(-1);
  if (suspension) return done('suspended', maxDate(suspension.inForceOn, dates.effectiveFrom), { kind: 'effect', effect: suspension });
  // 5. amendment
  const first = amendments[0];
  if (first) return done('amended', maxDate(first.inForceOn, dates.effectiveFrom), { kind: 'effect', effect: first });
  return done('in_force', dates.effectiveFrom, { kind: 'date', field: 'effectiveFrom', date: dates.effectiveFrom });
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

function byDoc(e: DocumentEffect): Notice {
  if (!e.affectingTitle) return { zh: '其他文件', en: 'another document' };
  const no = e.affectingDocNo ? `（${e.affectingDocNo}）` : '';
  const noEn = e.affectingDocNo ? ` (${e.affectingDocNo})` : '';
  return { zh: `《${e.affectingTitle}》${no}`, en: `“${e.affectingTitle}”${noEn}` };
}

const ACTION: Record<EffectType, Notice> = {
  amends: { zh: '修改', en: 'amended' },
  repeals: { zh: '废止', en: 'repealed' },
  replaces: { zh: '替代', en: 'replaced' },
  suspends: { zh: '暂停执行', en: 'suspended' },
  expires: { zh: '宣布失效', en: 'declared expired' },
};

function noticeFor(
  status: NormativeStatus,
  because: StatusReason,
  dates: NormativeDates,
  amendments: DocumentEffect[],
  since: string | null,
): Notice | null {
  const zhDate = (d: string) => formatZhDate(d);
  const enDate = (d: string) => formatEnDate(d);
  switch (status) {
    case 'in_force':
      return null;
    case 'not_yet_in_force':
      return { zh: `本文件自${zhDate(dates.effectiveFrom)}起施行，目前尚未施行。`, en: `This document comes into force on ${enDate(dates.effectiveFrom)}.` };
    case 'expired':
      if (because.kind === 'effect') {
        const doc = byDoc(because.effect);
        return { zh: `本文件已于${zhDate(since!)}被${doc.zh}宣布失效。`, en: `This document was declared expired by ${doc.en} on ${enDate(since!)}.` };
      }
      return {
        zh: `本文件有效期至${zhDate(dates.expiresOn!)}，已于${zhDate(since!)}失效。`,
        en: `This document was valid until ${enDate(dates.expiresOn!)} and expired on ${enDate(since!)}.`,
      };
    case 'repealed': {
      if (because.kind === 'date') return { zh: `本文件已于${zhDate(since!)}废止。`, en: `This document was repealed on ${enDate(since!)}.` };
      const e = because.effect;
      const doc = byDoc(e);
      return e.type === 'replaces'
        ? { zh: `本文件已于${zhDate(since!)}被${doc.zh}替代，同时废止。`, en: `This document was replaced by ${doc.en} and repealed on ${enDate(since!)}.` }
        : { zh: `本文件已于${zhDate(since!)}被${doc.zh}废止。`, en: `This document was repealed by ${doc.en} on ${enDate(since!)}.` };
    }
    case 'suspended': {
      const e = (because as { effect: DocumentEffect }).effect;
      const doc = byDoc(e);
      const untilZh = e.until ? `至${zhDate(e.until)}` : '';
      const untilEn = e.until ? ` until ${enDate(e.until)}` : '';
      return { zh: `根据${doc.zh}，本文件自${zhDate(since!)}起暂停执行${untilZh}。`, en: `Under ${doc.en}, this document is suspended from ${enDate(since!)}${untilEn}.` };
    }
    case 'amended': {
      const zh = amendments.map((e) => {
        const part = wholeDocument(e) ? '本文件' : `本文件${e.affectedArticle}`;
        return `${part}已于${zhDate(e.inForceOn)}被${byDoc(e).zh}${ACTION[e.type].zh}。`;
      });
      const en = amendments.map((e) => {
        const part = wholeDocument(e) ? 'This document' : `${e.affectedArticle} of this document`;
        return `${part} was ${ACTION[e.type].en} by ${byDoc(e).en} on ${enDate(e.inForceOn)}.`;
      });
      return { zh: zh.join(''), en: en.join(' ') };
    }
  }
}

function pendingNoticeFor(pending: DocumentEffect[]): Notice | null {
  if (pending.length === 0) return null;
  return {
    zh: `另有${pending.length}项其他文件作出的修改、废止等变更尚未并入本页。`,
    en: `${pending.length} change${pending.length > 1 ? 's' : ''} made by other documents ${pending.length > 1 ? 'have' : 'has'} not yet been applied to this page.`,
  };
}

/**
 * The first day after `asOf` on which the status may change by the calendar alone: 实施日期, the day after 有效期至,
 * 废止日期, an applied effect coming into force, the day after a suspension ends. Null when nothing is due. A stored
 * status needs recomputing on that day (the daily maintenance task selects by it).
 */
export function nextStatusChange(dates: NormativeDates, effects: readonly DocumentEffect[], asOf: string): string | null {
  const candidates = [dates.effectiveFrom, dates.expiresOn ? addDays(dates.expiresOn, 1) : null, dates.repealedOn ?? null];
  for (const e of effects) {
    if (!e.applied) continue;
    candidates.push(e.inForceOn);
    if (e.until) candidates.push(addDays(e.until, 1));
  }
  const later = candidates.filter((d): d is string => d != null && d > asOf).sort();
  return later[0] ?? null;
}
