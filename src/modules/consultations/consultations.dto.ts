// What the consultations API answers. Public views never carry commenters' contact data, unmoderated text or
// answers before the result is published.
import type { ConsultationKind } from './domain/periods.ts';
import type { Phase } from './domain/lifecycle.ts';

export const commentChannels = ['online', 'letter', 'email', 'fax', 'meeting', 'other'] as const;
export type CommentChannel = (typeof commentChannels)[number];
export const channelNames: Record<CommentChannel, string> = { online: '网上提交', letter: '信函', email: '电子邮件', fax: '传真', meeting: '座谈会', other: '其他' };
export const decisions = ['adopted', 'partly', 'rejected'] as const;
export type Decision = (typeof decisions)[number];
export const decisionNames: Record<Decision, string> = { adopted: '采纳', partly: '部分采纳', rejected: '不予采纳' };
export const moderationStates = ['pending', 'approved', 'rejected'] as const;
export const moderationNames: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export type Channel = { kind: string; detail: string };

export type ConsultationSummary = {
  id: string;
  title: string;
  kind: ConsultationKind;
  kindName: string;
  organisationId: string;
  organisationName: string;
  opensOn: string;
  closesOn: string;
  phase: Phase;
  phaseName: string;
  commentCount: number;
  resultPublishedAt: string | null;
};

export type ArticleView = { key: string; label: string; chapter: string | null; paragraphs: string[]; commentCount: number };

export type PublicComment = {
  id: string;
  anchor: string | null;
  anchorLabel: string;
  body: string;
  channel: CommentChannel;
  channelName: string;
  receivedOn: string;
  /** Only once the adoption report is published. */
  decision?: Decision | null;
  decisionName?: string | null;
  decisionReason?: string | null;
};

export type AdoptionReport = {
  summary: string;
  publishedAt: string;
  total: number;
  counts: Record<Decision, number>;
  byArticle: { anchor: string | null; label: string; total: number; adopted: number; partly: number; rejected: number }[];
  finalDocument: { id: string; title: string; url: string } | null;
};

export type ConsultationView = ConsultationSummary & {
  explanation: string;
  contact: string;
  channels: Channel[];
  shortenedReason: string | null;
  period: { length: number; minimum: number; unit: 'calendar' | 'working' };
  preamble: string[];
  chapters: string[];
  articles: ArticleView[];
  generalCommentCount: number;
  result: AdoptionReport | null;
};

export type StaffComment = PublicComment & {
  status: string;
  statusName: string;
  moderationReason: string | null;
  decision: Decision | null;
  decisionName: string | null;
  decisionReason: string | null;
  /** Shown to consultation.manage holders only; never on a public page. */
  commenter: { name: string | null; phone: string | null; email: string | null; verified: boolean } | null;
  createdAt: string;
};

export type StaffConsultationView = ConsultationView & {
  state: string;
  draftText: string;
  withdrawReason: string | null;
  finalDocumentId: string | null;
  allowed: string[];
  tally: { pending: number; approved: number; rejected: number; undecided: number };
  canManage: boolean;
  canModerate: boolean;
};

export type ConsultationInput = {
  organisationId: string;
  kind: ConsultationKind;
  title: string;
  draftText: string;
  explanation: string;
  opensOn: string;
  closesOn: string;
  shortenedReason?: string | null;
  channels: Channel[];
  contact: string;
};

export type PublicCommentInput = {
  anchor?: string | null;
  text: string;
  name?: string;
  channel?: 'sms' | 'email';
  address?: string;
  code?: string;
};

export type StaffCommentInput = {
  anchor?: string | null;
  text: string;
  channel: Exclude<CommentChannel, 'online'>;
  receivedOn: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
};
