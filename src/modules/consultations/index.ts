// The consultations module's public surface (意见征集 on drafts).
export { ConsultationService, type ConsultationOptions } from './consultations.service.ts';
export { CommentService, VERIFY_PURPOSE, type CommentOptions } from './comments.service.ts';
export { consultationRoutes } from './consultations.routes.ts';
export { consultationTodos } from './consultation-todos.ts';
export { parseDraft, anchorExists, anchorLabel, articleLabel, type DraftArticle, type ParsedDraft } from './domain/articles.ts';
export { defaultPeriodRules, parsePeriodRules, checkPeriod, consultationKinds, kindNames, type ConsultationKind, type PeriodRules } from './domain/periods.ts';
export { phaseNames, phaseOf, transition as consultationTransition, type Phase } from './domain/lifecycle.ts';
export * from './consultations.dto.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const consultationOrgPathTables = ['con_consultation'] as const;
export { CONSULTATION_CHANGED } from './consultations.service.ts';
