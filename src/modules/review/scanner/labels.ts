// Chinese names of categories and severities, for the CLI, the API and the admin.
import type { FindingCategory, Severity } from './types.ts';

export const CATEGORY_NAMES: Readonly<Record<FindingCategory, string>> = {
  id_card: '身份证号码',
  id_card_old: '15 位身份证号码',
  mobile: '手机号码',
  landline: '固定电话',
  bank_card: '银行卡号',
  email: '电子邮箱',
  passport: '护照号码',
  travel_permit: '通行证号码',
  plate: '车牌号码',
  address: '详细住址',
  uscc_individual: '个体工商户代码',
  secret_marking: '密级标志',
  sensitive_word: '敏感词',
  wrong_expression: '表述错误',
  metadata: '元数据',
  unreadable: '无法读取',
};

export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { block: '禁止发布', high: '高', medium: '中', low: '低' };
