// The documents module's public surface (drafts for now; publishing arrives with its own issue).
export { DocumentService } from './documents.service.ts';
export { documentRoutes } from './documents.routes.ts';
