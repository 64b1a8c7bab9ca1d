// Chinese names of the review's categories, severities and statuses, and their tags.
import type { ReviewFinding, ReviewSeverity } from '../../types';
import { ToneTag, type Tone } from '../normative/ToneTag';

export const CATEGORY_LABELS: Record<string, string> = {
  id_card: '身份证号码',
  id_card_old: '身份证号码（15 位）',
  mobile: '手机号码',
  landline: '固定电话',
  bank_card: '银行卡号',
  email: '电子邮箱',
  passport: '护照号码',
  travel_permit: '通行证号码',
  plate: '车牌号码',
  address: '详细住址',
  uscc_individual: '个体工商户信用代码',
  secret_marking: '密级标志',
  sensitive_word: '敏感词',
  wrong_expression: '错误表述',
  metadata: '元数据不一致',
  unreadable: '无法读取的附件',
};

export const categoryLabel = (c: string) => CATEGORY_LABELS[c] ?? c;

export const SEVERITY_LABELS: Record<ReviewSeverity, string> = { block: '阻断', high: '高', medium: '中', low: '低' };
const SEVERITY_TONES: Record<ReviewSeverity, Tone> = { block: 'red', high: 'orange', medium: 'blue', low: 'grey' };

/** 阻断 (red) for what holds publication now; otherwise the scanner's severity. */
export function SeverityTag({ finding }: { finding: ReviewFinding }) {
  if (finding.status === 'open') return <ToneTag tone="red">阻断</ToneTag>;
  return <ToneTag tone={SEVERITY_TONES[finding.severity] ?? 'grey'}>{SEVERITY_LABELS[finding.severity] ?? finding.severity}</ToneTag>;
}

export function StatusTag({ finding }: { finding: ReviewFinding }) {
  if (finding.status === 'open') return <ToneTag tone="red">未处理，阻止发布</ToneTag>;
  if (finding.status === 'overridden') return <ToneTag tone="green">已豁免</ToneTag>;
  return <ToneTag tone="grey">提示，不阻止发布</ToneTag>;
}

export const QUEUE_STATUS_LABELS: Record<string, string> = { open: '待处理', withdrawn: '已撤回', republished: '已脱敏重发', dismissed: '已忽略' };

export const RULE_MATCH_LABELS: Record<string, string> = { genre: '体裁', normative_kind: '规范性文件类别' };
