// Types and update-frequency defaults shared by the catalog (信息公开目录) templates.
import type { orgKinds } from '../schemas/organisations.ts';

export type OrgKind = (typeof orgKinds)[number];

/**
 * How often a column is expected to get new content; the freshness checks of a later issue flag a column
 * with nothing newer than this. The day counts are configuration (the examples: news two weeks,
 * notices/policies six months); `periodic` and `reference` are assumptions.
 */
export type FrequencyProfile = 'news' | 'notice' | 'policy' | 'periodic' | 'annual' | 'reference';

export const DEFAULT_UPDATE_DAYS: Record<FrequencyProfile, number> = {
  news: 14,
  notice: 180,
  policy: 180,
  periodic: 90,
  annual: 365,
  reference: 365,
};

export interface ColumnTemplate {
  /** Stable, ASCII, unique across all templates (usable in URLs). */
  code: string;
  name: string;
  profile: FrequencyProfile;
  /** Expected update frequency in days (DEFAULT_UPDATE_DAYS[profile] unless overridden). */
  updateEveryDays: number;
  /** Narrower than the template's own `appliesTo`, when only some organisation kinds get this column. */
  appliesTo?: readonly OrgKind[];
  /** Legal or policy basis, e.g. 条例第二十条第（七）项. */
  basis?: string;
  /** Other names the same column has on other portals. */
  aliases?: readonly string[];
  children: readonly ColumnTemplate[];
}

export interface CatalogTemplate {
  code: string;
  name: string;
  description: string;
  /** Where the structure comes from, with its confidence tag. */
  source: string;
  appliesTo: readonly OrgKind[];
  columns: readonly ColumnTemplate[];
}

type ColumnInput = Omit<ColumnTemplate, 'updateEveryDays' | 'children'> & { updateEveryDays?: number; children?: readonly ColumnTemplate[] };

/** A column with its frequency filled in from its profile. */
export function column(input: ColumnInput): ColumnTemplate {
  return { ...input, updateEveryDays: input.updateEveryDays ?? DEFAULT_UPDATE_DAYS[input.profile], children: input.children ?? [] };
}

/** Every column of a tree, depth first (parents before children). */
export function flattenColumns(columns: readonly ColumnTemplate[]): ColumnTemplate[] {
  return columns.flatMap((c) => [c, ...flattenColumns(c.children)]);
}
