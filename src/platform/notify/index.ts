// Notifications: an outbox of SMS / e-mail messages with a pluggable gateway, and one-time verification codes.
export { Notifier, MemoryGateway, logGateway, maskAddress, type NotifyGateway, type OutgoingMessage } from './notifier.ts';
export { Verification, defaultVerificationOptions, normaliseAddress, type VerificationOptions } from './verification.ts';
export type { NotifyChannel, NotifyCodeTable, NotifyMessageTable } from './notify.tables.ts';
