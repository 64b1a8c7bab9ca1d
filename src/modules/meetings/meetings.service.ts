// Executive meetings (重大会议): the openness office records 常务会议 / 全体会议 with the press release, decided items
// (confidential ones flagged), linked interpretations and 开放情况, and publishes them. Public reads return only
// published meetings, and never a confidential item.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, parseJson } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { DocumentService } from '../documents/index.ts';
import { cleanUserText } from '../qa/index.ts';
import type { IndexedRecord } from '../../platform/search/index.ts';
import { MeetingsRepository, type MeetingFilter, type MeetingRow } from './meetings.repository.ts';
import {
  defaultTitle, meetingActions, meetingKindNames, meetingKinds, meetingStateNames, meetingTransition, noParticipation, participantKinds, publicItems, totalParticipants,
  type DecidedItem, type MeetingEvent, type MeetingKind, type MeetingState, type Participation,
} from './domain/meeting.ts';

export type MeetingInput = { orgId?: string; kind?: string; sessionNo?: number; title?: string; heldOn?: string; pressRelease?: string; items?: DecidedItem[]; participation?: Partial<Participation>; documentIds?: string[] };
export type DocRef = { id: string; title: string; slug: string };
export type PublicMeeting = {
  id: string; orgId: string; orgName: string; kind: MeetingKind; kindName: string; sessionNo: number; title: string; heldOn: string; pressRelease: string;
  decidedItems: string[]; participation: Participation; participantsTotal: number; documents: DocRef[]; publishedAt: string;
};
export type StaffMeeting = Omit<PublicMeeting, 'decidedItems' | 'publishedAt' | 'documents' | 'participantsTotal'> & {
  items: DecidedItem[]; documentIds: string[]; state: MeetingState; stateName: string; publishedAt: string | null; actions: MeetingEvent[];
};

/** Outbox topic of every state change of a meeting (a published one is withdrawn before it can be edited) (payload: meetingId); the search indexer listens. */
export const MEETING_CHANGED = 'meeting.changed';

const LIMITS = { title: 100, pressRelease: 20_000, items: 50, itemText: 1000, perKind: 10_000, links: 20 } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });

