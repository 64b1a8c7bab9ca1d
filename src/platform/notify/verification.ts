// One-time codes that prove someone holds a phone number or an e-mail address (anonymous comments, questions).
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ValidationError } from '../errors.ts';
import type { Notifier } from './notifier.ts';
import type { NotifyChannel } from './notify.tables.ts';
import { transact } from '../db/transaction-scope.ts';

export type VerificationOptions = {
  /** Minutes a code stays valid. */
  ttlMinutes: number;
  /** Wrong tries before a code is dead. */
  maxAttempts: number;
  /** Seconds between two codes to the same address. */
  resendSeconds: number;
  /** Codes per address per hour. */
  perHour: number;
};

export const defaultVerificationOptions: VerificationOptions = { ttlMinutes: 10, maxAttempts: 5, resendSeconds: 60, perHour: 5 };

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,}$/;

/** The address as stored and compared: digits only for phones (+86 dropped), lower case for e-mail. */
export function normaliseAddress(channel: NotifyChannel, raw: string): string | null {
  const s = raw.trim();
  if (channel === 'sms') {
    const digits = s.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
    return MOBILE.test(digits) ? digits : null;
  }
  const lower = s.toLowerCase();
  return EMAIL.test(lower) && lower.length <= 254 ? lower : null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class Verification {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly notifier: Notifier,
    private readonly options: VerificationOptions = defaultVerificationOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sends a 6-digit code for `purpose` (e.g. 'consultation.comment'); refuses bad addresses and bursts. */
  async issue(channel: NotifyChannel, rawAddress: string, purpose: string, text: (code: string) => string): Promise<{ to: string; expiresAt: string }> {
    const field = channel === 'sms' ? 'phone' : 'email';
    const to = normaliseAddress(channel, rawAddress);
    if (!to) throw ValidationError.field(field, channel === 'sms' ? 'mobile' : 'email');
    const recipientHash = sha256(`${channel}:${to}`);
    const now = this.now();
    const recent = await this.db
      .selectFrom('ntf_code')
      .select(['created_at'])
      .where('recipient_hash', '=', recipientHash)
      .where('created_at', '>', new Date(now.getTime() - 3_600_000).toISOString())
      .orderBy('created_at', 'desc')
      .execute();
    const last = recent[0];
    if (last && now.getTime() - Date.parse(last.created_at) < this.options.resendSeconds * 1000) {
      const wait = Math.ceil((this.options.resendSeconds * 1000 - (now.getTime() - Date.parse(last.created_at))) / 1000);
      throw ValidationError.field(field, 'codeResendWait', { seconds: wait });
    }
    if (recent.length >= this.options.perHour) throw ValidationError.field(field, 'codeTooMany');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + this.options.ttlMinutes * 60_000).toISOString();
    await transact(this.db, async (trx) => {
      await trx
        .insertInto('ntf_code')
        .values({ id: newId(), channel, recipient_hash: recipientHash, purpose, code_hash: sha256(`${purpose}:${code}`), created_at: now.toISOString(), expires_at: expiresAt, attempts: 0, used_at: null })
        .execute();
      await this.notifier.queue(trx, { channel, to, subject: channel === 'email' ? '验证码' : null, body: text(code), purpose: 'verification', scrub: true });
    });
    void this.notifier.deliverDue();
    return { to, expiresAt };
  }

  /**
   * Checks and uses up a code: true once for the right code before it expires. Each wrong try counts; after
   * `maxAttempts` the code is dead. Pass a transaction to use it up together with what it unlocks.
   */
  async consume(channel: NotifyChannel, rawAddress: string, purpose: string, code: string, db: Kysely<DB> = this.db): Promise<boolean> {
    const to = normaliseAddress(channel, rawAddress);
    if (!to || !/^\d{6}$/.test(code.trim())) return false;
    const row = await db
      .selectFrom('ntf_code')
      .selectAll()
      .where('recipient_hash', '=', sha256(`${channel}:${to}`))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row || row.expires_at <= this.now().toISOString() || row.attempts >= this.options.maxAttempts) return false;
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(sha256(`${purpose}:${code.trim()}`), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await db.updateTable('ntf_code').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
      return false;
    }
    const used = await db.updateTable('ntf_code').set({ used_at: nowIso() }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    return Number(used.numUpdatedRows) === 1;
  }
}
