// The search module's public surface: the public search API over all published content.
export { SEARCH_KINDS, SearchService, type SearchInput, type SearchKind } from './search.service.ts';
export { searchRoutes } from './search.routes.ts';
