// The search module's public surface: the public search API over all published content.
export { SearchService, type SearchInput } from './search.service.ts';
export { searchRoutes } from './search.routes.ts';
