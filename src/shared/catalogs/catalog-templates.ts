// Column-tree templates for an organisation's disclosure catalog (信息公开目录): the 政府信息公开 专栏, the
// key areas of work-plan items (一)–(四), and the 26 grassroots domains. `instantiateTemplate` gives the
// tree for one organisation kind with frequencies resolved; the service then stores it as editable columns.
import {
  DEFAULT_UPDATE_DAYS,
  column,
  type CatalogTemplate,
  type ColumnTemplate,
  type FrequencyProfile,
  type OrgKind,
} from './column-types.ts';
import { GRASSROOTS_DOMAINS } from './grassroots-domains.ts';
import { KEY_AREA_COLUMNS } from './key-areas.ts';
import { ART20_COLUMNS, ART21_CITY_COUNTY_COLUMNS, ART21_TOWNSHIP_COLUMNS } from './statutory-categories.ts';

export * from './column-types.ts';

/** (a) 政府信息公开 专栏 (条例 Art. 12, 20, 21, 49; 国办公开办函〔2019〕61号 — sub-columns [U]). */
export const XXGK_TEMPLATE: CatalogTemplate = {
  code: 'xxgk',
  name: '政府信息公开',
  description: '政府信息公开专栏：指南、制度、法定主动公开内容、年报',
  source: '政府信息公开条例第十二、二十、二十一、四十九条 [C]；栏目划分参照国办公开办函〔2019〕61号 [U]',
  appliesTo: ['city', 'county', 'township', 'department'],
  columns: [
    column({ code: 'xxgk.guide', name: '政府信息公开指南', profile: 'reference', basis: '条例第十二条' }),
    column({ code: 'xxgk.rules', name: '政府信息公开制度', profile: 'reference' }),
    column({
      code: 'xxgk.statutory',
      name: '法定主动公开内容',
      profile: 'policy',
      basis: '条例第二十条、第二十一条',
      children: [...ART20_COLUMNS, ...ART21_CITY_COUNTY_COLUMNS, ...ART21_TOWNSHIP_COLUMNS],
    }),
    column({ code: 'xxgk.annual-report', name: '政府信息公开年报', profile: 'annual', basis: '条例第四十九条、第五十条' }),
  ],
};

/** (b) Key areas of work-plan items (一)–(四). */
export const KEY_AREAS_TEMPLATE: CatalogTemplate = {
  code: 'key',
  name: '重点领域信息公开',
  description: '工作要点（一）至（四）：营商环境、城市品质、民生福祉、政府自身建设',
  source: '2023年宜昌市政务公开工作要点 一、强化重点领域信息公开 [C]；栏目名称为概括，逐年调整',
  appliesTo: ['city', 'county', 'department'],
  columns: KEY_AREA_COLUMNS,
};

/** (c) The 26 grassroots domains, plus the 未涉及领域事项说明 of a township. */
export const GRASSROOTS_TEMPLATE: CatalogTemplate = {
  code: 'jc',
  name: '基层政务公开标准目录',
  description: '基层政务公开标准化规范化26个试点领域',
  source: '国办发〔2019〕54号；领域名称见 domain.md §4.2 [S]',
  appliesTo: ['county', 'township'],
  columns: [
    ...GRASSROOTS_DOMAINS.map((d) =>
      column({ code: `jc.${d.code}`, name: d.name, profile: d.code === 'budgets' ? 'annual' : 'notice', aliases: d.aliases }),
    ),
    column({ code: 'jc.not-involved', name: '未涉及领域事项说明', profile: 'annual', appliesTo: ['township'] }),
  ],
};

export const CATALOG_TEMPLATES: readonly CatalogTemplate[] = [XXGK_TEMPLATE, KEY_AREAS_TEMPLATE, GRASSROOTS_TEMPLATE];

export interface InstantiateOptions {
  /** Replace the default days per profile. */
  updateDays?: Partial<Record<FrequencyProfile, number>>;
  /** Replace the days of single columns, by code (wins over `updateDays`). */
  columnDays?: Readonly<Record<string, number>>;
}

/** The templates that apply to an organisation kind. */
export function templatesFor(kind: OrgKind): CatalogTemplate[] {
  return CATALOG_TEMPLATES.filter((t) => t.appliesTo.includes(kind));
}

/**
 * The column tree a template gives an organisation of `kind`: columns restricted to other kinds are left out
 * and frequencies are resolved from the options. Empty when the template does not apply to `kind`.
 */
export function instantiateTemplate(template: CatalogTemplate, kind: OrgKind, opts: InstantiateOptions = {}): ColumnTemplate[] {
  if (!template.appliesTo.includes(kind)) return [];
  const days = { ...DEFAULT_UPDATE_DAYS, ...opts.updateDays };
  const walk = (cols: readonly ColumnTemplate[]): ColumnTemplate[] =>
    cols
      .filter((c) => !c.appliesTo || c.appliesTo.includes(kind))
      .map((c) => ({ ...c, updateEveryDays: opts.columnDays?.[c.code] ?? days[c.profile], children: walk(c.children) }));
  return walk(template.columns);
}
