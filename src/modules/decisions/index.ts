// The decisions module's public surface (重大行政决策事项目录).
export { DecisionService, type DecisionItemView, type ProcedureView, type ItemInput } from './decisions.service.ts';
export { decisionRoutes } from './decisions.routes.ts';
export * from './procedures.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const decisionOrgPathTables = ['dec_item'] as const;
