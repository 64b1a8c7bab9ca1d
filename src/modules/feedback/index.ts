// The feedback module's public surface (营商环境"不满意"线索).
export { FeedbackService, FEEDBACK_LIMITS, type FeedbackInput, type FeedbackReceipt, type FeedbackView, type PublicStats } from './feedback.service.ts';
export { feedbackRoutes } from './feedback.routes.ts';
export { feedbackTodos } from './feedback-todos.ts';
export { parseCategories } from './domain/feedback.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const feedbackOrgPathTables = ['fbk_case'] as const;
