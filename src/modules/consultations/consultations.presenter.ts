// Rows → API views. The public view carries only moderated text and, once the result is published, the answers;
// commenters' contact data appear only in the staff comment list, for consultation.manage holders.
import { can, type Actor } from '../../platform/authz/actor.ts';
import { parseJson } from '../../platform/db/ids.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import type { DocumentService } from '../documents/index.ts';
import type { CommentRow, CommenterRow, ConsultationRow, ConsultationsRepository } from './consultations.repository.ts';
import { anchorLabel, parseDraft } from './domain/articles.ts';
import { allowedEvents, phaseNames, phaseOf, type StoredState } from './domain/lifecycle.ts';
import { checkPeriod, kindNames, type ConsultationKind, type PeriodRules } from './domain/periods.ts';
import {
  channelNames, decisionNames, decisions, moderationNames,
  type AdoptionReport, type CommentChannel, type ConsultationSummary, type ConsultationView, type Decision, type PublicComment, type StaffComment, type StaffConsultationView,
} from './consultations.dto.ts';

export type PresentCtx = {
  repo: ConsultationsRepository;
  today: string;
  calendar: Pick<WorkingDays, 'workingDaysBetween'>;
  rules: PeriodRules;
  documents: Pick<DocumentService, 'getPublic'>;
};

export function presentSummary(ctx: Pick<PresentCtx, 'today'>, row: ConsultationRow, organisationName: string, commentCount: number): ConsultationSummary {
  const phase = phaseOf(row.state as StoredState, row.opens_on, row.closes_on, ctx.today);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ConsultationKind,
    kindName: kindNames[row.kind as ConsultationKind] ?? row.kind,
    organisationId: row.org_id,
    organisationName,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    phase,
    phaseName: phaseNames[phase],
    commentCount,
    resultPublishedAt: row.result_published_at,
  };
}

export function presentComment(row: CommentRow, withAnswer: boolean): PublicComment {
  const out: PublicComment = {
    id: row.id,
    anchor: row.anchor,
    anchorLabel: anchorLabel(row.anchor),
    body: row.body,
    channel: row.channel as CommentChannel,
    channelName: channelNames[row.channel as CommentChannel] ?? row.channel,
    receivedOn: row.received_on,
  };
  if (withAnswer) {
    out.decision = (row.decision as Decision | null) ?? null;
    out.decisionName = row.decision ? decisionNames[row.decision as Decision] : null;
    out.decisionReason = row.decision_reason;
  }
  return out;
}

export function presentStaffComment(row: CommentRow, commenter: CommenterRow | undefined, showContact: boolean): StaffComment {
  return {
    ...presentComment(row, true),
    decision: (row.decision as Decision | null) ?? null,
    decisionName: row.decision ? decisionNames[row.decision as Decision] : null,
    decisionReason: row.decision_reason,
    status: row.status,
    statusName: moderationNames[row.status] ?? row.status,
    moderationReason: row.moderation_reason,
    commenter:
      showContact && commenter ? { name: commenter.name, phone: commenter.phone, email: commenter.email, verified: commenter.verified === 1 } : null,
    createdAt: row.created_at,
  };
}

export async function presentView(ctx: PresentCtx, row: ConsultationRow, organisationName: string): Promise<ConsultationView> {
  const approved = await ctx.repo.comments(row.id, { status: 'approved' });
  const summary = presentSummary(ctx, row, organisationName, approved.length);
  const draft = parseDraft(row.draft_text);
  const perArticle = new Map<string, number>();
  let general = 0;
  for (const c of approved) {
    if (c.anchor === null) general++;
    else {
      const key = c.anchor.split('.')[0]!;
      perArticle.set(key, (perArticle.get(key) ?? 0) + 1);
    }
  }
  const period = checkPeriod({ kind: row.kind as ConsultationKind, opensOn: row.opens_on, closesOn: row.closes_on, shortenedReason: row.shortened_reason }, ctx.rules, ctx.calendar);
  return {
    ...summary,
    explanation: row.explanation,
    contact: row.contact,
    channels: parseJson(row.channels, []),
    shortenedReason: row.shortened_reason,
    period: { length: period.length, minimum: period.minimum, unit: period.unit },
    preamble: draft.preamble,
    chapters: draft.chapters,
    articles: draft.articles.map((a) => ({ key: a.key, label: a.label, chapter: a.chapter, paragraphs: a.paragraphs, commentCount: perArticle.get(a.key) ?? 0 })),
    generalCommentCount: general,
    result: row.state === 'concluded' ? await adoptionReport(ctx, row, approved) : null,
  };
}

async function adoptionReport(ctx: PresentCtx, row: ConsultationRow, approved: CommentRow[]): Promise<AdoptionReport> {
  const counts = Object.fromEntries(decisions.map((d) => [d, 0])) as Record<Decision, number>;
  const groups = new Map<string | null, { anchor: string | null; label: string; total: number; adopted: number; partly: number; rejected: number }>();
  for (const c of approved) {
    const d = c.decision as Decision | null;
    if (d) counts[d]++;
    const anchor = c.anchor?.split('.')[0] ?? null;
    const g = groups.get(anchor) ?? { anchor, label: anchorLabel(anchor), total: 0, adopted: 0, partly: 0, rejected: 0 };
    g.total++;
    if (d) g[d]++;
    groups.set(anchor, g);
  }
  const byArticle = [...groups.values()].sort((a, b) => (a.anchor === null ? -1 : b.anchor === null ? 1 : Number(a.anchor) - Number(b.anchor)));
  let finalDocument: AdoptionReport['finalDocument'] = null;
  if (row.final_document_id) {
    try {
      const doc = await ctx.documents.getPublic(row.final_document_id);
      finalDocument = { id: doc.id, title: doc.edition.title, url: `/documents/${doc.id}` };
    } catch {
      finalDocument = null; // withdrawn since: no dead link
    }
  }
  return { summary: row.result_summary ?? '', publishedAt: row.result_published_at ?? '', total: approved.length, counts, byArticle, finalDocument };
}

export async function presentStaffView(ctx: PresentCtx, row: ConsultationRow, organisationName: string, actor: Actor): Promise<StaffConsultationView> {
  const view = await presentView(ctx, row, organisationName);
  const tally = await ctx.repo.tally(row.id);
  const sum = (f: (t: { status: string; decision: string | null }) => boolean) => tally.filter(f).reduce((s, t) => s + t.n, 0);
  return {
    ...view,
    state: row.state,
    draftText: row.draft_text,
    withdrawReason: row.withdraw_reason,
    finalDocumentId: row.final_document_id,
    allowed: allowedEvents(view.phase),
    tally: {
      pending: sum((t) => t.status === 'pending'),
      approved: sum((t) => t.status === 'approved'),
      rejected: sum((t) => t.status === 'rejected'),
      undecided: sum((t) => t.status === 'approved' && t.decision === null),
    },
    canManage: can(actor, 'consultation.manage', row.org_path),
    canModerate: can(actor, 'consultation.moderate', row.org_path),
  };
}
