// The review module's public surface (the scanner's own surface is ./scanner/index.ts).
export { Dictionaries, DICTIONARY_CHANGED, parseImport } from './dictionaries.ts';
export { EditionScanner, type ScanSettings } from './edition-scan.ts';
export { ReviewGate } from './review-gate.ts';
export { ReviewService } from './review.service.ts';
export { RescanService, type RescanOptions } from './rescan.ts';
export { interpretationTodos } from './interpretation-todos.ts';
export { reviewRoutes } from './review.routes.ts';
export { scanRoutes, scanSettings } from './scanner/index.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const reviewOrgPathTables = ['rev_override', 'rev_interpretation_plan', 'rev_queue_item'] as const;
