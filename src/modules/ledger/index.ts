// The publication ledger's public surface: documents append to it inside their transaction; anyone reads it.
export { LedgerService, type AppendInput, type CurrentContent, type VerifyReport } from './ledger.service.ts';
export { contentHash, entryHash, verifyChain, GENESIS_HASH, type LedgerEntry, type PublishedContent } from './ledger-chain.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export type { LedgerAction } from './ledger.tables.ts';
