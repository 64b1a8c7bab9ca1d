// Executive meetings (重大会议): kinds, the 开放情况 figures, decided items and the publication lifecycle, pure.
// Confidential decided items are dropped by `publicItems` and never leave the staff view.

export const meetingKinds = ['executive', 'plenary'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindNames: Record<MeetingKind, string> = { executive: '常务会议', plenary: '全体会议' };

/** 开放情况: invited representatives per kind. */
export const participantKinds = ['grassroots', 'enterprise', 'media', 'expert'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const participantKindNames: Record<ParticipantKind, string> = { grassroots: '基层代表', enterprise: '企业代表', media: '媒体代表', expert: '专家代表' };
export type Participation = Record<ParticipantKind, number>;
export const noParticipation = (): Participation => ({ grassroots: 0, enterprise: 0, media: 0, expert: 0 });

export type DecidedItem = { text: string; confidential: boolean };

export const meetingStates = ['draft', 'published', 'withdrawn'] as const;
export type MeetingState = (typeof meetingStates)[number];
export const meetingStateNames: Record<MeetingState, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤下' };
export const meetingEvents = ['publish', 'withdraw', 'edit'] as const;
export type MeetingEvent = (typeof meetingEvents)[number];
export const meetingEventNames: Record<MeetingEvent, string> = { publish: '发布', withdraw: '撤下', edit: '修改' };

const TABLE: Record<MeetingState, Partial<Record<MeetingEvent, MeetingState>>> = {
  draft: { publish: 'published', edit: 'draft' },
  published: { withdraw: 'withdrawn' },
  withdrawn: { publish: 'published', edit: 'withdrawn' },
};

export type MeetingTransition = { ok: true; next: MeetingState } | { ok: false; reason: string };

/** Only the openness office (meeting.manage) acts; a published meeting is withdrawn before it is edited. */
export function meetingTransition(state: MeetingState, event: MeetingEvent, canManage: boolean): MeetingTransition {
  if (!canManage) return { ok: false, reason: `您没有${meetingEventNames[event]}本机构会议信息的权限。` };
  const next = TABLE[state]?.[event];
  if (!next) return { ok: false, reason: state === 'published' && event === 'edit' ? '已发布的会议信息须先撤下才能修改。' : `“${meetingStateNames[state]}”状态下不能${meetingEventNames[event]}。` };
  return { ok: true, next };
}

export const meetingActions = (state: MeetingState): MeetingEvent[] => meetingEvents.filter((e) => e !== 'edit' && TABLE[state][e]);

/** The decided items the public may read. */
export const publicItems = (items: DecidedItem[]): string[] => items.filter((i) => !i.confidential).map((i) => i.text);

export const totalParticipants = (p: Participation): number => participantKinds.reduce((n, k) => n + p[k], 0);

/** 宜昌市人民政府第 12 次常务会议 */
export const defaultTitle = (orgName: string, kind: MeetingKind, sessionNo: number) =>
  `${/[市县区州盟旗]$/.test(orgName) ? `${orgName}人民政府` : orgName}第${sessionNo}次${meetingKindNames[kind]}`;
