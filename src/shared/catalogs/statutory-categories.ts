// 法定主动公开内容: the categories of 《政府信息公开条例》 Art. 20 (every organ) and Art. 21 (extra for city
// and county governments and their departments; extra for townships), from domain.md §1.4 [C]. Names are
// short column titles; `basis` names the article and item.
import { column, type ColumnTemplate, type FrequencyProfile } from './column-types.ts';

const ZH_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const ART20: readonly [slug: string, name: string, profile: FrequencyProfile][] = [
  ['regulations', '行政法规、规章和规范性文件', 'policy'],
  ['organisation', '机构职能', 'reference'],
  ['plans', '规划信息', 'reference'],
  ['statistics', '统计信息', 'periodic'],
  ['licensing', '行政许可和其他对外管理服务事项', 'notice'],
  ['penalties', '行政处罚和行政强制', 'notice'],
  ['budgets', '财政预算、决算', 'annual'],
  ['fees', '行政事业性收费', 'annual'],
  ['procurement', '政府集中采购', 'notice'],
  ['major-projects', '重大建设项目', 'notice'],
  ['livelihood', '扶贫、教育、医疗、社会保障、促进就业', 'policy'],
  ['emergencies', '突发公共事件应急预案、预警信息及应对情况', 'notice'],
  ['inspections', '环境保护、公共卫生、安全生产、食品药品、产品质量监督检查', 'periodic'],
  ['civil-service-recruitment', '公务员招考', 'annual'],
  ['other', '其他依法应当主动公开的信息', 'notice'],
];

/** Art. 21 ¶1: 设区的市级、县级人民政府及其部门. */
const ART21_CITY_COUNTY: readonly [string, string][] = [
  ['municipal-construction', '市政建设'],
  ['public-services', '公共服务'],
  ['public-welfare', '公益事业'],
  ['land-expropriation', '土地征收'],
  ['housing-expropriation', '房屋征收'],
  ['public-security', '治安管理'],
  ['social-assistance', '社会救助'],
];

/** Art. 21 ¶2: 乡（镇）人民政府. */
const ART21_TOWNSHIP: readonly [string, string][] = [
  ['rural-policies', '贯彻落实农业农村政策'],
  ['irrigation', '农田水利工程建设运营'],
  ['land-contract-transfer', '农村土地承包经营权流转'],
  ['homesteads', '宅基地使用情况审核'],
  ['land-expropriation', '土地征收'],
  ['housing-expropriation', '房屋征收'],
  ['fundraising-labour', '筹资筹劳'],
  ['social-assistance', '社会救助'],
];

const PREFIX = 'xxgk.statutory';

export const ART20_COLUMNS: readonly ColumnTemplate[] = ART20.map(([slug, name, profile], i) =>
  column({ code: `${PREFIX}.a20-${slug}`, name, profile, basis: `条例第二十条第（${ZH_NUM[i]}）项` }),
);

export const ART21_CITY_COUNTY_COLUMNS: readonly ColumnTemplate[] = ART21_CITY_COUNTY.map(([slug, name]) =>
  column({ code: `${PREFIX}.a21-${slug}`, name, profile: 'notice', basis: '条例第二十一条', appliesTo: ['city', 'county', 'department'] }),
);

export const ART21_TOWNSHIP_COLUMNS: readonly ColumnTemplate[] = ART21_TOWNSHIP.map(([slug, name]) =>
  column({ code: `${PREFIX}.a21t-${slug}`, name, profile: 'notice', basis: '条例第二十一条', appliesTo: ['township'] }),
);
