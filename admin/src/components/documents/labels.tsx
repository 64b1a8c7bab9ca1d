// Chinese names for document states, actions, link and effect types; topic and genre options for the pickers.
import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { GENRES, TOPICS, findGenre, topicPath } from '../../../../src/shared/catalogs/index.ts';
import type { Topic } from '../../../../src/shared/catalogs/index.ts';
import type { Disclosure, DocumentAction, DocumentKind, EditionState, EffectType, LinkType, NormativeKind, PublicState } from '../../types';

export const STATE_LABELS: Record<EditionState, string> = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  approved: '已审核',
  scheduled: '定时发布',
  published: '已发布',
  superseded: '已被取代',
  withdrawn: '已撤回',
  unpublished: '已撤销发布',
};

// Text and background pairs with at least 4.5:1 contrast (antd's light preset colours fall short).
const STATE_STYLES: Record<EditionState, CSSProperties> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
  submitted: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  rejected: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  approved: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  scheduled: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  published: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  superseded: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
  withdrawn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  unpublished: { color: '#5c0011', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function StateTag({ state }: { state: EditionState }) {
  return <Tag style={STATE_STYLES[state]}>{STATE_LABELS[state] ?? state}</Tag>;
}

export const PUBLIC_STATE_LABELS: Record<PublicState, string> = {
  none: '未公开',
  published: '公开中',
  withdrawn: '已撤回（保留页面）',
  unpublished: '已撤销发布',
};

const PUBLIC_STYLES: Record<PublicState, CSSProperties> = {
  none: STATE_STYLES.superseded,
  published: STATE_STYLES.published,
  withdrawn: STATE_STYLES.withdrawn,
  unpublished: STATE_STYLES.unpublished,
};

export function PublicStateTag({ state }: { state: PublicState }) {
  return <Tag style={PUBLIC_STYLES[state]}>{PUBLIC_STATE_LABELS[state] ?? state}</Tag>;
}

export const STATE_OPTIONS = (Object.keys(STATE_LABELS) as EditionState[]).map((value) => ({ value, label: STATE_LABELS[value] }));

export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

export const KIND_LABELS: Record<DocumentKind, string> = { document: '文件', interpretation: '政策解读' };
export const NORMATIVE_LABELS: Record<NormativeKind, string> = { normative: '行政规范性文件', rule: '规章' };

export const ACTION_LABELS: Record<DocumentAction, string> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回',
  schedule: '定时发布',
  publish: '发布',
  urgent_publish: '紧急发布',
  approve_retrospectively: '补充审核',
  withdraw: '撤回',
  unpublish: '撤销发布',
  reopen: '重新编辑',
};

/** Link types as chosen from this document's side ("this document … the chosen one"). */
export const LINK_TYPE_LABELS: Record<LinkType, string> = {
  interprets: '解读（本文件是所选文件的解读）',
  amends: '修改所选文件',
  repeals: '废止所选文件',
  replaces: '替代所选文件',
  implements: '落实所选文件',
  related: '相关文件',
};

export const EFFECT_TYPE_LABELS: Record<EffectType, string> = {
  amends: '修改',
  repeals: '废止',
  replaces: '替代',
  suspends: '暂停施行',
};

interface TopicOption {
  value: string;
  title: string;
  /** Shown once chosen: 公安、安全、司法\司法. */
  path: string;
  children: TopicOption[];
}

const toTopicOptions = (topics: readonly Topic[]): TopicOption[] =>
  topics.map((t) => ({ value: t.code, title: t.name, path: topicPath(t.code) ?? t.name, children: toTopicOptions(t.children) }));

/** The 22 top-level topics with their second level, for a TreeSelect (values are topic codes). */
export const TOPIC_OPTIONS = toTopicOptions(TOPICS);

/** 体裁: the 公文文种 first, then the portal genres (values are genre codes). */
export const GENRE_OPTIONS = [
  { label: '公文文种', title: '公文文种', options: GENRES.filter((g) => g.official).map((g) => ({ value: g.code, label: g.name })) },
  { label: '其他体裁', title: '其他体裁', options: GENRES.filter((g) => !g.official).map((g) => ({ value: g.code, label: g.name })) },
];

/** 卫生、体育\医药管理 for a topic code; unknown values are shown as they are. */
export const topicLabel = (code: string | null | undefined) => (code ? (topicPath(code) ?? code) : null);
export const genreLabel = (code: string | null | undefined) => (code ? (findGenre(code)?.name ?? code) : null);
