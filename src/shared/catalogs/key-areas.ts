// Key-area disclosure columns for work-plan items (一)–(四) of the 宜昌市2023年政务公开工作要点
// (data/seed/yichang-2023-zhengwu-gongkai-gongzuo-yaodian.txt, 一、强化重点领域信息公开). Names condense the
// plan's wording; the plan changes every year, so this tree is a starting point for an administrator to edit.
import { column, type ColumnTemplate, type FrequencyProfile } from './column-types.ts';

type Leaf = readonly [slug: string, name: string, profile: FrequencyProfile, aliases?: readonly string[]];

const AREAS: readonly { slug: string; item: string; name: string; leaves: readonly Leaf[] }[] = [
  {
    slug: 'business-environment',
    item: '（一）',
    name: '优化营商环境',
    leaves: [
      ['digital-economy', '数字经济与招商引资', 'notice', ['专精特新', '飞地经济']],
      ['supervision-list', '监管事项目录清单', 'annual'],
      ['fair-competition', '反垄断和反不正当竞争执法', 'notice'],
      ['sme-arrears', '防范和化解拖欠中小企业账款', 'notice'],
      ['legal-services', '重大项目和重点企业法律服务', 'notice'],
      ['complaints', '营商环境问题线索征集', 'notice'],
      ['policy-implementation', '涉企政策执行落实情况', 'notice'],
    ],
  },
  {
    slug: 'city-quality',
    item: '（二）',
    name: '提升城市品质',
    leaves: [
      ['strategic-tasks', '长江大保护与流域综合治理', 'notice', ['宜荆荆都市圈', '绿色低碳发展示范区']],
      ['major-projects', '城建交通重大项目建设', 'notice'],
      ['urban-renewal', '城市更新', 'notice', ['老旧小区改造', '棚户区改造', '适老化改造', '无障碍环境建设']],
      ['greening', '城市绿化', 'notice', ['城市绿道', '口袋公园']],
      ['housing', '房地产与住房保障', 'notice', ['保障性住房', '住房公积金', '物业服务']],
    ],
  },
  {
    slug: 'livelihood',
    item: '（三）',
    name: '增进民生福祉',
    leaves: [
      ['environment', '生态环境', 'notice', ['污染防治', '空气质量', '垃圾分类']],
      ['education', '教育', 'notice'],
      ['health', '医疗卫生', 'notice', ['生育政策', '爱国卫生运动']],
      ['elderly-care', '养老服务', 'notice'],
      ['social-assistance', '社会救助', 'notice'],
      ['food-drug-safety', '食品药品安全', 'notice'],
      ['culture-sports', '公共文化体育', 'notice', ['文化惠民活动', '体育健身场所']],
      ['employment', '就业', 'notice', ['零工驿站']],
      ['rural-revitalisation', '乡村振兴', 'notice'],
      ['medical-insurance', '医疗保障', 'notice', ['医保']],
    ],
  },
  {
    slug: 'government',
    item: '（四）',
    name: '政府自身建设',
    leaves: [
      ['budgets', '财政预决算', 'annual', ['三公经费']],
      ['fees', '行政事业性收费', 'annual', ['收费目录清单']],
      ['meetings', '重大会议', 'periodic', ['政府全体会议', '政府常务会议']],
      ['decisions', '重大行政决策', 'notice', ['决策事项目录', '意见征集']],
      ['enforcement-statistics', '行政执法统计年报', 'annual'],
    ],
  },
];

export const KEY_AREA_COLUMNS: readonly ColumnTemplate[] = AREAS.map((a) =>
  column({
    code: `key.${a.slug}`,
    name: a.name,
    profile: 'notice',
    basis: `2023年宜昌市政务公开工作要点${a.item}`,
    children: a.leaves.map(([slug, name, profile, aliases]) =>
      column({ code: `key.${a.slug}.${slug}`, name, profile, ...(aliases ? { aliases } : {}) }),
    ),
  }),
);
