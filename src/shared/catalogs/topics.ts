// 主题分类: the gov.cn topic classification, 22 top-level topics with their second level, exactly as
// domain.md §5.3 lists them [C — gov.cn search-API payload]. Codes are ours (gov.cn's own codes were not
// captured): two digits for the top level in gov.cn order, two more for the second level, e.g. 0201 =
// 综合政务\政务公开. They are stable as long as this list is only appended to. Sites may relabel nodes
// (e.g. 民政、乡村振兴、救灾) — the tree is seed data, editable per site.

export interface Topic {
  code: string;
  name: string;
  children: readonly Topic[];
}

/** gov.cn separates path levels with a backslash: 卫生、体育\医药管理. */
export const TOPIC_PATH_SEPARATOR = '\\';

const TREE: readonly (readonly [string, readonly string[]])[] = [
  ['国务院组织机构', ['国务院', '国务院办公厅', '国务院组成部门', '国务院直属特设机构', '国务院直属机构', '国务院办事机构', '国务院直属事业单位', '国务院部委管理的国家局', '国务院议事协调机构', '其他']],
  ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  ['工业、交通', ['机械制造与重工业', '轻工纺织', '化工', '国防工业', '航天、航空', '信息产业（含电信）', '公路', '水运', '铁路', '民航', '邮政', '其他']],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  ['城乡建设、环境保护', ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能与资源综合利用', '气象、水文、测绘、地震', '其他']],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交、外事', '国际条约、国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

const two = (n: number) => String(n).padStart(2, '0');

/** The 22 top-level topics with their second level. */
export const TOPICS: readonly Topic[] = TREE.map(([name, children], i) => ({
  code: two(i + 1),
  name,
  children: children.map((child, j) => ({ code: `${two(i + 1)}${two(j + 1)}`, name: child, children: [] })),
}));

const BY_CODE = new Map<string, { topic: Topic; parent: Topic | null }>();
for (const t of TOPICS) {
  BY_CODE.set(t.code, { topic: t, parent: null });
  for (const c of t.children) BY_CODE.set(c.code, { topic: c, parent: t });
}

/** The topic with this code, or undefined. */
export function topicByCode(code: string): Topic | undefined {
  return BY_CODE.get(code)?.topic;
}

/** Display path, e.g. topicPath('1302') → 卫生、体育\医药管理. */
export function topicPath(code: string): string | undefined {
  const hit = BY_CODE.get(code);
  if (!hit) return undefined;
  return hit.parent ? `${hit.parent.name}${TOPIC_PATH_SEPARATOR}${hit.topic.name}` : hit.topic.name;
}

/** Finds a topic by its display path (backslash, slash or > between levels), as found in imported metadata. */
export function topicByPath(path: string): Topic | undefined {
  const [top, sub, ...rest] = path.split(/\s*[\\/>＞]\s*/).map((s) => s.trim());
  if (rest.length) return undefined;
  const t = TOPICS.find((x) => x.name === top);
  if (!t || sub === undefined) return t;
  return t.children.find((c) => c.name === sub);
}
