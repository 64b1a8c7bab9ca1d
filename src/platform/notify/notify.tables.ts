// Outgoing messages (SMS, e-mail) and one-time verification codes. The platform has no real gateway yet: messages
// wait in ntf_message until a gateway sends them (the SMS/e-mail provider is the edge of the world).

export type NotifyChannel = 'sms' | 'email';

export interface NotifyMessageTable {
  id: string;
  channel: NotifyChannel;
  recipient: string;
  subject: string | null;
  body: string;
  /** What the message is for, e.g. 'verification', 'qa.answered'; used for statistics and scrubbing. */
  purpose: string;
  /** The entity it concerns (a question id, a consultation id …), for support look-ups. */
  ref: string | null;
  /** 1: replace recipient and body once sent (verification codes, personal replies). */
  scrub: number;
  created_at: string;
  available_at: string;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
}

export interface NotifyCodeTable {
  id: string;
  channel: NotifyChannel;
  /** SHA-256 of the normalised recipient: the address itself is not kept with the code. */
  recipient_hash: string;
  purpose: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}
