// The documents module's public surface.
export { DocumentService } from './documents.service.ts';
export { DocumentWorkflow } from './document-workflow.ts';
export { DocumentRelations } from './document-relations.ts';
export { documentRoutes } from './documents.routes.ts';
export { CatalogService } from './catalog.service.ts';
export { catalogRoutes } from './catalog.routes.ts';
export { DocumentImporter, ImportError, type ImportOptions, type ImportResult, type ImportStatus } from './document-import.ts';
export { DocumentIndexer } from './document-indexer.ts';
