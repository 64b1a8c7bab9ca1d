// Intake rules (pure): identity checks, the Art. 31 receipt-date rule per channel, tracking numbers and codes, and
// the normalised key that groups requests for the same information (Art. 44).
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Channel } from './model.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** 18-digit resident ID (GB 11643-1999, domain.md §8.1): address code, a real birth date, the MOD 11-2 check. */
export function isValidResidentId(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const t = Date.parse(`${birth}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== birth || id.slice(6, 10) < '1900') return false;
  const sum = [...id.slice(0, 17)].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** Hash of the normalised ID number: lets the fee count one applicant's requests without reading the number. */
export const idHash = (idNumber: string): string => createHash('sha256').update(`gongkai-applicant:${idNumber.trim().toUpperCase()}`).digest('hex');

/** The last 4 characters only, for places that must refer to the applicant without identifying them. */
export const maskId = (idNumber: string): string => `${'*'.repeat(Math.max(0, idNumber.length - 4))}${idNumber.slice(-4)}`;

/**
 * Art. 31: the receipt date per channel. Online applications are confirmed by the system the moment they are
 * submitted, so the submission day (Beijing) counts; for offline channels staff enter the date the rule names and it
 * must lie between the application date and today.
 */
export const receiptRules: Record<Channel, string> = {
  online: '网上提交当日（系统即时确认）为收到申请之日',
  in_person: '当面提交的，以提交之日为收到申请之日',
  post_signed: '以邮寄方式提交的，以行政机关签收之日为收到申请之日',
  letter: '以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日（当日确认）',
  fax: '通过传真提交的，以双方确认之日为收到申请之日',
  email: '通过电子邮件等互联网渠道提交的，以双方确认之日为收到申请之日',
};

/** Fills {YYYY} and {seq:N} of the tracking-number pattern. */
export function formatTrackingNo(pattern: string, year: string, seq: number): string {
  return pattern.replace('{YYYY}', year).replace(/\{seq(?::(\d{1,2}))?\}/, (_, w: string | undefined) => String(seq).padStart(Number(w ?? 1), '0'));
}

/** No 0/O, 1/I/L: easy to read out on the phone and to type. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newTrackingCode(length = 10): string {
  let s = '';
  for (let i = 0; i < length; i += 1) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
export const hashCode = (code: string): string => createHash('sha256').update(`gongkai-tracking:${code.trim().toUpperCase()}`).digest('hex');
/** Constant-time comparison of a presented code with a stored hash. */
export function codeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(code), 'hex');
  const b = Buffer.from(/^[0-9a-f]{64}$/.test(storedHash) ? storedHash : '0'.repeat(64), 'hex');
  return timingSafeEqual(a, b);
}

/**
 * The grouping key: the 文号 when given (brackets and spaces unified), otherwise the title without spaces and
 * punctuation, NFKC-normalised and lower-cased. Simple and explainable: equal keys = "the same information".
 */
export function informationKey(title: string, docNumber?: string | null): string {
  const n = (s: string) => s.normalize('NFKC').toLowerCase();
  if (docNumber && docNumber.trim()) return `no:${n(docNumber).replace(/[\s]/g, '').replace(/[[(（【〔]/g, '〔').replace(/[\])）】〕]/g, '〕')}`;
  return `title:${n(title).replace(/[\s\p{P}\p{S}]/gu, '')}`;
}
