// The Q&A module's public surface (政策问答).
export { QaService, QA_CHANGED, QA_LIMITS, audienceNames, qaAudiences, type AskInput, type AskReceipt, type EntryInput, type PublicQa, type QaAudience, type QaOptions, type StaffQa } from './qa.service.ts';
export { qaTodos } from './qa-todos.ts';
export { qaRoutes } from './qa.routes.ts';
export { qaStateNames, qaStates, qaEvents, qaEventNames, type QaState, type QaEvent } from './domain/qa-lifecycle.ts';
export { cleanUserText, duplicateKey, normaliseEmail, normalisePhone } from './domain/user-text.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const qaOrgPathTables = ['qa_item'] as const;
