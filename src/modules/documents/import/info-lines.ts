// The header lines of laws and regulations (lawrefbook `info`, or the lines before <!-- INFO END -->):
// "2002年7月27日 中华人民共和国国务院令第356号公布", "…常务委员会第二十五次会议通过", "2003年10月1日 施行".
// One line may hold several events ("…通过2021年7月30日河南省…批准").
import { extractDocNumbers } from '../../../platform/text/doc-number.ts';
import { findChineseDates } from './dates.ts';
import { organFromEvent } from './organs.ts';

export type InfoEventType = 'adopted' | 'approved' | 'promulgated' | 'amended' | 'effective' | 'other';

export interface InfoEvent {
  date: string;
  type: InfoEventType;
  text: string;
}

export interface InfoMetadata {
  writtenOn: string | null;
  effectiveOn: string | null;
  issuer: string | null;
  docNo: string | null;
}

function eventType(text: string): InfoEventType {
  if (/公布|发布/.test(text)) return 'promulgated';
  if (/修正|修订|修改/.test(text)) return 'amended';
  if (/批准/.test(text)) return 'approved';
  if (/通过/.test(text)) return 'adopted';
  if (/施行|生效/.test(text)) return 'effective';
  return 'other';
}

/** The dated events of a law's header lines, in order. */
export function parseInfoLines(lines: string[]): InfoEvent[] {
  const events: InfoEvent[] = [];
  for (const line of lines) {
    const dates = findChineseDates(line);
    dates.forEach((d, i) => {
      const end = dates[i + 1]?.index ?? line.length;
      const text = line.slice(d.index + d.raw.length, end).replace(/^[\s\u3000）)]+|[\s\u3000（(]+$/gu, '');
      events.push({ date: d.date, type: eventType(text), text });
    });
  }
  return events;
}

/**
 * 成文日期 = the latest date that is not an entry-into-force date (the version's adoption, promulgation or
 * amendment); 实施日期 = the latest 施行 date; the issuer from the promulgation line, else the first adoption;
 * the order number (国务院令第374号) from the latest line that has one.
 */
export function metadataFromInfo(lines: string[]): InfoMetadata {
  const events = parseInfoLines(lines);
  const dated = events.filter((e) => e.type !== 'effective');
  const latest = (list: InfoEvent[]) => list.reduce<string | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
  const effective = events.filter((e) => e.type === 'effective' || /施行|生效/.test(e.text)); // 公布施行 counts too
  const byPreference = [
    ...events.filter((e) => e.type === 'promulgated'),
    ...events.filter((e) => e.type === 'adopted'),
    ...events.filter((e) => e.type !== 'promulgated' && e.type !== 'adopted'),
  ];
  let issuer: string | null = null;
  for (const e of byPreference) if (!issuer) issuer = organFromEvent(e.text);
  // Undated lines: "最高人民法院发布", or a 发文字号 on a line of its own.
  const undated = lines.map((l) => l.trim()).filter((l) => l && findChineseDates(l).length === 0);
  for (const line of undated) if (!issuer && /(?:发布|公布|通过)$/.test(line)) issuer = organFromEvent(line);
  let docNo: string | null = null;
  for (const e of events) {
    const order = extractDocNumbers(e.text).find((m) => m.kind === 'order');
    if (order) docNo = order.normalised;
  }
  for (const line of undated) {
    const [only] = extractDocNumbers(line);
    if (!docNo && only && only.raw.length === line.length) docNo = only.normalised;
  }
  const writtenOn = latest(dated);
  const effectiveOn = latest(effective);
  // A 施行 date older than the latest amendment belongs to an earlier version.
  return { writtenOn, effectiveOn: effectiveOn && writtenOn && effectiveOn < writtenOn ? null : effectiveOn, issuer, docNo };
}
