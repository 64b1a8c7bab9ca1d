// Catalog data shared by server, admin and portal: topics (主题分类), genres (体裁) and column templates.
export * from './topics.ts';
export * from './genres.ts';
export * from './grassroots-domains.ts';
export * from './catalog-templates.ts';
export { ART20_COLUMNS, ART21_CITY_COUNTY_COLUMNS, ART21_TOWNSHIP_COLUMNS } from './statutory-categories.ts';
export { KEY_AREA_COLUMNS } from './key-areas.ts';
