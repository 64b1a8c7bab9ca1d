// The requests module's public surface (disclosure on application, 依申请公开).
export { RequestService, beijingToday, type EventInput, type LetterRenderer, type PublicMeta, type RemedyInput, type RequestOptions } from './requests.service.ts';
export { RequestsRepository, type StatisticsWindow } from './requests.repository.ts';
export { requestRoutes } from './requests.routes.ts';
export { requestTodos } from './request-todos.ts';
export { computeDeadlines, defaultDeadlineRules, type DeadlineEvent, type DeadlineRules } from './domain/deadlines.ts';
export { computeFee, defaultFeeBands, parseFeeBands, type FeeBands, type FeeQuote } from './domain/fees.ts';
export { transition as caseTransition, availableActions, caseEventNames, concludedStates, type CaseRole } from './domain/case-lifecycle.ts';
export * from './domain/model.ts';
export { outcomeInfo, answerableOutcomes } from './domain/outcomes.ts';
export type * from './requests.dto.ts';
export { LetterTemplates, type EffectiveLetterTemplate, type TemplateSource } from './letters/letter-templates.service.ts';
export { letterTemplateRoutes } from './letters/letter-templates.routes.ts';
export { renderLetterDocx } from './letters/letter-docx.ts';
export { checkLetterTemplate, defaultLetterTemplate, fillLetter, letterPlaceholders, sampleLetterData } from './letters/letter-template.ts';
export type { LetterData, LetterTemplate } from './letters/letter.types.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const requestOrgPathTables = ['req_case'] as const;
