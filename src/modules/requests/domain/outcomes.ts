// Answer outcomes with their table-3 labels and legal bases (domain.md §2.4, 条例 2019). The basis text is the default
// written into the answer letter; handlers may add to it.
import type { AnswerOutcome } from './model.ts';

export interface OutcomeInfo {
  /** Row label as the annual report prints it. */
  name: string;
  /** The table-3 group (（一）…（七）) the row belongs to. */
  group: '予以公开' | '部分公开' | '不予公开' | '无法提供' | '不予处理' | '其他处理';
  basis: string;
}

export const outcomeInfo: Record<AnswerOutcome, OutcomeInfo> = {
  granted: { name: '予以公开', group: '予以公开', basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项' },
  partial: { name: '部分公开', group: '部分公开', basis: '《中华人民共和国政府信息公开条例》第三十七条' },
  'denied.state_secret': { name: '属于国家秘密', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十四条' },
  'denied.law_forbidden': { name: '其他法律行政法规禁止公开', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十四条' },
  'denied.safety_stability': { name: '危及“三安全一稳定”', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十四条' },
  'denied.third_party': { name: '保护第三方合法权益', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条' },
  'denied.internal_affairs': { name: '属于三类内部事务信息', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十六条第一款' },
  'denied.process_info': { name: '属于四类过程性信息', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十六条第二款' },
  'denied.enforcement_case': { name: '属于行政执法案卷', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第十六条第二款' },
  'denied.admin_query': { name: '属于行政查询事项', group: '不予公开', basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项' },
  'unable.no_info': { name: '本机关不掌握相关政府信息', group: '无法提供', basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项' },
  'unable.needs_creation': { name: '没有现成信息需要另行制作', group: '无法提供', basis: '《中华人民共和国政府信息公开条例》第三十八条' },
  'unable.unclear': { name: '补正后申请内容仍不明确', group: '无法提供', basis: '《中华人民共和国政府信息公开条例》第三十条' },
  'not_processed.complaint': { name: '信访举报投诉类申请', group: '不予处理', basis: '《中华人民共和国政府信息公开条例》第三十九条第一款' },
  'not_processed.repeat': { name: '重复申请', group: '不予处理', basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项' },
  'not_processed.publication': { name: '要求提供公开出版物', group: '不予处理', basis: '《中华人民共和国政府信息公开条例》第三十九条第二款' },
  'not_processed.massive': { name: '无正当理由大量反复申请', group: '不予处理', basis: '《中华人民共和国政府信息公开条例》第三十五条' },
  'not_processed.confirm': { name: '要求行政机关确认或重新出具已获取信息', group: '不予处理', basis: '《中华人民共和国政府信息公开条例》' },
  'other.overdue_correction': {
    name: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: '其他处理',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
  },
  'other.overdue_fee': {
    name: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '其他处理',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  'other.other': { name: '其他', group: '其他处理', basis: '' },
};

/** Outcomes a handler may choose as an answer (the two overdue rows are reached by events). */
export const answerableOutcomes = (Object.keys(outcomeInfo) as AnswerOutcome[]).filter((o) => o !== 'other.overdue_correction' && o !== 'other.overdue_fee');