export class MeetingService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly documents: DocumentService,
  ) {}

  private repo(db: Kysely<DB> = this.db) {
    return new MeetingsRepository(db);
  }

  // ---------------------------------------------------------------- public
  async publicList(query: { orgId?: string; year?: number; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.orgId ? (await this.orgs.refs([query.orgId])).get(query.orgId) : undefined;
    const filter: MeetingFilter = { roots: query.orgId && !org ? [] : null, orgPath: org?.path, states: ['published'], year: query.year };
    const repo = this.repo();
    const [rows, total, years] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter), repo.years(filter)]);
    return { items: await this.presentPublic(rows), total, page, pageSize, years };
  }

  async publicGet(id: string): Promise<PublicMeeting> {
    const row = typeof id === 'string' && id.length <= 64 ? await this.repo().find(id) : undefined;
    if (!row || row.state !== 'published') throw new NotFoundError();
    return (await this.presentPublic([row]))[0]!;
  }

  // ---------------------------------------------------------------- staff
  async list(actor: Actor, query: { orgId?: string; year?: number; state?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.orgId ? (await this.orgs.refs([query.orgId])).get(query.orgId) : undefined;
    const filter: MeetingFilter = { roots: query.orgId && !org ? [] : scopeRoots(actor, 'meeting.read'), orgPath: org?.path, states: query.state ? [query.state] : undefined, year: query.year };
    const repo = this.repo();
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    return { items: await this.presentStaff(actor, rows), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<StaffMeeting> {
    return (await this.presentStaff(actor, [await this.readable(actor, id)]))[0]!;
  }

  async create(actor: Actor, input: MeetingInput): Promise<StaffMeeting> {
    const org = typeof input?.orgId === 'string' ? (await this.orgs.refs([input.orgId])).get(input.orgId) : undefined;
    if (!org || !can(actor, 'meeting.manage', org.path)) throw ValidationError.field('orgId', 'unknownOrg');
    const f = await this.fields(input, true, org.name);
    const id = newId();
    await this.uow(actor, async (tx) => {
      const now = nowIso();
      await this.repo(tx.db).insert({
        id, org_id: org.id, org_path: org.path, kind: f.kind!, session_no: f.sessionNo!, title: f.title!, held_on: f.heldOn!, press_release: f.pressRelease ?? '',
        items: JSON.stringify(f.items ?? []), participation: JSON.stringify(f.participation ?? noParticipation()), document_ids: JSON.stringify(f.documentIds ?? []),
        state: 'draft', published_at: null, created_at: now, updated_at: now,
      });
      await tx.audit({ action: 'meeting.create', entityType: 'meeting', entityId: id, org: { id: org.id, path: org.path }, after: { title: f.title, heldOn: f.heldOn } });
    });
    return this.get(actor, id);
  }

  /** The meeting as search indexes it (its public view: no confidential item), or null unless published. */
  async indexable(id: string): Promise<IndexedRecord | null> {
    const row = await this.repo().find(id);
    if (!row || row.state !== 'published') return null;
    const items = publicItems(parseJson<DecidedItem[]>(row.items, [])).map((text, i) => `${i + 1}. ${text}`);
    const publishedAt = row.published_at ?? row.updated_at;
    return {
      id: row.id,
      orgId: row.org_id,
      orgPath: row.org_path,
      title: row.title,
      body: [`${meetingKindNames[row.kind as MeetingKind]}（${row.held_on}）`, row.press_release, ...(items.length ? ['议定事项', ...items] : [])].join('\n'),
      docNo: null,
      indexNo: null,
      topic: null,
      genre: null,
      year: Number(publishedAt.slice(0, 4)),
      validity: null,
      publishedAt,
      url: `/meetings/${encodeURIComponent(row.id)}`,
      kind: 'meeting',
    };
  }

  /** Ids of every published meeting (for a full reindex). */
  publicIds(): Promise<string[]> {
    return this.repo().publishedIds();
  }

  async update(actor: Actor, id: string, input: MeetingInput): Promise<StaffMeeting> {
    const row = await this.readable(actor, id);
    const t = meetingTransition(row.state as MeetingState, 'edit', can(actor, 'meeting.manage', row.org_path));
    if (!t.ok) throw refused(t.reason);
    const orgName = (await this.orgs.refs([row.org_id])).get(row.org_id)?.name ?? '';
    const f = await this.fields(input, false, orgName);
    await this.uow(actor, async (tx) => {
      const ok = await this.repo(tx.db).update(id, row.updated_at, {
        ...(f.kind !== undefined && { kind: f.kind }),
        ...(f.sessionNo !== undefined && { session_no: f.sessionNo }),
        ...(f.title !== undefined && { title: f.title }),
        ...(f.heldOn !== undefined && { held_on: f.heldOn }),
        ...(f.pressRelease !== undefined && { press_release: f.pressRelease }),
        ...(f.items !== undefined && { items: JSON.stringify(f.items) }),
        ...(f.participation !== undefined && { participation: JSON.stringify(f.participation) }),
        ...(f.documentIds !== undefined && { document_ids: JSON.stringify(f.documentIds) }),
        updated_at: nowIso(),
      });
      if (!ok) throw new ConflictError('EDIT_CONFLICT');
      await tx.audit({ action: 'meeting.update', entityType: 'meeting', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { title: row.title }, after: { fields: Object.keys(f) } });
    });
    return this.get(actor, id);
  }

  async act(actor: Actor, id: string, event: MeetingEvent): Promise<StaffMeeting> {
    const row = await this.readable(actor, id);
    const t = meetingTransition(row.state as MeetingState, event, can(actor, 'meeting.manage', row.org_path));
    if (!t.ok) throw refused(t.reason);
    await this.uow(actor, async (tx) => {
      const now = nowIso();
      const ok = await this.repo(tx.db).update(id, row.updated_at, { state: t.next, updated_at: now, ...(t.next === 'published' && { published_at: now }) });
      if (!ok) throw new ConflictError('EDIT_CONFLICT');
      await tx.audit({ action: `meeting.${event}`, entityType: 'meeting', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { state: row.state }, after: { state: t.next } });
      await tx.emit({ topic: MEETING_CHANGED, payload: { meetingId: id } });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- helpers
  private async readable(actor: Actor, id: string): Promise<MeetingRow> {
    const row = typeof id === 'string' && id.length <= 64 ? await this.repo().find(id) : undefined;
    if (!row || !can(actor, 'meeting.read', row.org_path)) throw new NotFoundError();
    return row;
  }

  private async fields(input: MeetingInput, required: boolean, orgName: string) {
    const errors: FieldError[] = [];
    const out: { kind?: MeetingKind; sessionNo?: number; title?: string; heldOn?: string; pressRelease?: string; items?: DecidedItem[]; participation?: Participation; documentIds?: string[] } = {};
    if (input.kind !== undefined || required) {
      if ((meetingKinds as readonly unknown[]).includes(input.kind)) out.kind = input.kind as MeetingKind;
      else errors.push(custom('kind', '请选择会议类型（常务会议或全体会议）'));
    }
    if (input.sessionNo !== undefined || required) {
      if (Number.isInteger(input.sessionNo) && input.sessionNo! >= 1 && input.sessionNo! <= 999) out.sessionNo = input.sessionNo;
      else errors.push(custom('sessionNo', '请填写会议届次（1–999 的整数）'));
    }
    if (input.heldOn !== undefined || required) {
      const d = input.heldOn ?? '';
      if (DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d) out.heldOn = d;
      else errors.push(custom('heldOn', '请填写会议日期（YYYY-MM-DD）'));
    }
    if (input.title !== undefined) {
      const t = cleanUserText(input.title).replace(/\n/g, ' ');
      if (t.length > LIMITS.title) errors.push(custom('title', `标题不能超过 ${LIMITS.title} 字`));
      else if (t) out.title = t;
    }
    if (required && !out.title && out.kind && out.sessionNo) out.title = defaultTitle(orgName, out.kind, out.sessionNo);
    if (input.pressRelease !== undefined) {
      const p = cleanUserText(input.pressRelease);
      if (p.length > LIMITS.pressRelease) errors.push(custom('pressRelease', `会议通稿不能超过 ${LIMITS.pressRelease} 字`));
      else out.pressRelease = p;
    }
    if (input.items !== undefined) {
      const items = Array.isArray(input.items) ? input.items : [];
      if (items.length > LIMITS.items) errors.push(custom('items', `议定事项最多 ${LIMITS.items} 项`));
      const cleaned = items.map((i) => ({ text: cleanUserText(i?.text), confidential: i?.confidential === true }));
      cleaned.forEach((i, n) => {
        if (!i.text) errors.push(custom(`items.${n}.text`, `第 ${n + 1} 项议定事项为空`));
        else if (i.text.length > LIMITS.itemText) errors.push(custom(`items.${n}.text`, `第 ${n + 1} 项议定事项不能超过 ${LIMITS.itemText} 字`));
      });
      out.items = cleaned;
    }
    if (input.participation !== undefined) {
      const p = noParticipation();
      for (const k of participantKinds) {
        const v = input.participation?.[k] ?? 0;
        if (!Number.isInteger(v) || v < 0 || v > LIMITS.perKind) errors.push(custom(`participation.${k}`, '人数应为 0 或正整数'));
        else p[k] = v;
      }
      out.participation = p;
    }
    if (input.documentIds !== undefined) {
      const ids = [...new Set(Array.isArray(input.documentIds) ? input.documentIds : [])];
      if (ids.length > LIMITS.links) errors.push(custom('documentIds', `最多关联 ${LIMITS.links} 个文件`));
      const docs = await Promise.all(ids.map((d) => this.publicDoc(d)));
      if (docs.some((d) => !d)) errors.push(custom('documentIds', '关联的解读文件不存在或未公开'));
      out.documentIds = ids;
    }
    if (errors.length) throw new ValidationError(errors);
    return out;
  }

  private async publicDoc(id: string) {
    if (typeof id !== 'string' || !id || id.length > 64) return null;
    return this.documents.getPublic(id).catch(() => null);
  }

  private async presentPublic(rows: MeetingRow[]): Promise<PublicMeeting[]> {
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return Promise.all(
      rows.map(async (r) => {
        const participation = { ...noParticipation(), ...parseJson<Partial<Participation>>(r.participation, {}) };
        const docs = (await Promise.all(parseJson<string[]>(r.document_ids, []).map((d) => this.publicDoc(d)))).filter((d) => d);
        return {
          id: r.id, orgId: r.org_id, orgName: names.get(r.org_id)?.name ?? '', kind: r.kind as MeetingKind, kindName: meetingKindNames[r.kind as MeetingKind], sessionNo: r.session_no,
          title: r.title, heldOn: r.held_on, pressRelease: r.press_release, decidedItems: publicItems(parseJson<DecidedItem[]>(r.items, [])), participation,
          participantsTotal: totalParticipants(participation), documents: docs.map((d) => ({ id: d!.id, title: d!.edition.title, slug: d!.slug })), publishedAt: r.published_at ?? r.updated_at,
        };
      }),
    );
  }

  private async presentStaff(actor: Actor, rows: MeetingRow[]): Promise<StaffMeeting[]> {
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({
      id: r.id, orgId: r.org_id, orgName: names.get(r.org_id)?.name ?? '', kind: r.kind as MeetingKind, kindName: meetingKindNames[r.kind as MeetingKind], sessionNo: r.session_no,
      title: r.title, heldOn: r.held_on, pressRelease: r.press_release, items: parseJson<DecidedItem[]>(r.items, []),
      participation: { ...noParticipation(), ...parseJson<Partial<Participation>>(r.participation, {}) }, documentIds: parseJson<string[]>(r.document_ids, []),
      state: r.state as MeetingState, stateName: meetingStateNames[r.state as MeetingState], publishedAt: r.published_at,
      actions: can(actor, 'meeting.manage', r.org_path) ? meetingActions(r.state as MeetingState) : [],
    }));
  }
}
