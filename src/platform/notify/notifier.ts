// Queueing messages in the caller's transaction and handing them to a gateway after commit (outbox pattern).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { NotifyChannel } from './notify.tables.ts';

export type OutgoingMessage = {
  channel: NotifyChannel;
  to: string;
  subject?: string | null;
  body: string;
  purpose: string;
  ref?: string | null;
  /** Forget the address and the text once sent (codes, personal replies). */
  scrub?: boolean;
};

/** Sends one message; throws to have it retried later. The real SMS / e-mail providers plug in here. */
export interface NotifyGateway {
  readonly name: string;
  send(message: { id: string; channel: NotifyChannel; to: string; subject: string | null; body: string }): Promise<void>;
}

/** Default gateway: logs that a message would go out (address masked, no text), so nothing leaves the machine. */
export function logGateway(log: { warn: (o: object, m: string) => void }): NotifyGateway {
  return {
    name: 'log',
    async send(m) {
      log.warn({ notify: m.id, channel: m.channel, to: maskAddress(m.to) }, 'notification not sent: no gateway configured (GONGKAI_NOTIFY_GATEWAY=log)');
    },
  };
}

/** Test gateway: keeps every message in memory. */
export class MemoryGateway implements NotifyGateway {
  readonly name = 'memory';
  readonly sent: { id: string; channel: NotifyChannel; to: string; subject: string | null; body: string }[] = [];
  failNext = 0;
  async send(m: { id: string; channel: NotifyChannel; to: string; subject: string | null; body: string }): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('gateway unavailable');
    }
    this.sent.push({ ...m });
  }
  /** The newest message to an address, for tests reading a code. */
  lastTo(to: string): string | undefined {
    return [...this.sent].reverse().find((m) => m.to === to)?.body;
  }
}

/** 138****5678, z***@example.com */
export function maskAddress(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  return to.length >= 7 ? `${to.slice(0, 3)}****${to.slice(-4)}` : '****';
}

const MAX_ATTEMPTS = 8;

export class Notifier {
  private sending: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private gateway: NotifyGateway,
  ) {}

  setGateway(gateway: NotifyGateway): void {
    this.gateway = gateway;
  }

  /** Writes the message in the caller's transaction (pass tx.db); it goes out only if that transaction commits. */
  async queue(db: Kysely<DB>, message: OutgoingMessage): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db
      .insertInto('ntf_message')
      .values({
        id,
        channel: message.channel,
        recipient: message.to,
        subject: message.subject ?? null,
        body: message.body,
        purpose: message.purpose,
        ref: message.ref ?? null,
        scrub: message.scrub ? 1 : 0,
        created_at: now,
        available_at: now,
        attempts: 0,
        sent_at: null,
        last_error: null,
      })
      .execute();
    return id;
  }

  /** Sends what is due (the maintenance loop calls this; services may call it after commit). Returns how many went out. */
  deliverDue(): Promise<number> {
    if (!this.sending) this.sending = this.deliver().finally(() => (this.sending = null));
    return this.sending;
  }

  /** Resolves when no delivery is running (call before closing the database). */
  async idle(): Promise<void> {
    while (this.sending) await this.sending;
  }

  private async deliver(): Promise<number> {
    const due = await this.db
      .selectFrom('ntf_message')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('available_at', '<=', nowIso())
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('id')
      .limit(100)
      .execute();
    let sent = 0;
    for (const m of due) {
      try {
        await this.gateway.send({ id: m.id, channel: m.channel, to: m.recipient, subject: m.subject, body: m.body });
        const scrubbed = m.scrub ? { recipient: maskAddress(m.recipient), body: '（已发送，内容不再保留）' } : {};
        await this.db.updateTable('ntf_message').set({ sent_at: nowIso(), attempts: m.attempts + 1, last_error: null, ...scrubbed }).where('id', '=', m.id).execute();
        sent += 1;
      } catch (err) {
        const attempts = m.attempts + 1;
        const retryAt = new Date(Date.now() + Math.min(60_000 * 2 ** attempts, 3_600_000)).toISOString();
        await this.db
          .updateTable('ntf_message')
          .set({ attempts, available_at: retryAt, last_error: String((err as Error).message ?? err).slice(0, 500) })
          .where('id', '=', m.id)
          .execute();
      }
    }
    return sent;
  }

  /** Messages about an entity, newest first, without their text (for staff pages showing "notified on …"). */
  async about(ref: string): Promise<{ id: string; channel: NotifyChannel; to: string; purpose: string; createdAt: string; sentAt: string | null }[]> {
    const rows = await this.db.selectFrom('ntf_message').select(['id', 'channel', 'recipient', 'purpose', 'created_at', 'sent_at']).where('ref', '=', ref).orderBy('id', 'desc').execute();
    return rows.map((r) => ({ id: r.id, channel: r.channel, to: maskAddress(r.recipient), purpose: r.purpose, createdAt: r.created_at, sentAt: r.sent_at }));
  }
}
