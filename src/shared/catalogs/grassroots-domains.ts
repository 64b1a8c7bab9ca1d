// The 26 grassroots domains (基层政务公开标准化规范化 试点领域) of domain.md §4.2 [S — assembled from many
// county catalogs and one county plan, not from one official list; which domain was the 26th is
// unconfirmed]. Numbering follows domain.md's table and is not official. Aliases are the alternative
// names domain.md says to support.
import type { Confidence } from './genres.ts';

export interface GrassrootsDomain {
  no: number;
  code: string;
  name: string;
  aliases: readonly string[];
  confidence: Confidence;
}

const D = (no: number, code: string, name: string, aliases: readonly string[] = []): GrassrootsDomain => ({ no, code, name, aliases, confidence: 'S' });

export const GRASSROOTS_DOMAINS: readonly GrassrootsDomain[] = [
  D(1, 'major-projects', '重大建设项目'),
  D(2, 'public-resource-trading', '公共资源交易'),
  D(3, 'budgets', '财政预决算'),
  D(4, 'work-safety', '安全生产'),
  D(5, 'taxation', '税收管理'),
  D(6, 'land-compensation', '征地补偿', ['农村集体土地征收', '农村集体土地']),
  D(7, 'housing-expropriation', '国有土地上房屋征收与补偿'),
  D(8, 'rural-dilapidated-housing', '农村危房改造'),
  D(9, 'environment', '环境保护', ['生态环境']),
  D(10, 'public-culture', '公共文化服务'),
  D(11, 'public-legal-services', '公共法律服务', ['公共法律']),
  D(12, 'poverty-alleviation', '扶贫', ['乡村振兴']),
  D(13, 'disaster-relief', '救灾'),
  D(14, 'food-drug', '食品药品监管'),
  D(15, 'urban-enforcement', '城市综合执法'),
  D(16, 'compulsory-education', '义务教育'),
  D(17, 'health', '医疗卫生', ['卫生健康']),
  D(18, 'household-registration', '户籍管理'),
  D(19, 'farm-subsidies', '涉农补贴'),
  D(20, 'employment', '就业'),
  D(21, 'social-insurance', '社会保险'),
  D(22, 'social-assistance', '社会救助'),
  D(23, 'elderly-care', '养老服务'),
  D(24, 'planning', '城乡规划'),
  D(25, 'affordable-housing', '保障性住房'),
  D(26, 'municipal-services', '市政服务'),
];

/** Finds a domain by code, name or alias (e.g. 卫生健康 → 医疗卫生). */
export function findGrassrootsDomain(codeOrName: string): GrassrootsDomain | undefined {
  const key = codeOrName.trim();
  return GRASSROOTS_DOMAINS.find((d) => d.code === key || d.name === key || d.aliases.includes(key));
}
