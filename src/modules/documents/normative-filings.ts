import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import type { OutboxProcessor } from '../../platform/events/outbox.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { can, scopeRoots, systemActor, type Actor } from '../../platform/authz/actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { OrganisationService, OrgRef } from '../organisations/index.ts';
import { DocumentRepository } from './documents.repository.ts';
import { beijingToday, type DocumentRelations } from './document-relations.ts';
import { DOCUMENT_PUBLISHED, type DocumentWorkflow } from './document-workflow.ts';
import { NormativeProcessRepository, type FilingFilter, type FilingView } from './normative-processes.repository.ts';
import { escapeHtml, publishDecisionDocument } from './normative-decision.ts';
import {
  filingOverdue,
  filingOverdueNames,
  filingResultNames,
  filingStateNames,
  filingTransition,
  formatZhDate,
  periodEnd,
  toChinaDate,
  type DayCount,
  type FilingCapacity,
  type FilingEvent,
} from './domain/index.ts';
import type { FilingDtoType, FilingListQueryType } from './normative.schemas.ts';
import { daysBetween, type TodoProvider } from './todo.service.ts';

export type FilingOptions = { filingDays: number; reviewDays: number; dayCount: DayCount; isWorkingDay: (date: string) => boolean };

const GOVERNMENT_KINDS = new Set(['city', 'county', 'township']);

/**
 * 备案审查: a filing record opens when a normative document is first published, addressed to the filing authority
 * (the judicial bureau of the government the document is filed with); the issuer files it, the authority reviews
 * it. Who may see a filing: the issuer's staff (document.edit) and the openness office (org.manage) on the issuer's
 * subtree, and the reviewers (normative.filing_review) on the authority's subtree; anyone else gets 404.
 */
export class NormativeFilings {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly relations: DocumentRelations,
    private readonly workflow: DocumentWorkflow,
    private readonly options: FilingOptions,
  ) {}

  register(outbox: OutboxProcessor): void {
    outbox.on(DOCUMENT_PUBLISHED, async (e) => {
      await this.openFor(String(e.payload.documentId));
    });
  }

  /** Opens the filing of a normative document on its first publication; idempotent (one filing per document). */
  async openFor(documentId: string): Promise<void> {
    const doc = await new DocumentRepository(this.db).find(documentId);
    if (!doc || !doc.normative_kind || doc.public_state !== 'published' || !doc.published_edition_id) return;
    // Bulk-imported historical documents (source_key set) were filed, if ever, outside Gongkai: no overdue flood.
    if (doc.source_key) return;
    if (await new NormativeProcessRepository(this.db).filingOf(documentId)) return;
    const authority = await this.authorityOf(doc.org_id);
    await this.uow(systemActor('备案审查'), async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      if (await repo.filingOf(documentId)) return;
      const edition = (await new DocumentRepository(tx.db).findEdition(doc.published_edition_id!))!;
      const publishedOn = toChinaDate(edition.published_at ?? nowIso());
      const now = nowIso();
      const row = {
        id: newId(),
        document_id: documentId,
        issuer_org_id: doc.org_id,
        authority_org_id: authority?.id ?? null,
        published_on: publishedOn,
        due_on: periodEnd(publishedOn, this.options.filingDays, this.options.dayCount, this.options.isWorkingDay),
        state: 'due' as const,
        filed_on: null,
        filed_by: null,
        filing_note: null,
        review_due_on: null,
        result: null,
        opinion: null,
        revoked_from: null,
        reviewed_by: null,
        reviewed_at: null,
        decision_document_id: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertFiling(row);
      await tx.audit({
        action: 'normative.filing.open',
        entityType: 'filing',
        entityId: row.id,
        org: { id: doc.org_id, path: doc.org_path },
        after: { documentId, authorityOrgId: row.authority_org_id, dueOn: row.due_on },
      });
    });
  }

  /**
   * The filing authority of an issuing organisation: the explicit setting, else the 司法局 department of the
   * government the document is filed with — its own government for a department (部门规范性文件), the government
   * above for a government (政府规范性文件). Null when none is found (e.g. the city itself files with the province).
   */
  async authorityOf(orgId: string, db: Kysely<DB> = this.db): Promise<OrgRef | null> {
    const configured = await new NormativeProcessRepository(db).authorityFor(orgId);
    if (configured) return (await this.orgs.refs([configured], db)).get(configured) ?? null;
    const self = (await this.orgs.refs([orgId], db)).get(orgId);
    if (!self) return null;
    const chainIds = self.path.split('/').filter(Boolean);
    const chain = await this.orgs.refs(chainIds, db);
    const ancestors = chainIds
      .slice(0, -1)
      .map((id) => chain.get(id)!)
      .filter(Boolean)
      .reverse();
    const government = ancestors.find((o) => GOVERNMENT_KINDS.has(o.kind));
    if (!government) return null;
    const bureaus = await this.orgs.list(systemActor(), { parentId: government.id, q: '司法局', pageSize: 10 });
    const bureau = bureaus.items.find((o) => o.name.includes('司法局') && o.kind === 'department');
    return bureau ? ((await this.orgs.refs([bureau.id], db)).get(bureau.id) ?? null) : null;
  }

  async list(actor: Actor, query: FilingListQueryType) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = query.asOf ?? beijingToday();
    const orgPath = query.organisationId
      ? ((await this.orgs.refs([query.organisationId])).get(query.organisationId)?.path ?? '/-/')
      : undefined;
    const filter: FilingFilter = {
      issuerRoots: mergeRoots(scopeRoots(actor, 'document.edit'), scopeRoots(actor, 'org.manage')),
      authorityRoots: scopeRoots(actor, 'normative.filing_review') ?? [],
      state: query.state,
      overdueOn: query.overdue ? today : undefined,
      orgPath,
      q: query.q,
    };
    const repo = new NormativeProcessRepository(this.db);
    const [rows, total] = await Promise.all([repo.listFilings(filter, (page - 1) * pageSize, pageSize), repo.countFilings(filter)]);
    return { items: rows.map((r) => present(actor, r, today)), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<FilingDtoType> {
    const row = await new NormativeProcessRepository(this.db).findFiling(id);
    if (!row || (capacities(actor, row).length === 0 && !can(actor, 'org.manage', row.issuer_path))) throw new NotFoundError();
    return present(actor, row, beijingToday());
  }

  /** 报送备案 by the issuer (again after a 纠正 result, once corrected). */
  async file(actor: Actor, id: string, input: { filedOn?: string; note?: string | null }): Promise<FilingDtoType> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireVisible(repo, actor, id);
      const today = beijingToday();
      const filedOn = input.filedOn ?? today;
      this.check(actor, row, { type: 'file', filedOn, note: input.note }, today);
      const patch = {
        state: 'filed' as const,
        filed_on: filedOn,
        filed_by: actor.userId,
        filing_note: input.note?.trim() || null,
        review_due_on: periodEnd(filedOn, this.options.reviewDays, this.options.dayCount, this.options.isWorkingDay),
        result: null,
        opinion: null,
        reviewed_by: null,
        reviewed_at: null,
        updated_at: nowIso(),
      };
      await repo.updateFiling(id, patch);
      await tx.audit({
        action: 'normative.filing.file',
        entityType: 'filing',
        entityId: id,
        org: { id: row.issuer_org_id, path: row.issuer_path },
        before: { state: row.state, result: row.result },
        after: { state: 'filed', filedOn, note: patch.filing_note },
      });
    });
    return this.get(actor, id);
  }

  /** The reviewer's result; 撤销 publishes the revocation decision whose effect repeals the document from the given date. */
  async review(
    actor: Actor,
    id: string,
    input: { result: 'passed' | 'correction' | 'revoked'; opinion?: string | null; revokedFrom?: string | null },
  ): Promise<FilingDtoType> {
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const row = await this.requireVisible(repo, actor, id);
      this.check(actor, row, { type: 'review', ...input }, beijingToday());
      const opinion = input.opinion?.trim() || null;
      let decisionId: string | null = null;
      if (input.result === 'revoked') {
        const body = `<p>经备案审查，${escapeHtml(row.issuer_name)}制定的《${escapeHtml(row.title)}》${row.doc_no ? `（${escapeHtml(row.doc_no)}）` : ''}予以撤销，自${formatZhDate(input.revokedFrom!)}起不再执行。</p><p>审查意见：${escapeHtml(opinion ?? '')}</p>`;
        decisionId = await publishDecisionDocument(tx, this.relations, this.workflow, {
          orgId: row.authority_org_id!,
          title: `关于撤销《${row.title}》的决定`,
          bodyHtml: body,
          genre: '决定',
          publishedOn: beijingToday(),
          effects: [{ affectedDocumentId: row.document_id, type: 'repeals', inForceOn: input.revokedFrom! }],
        });
      }
      const patch = {
        state: 'reviewed' as const,
        result: input.result,
        opinion,
        revoked_from: input.result === 'revoked' ? input.revokedFrom! : null,
        reviewed_by: actor.userId,
        reviewed_at: nowIso(),
        decision_document_id: decisionId,
        updated_at: nowIso(),
      };
      await repo.updateFiling(id, patch);
      await tx.audit({
        action: 'normative.filing.review',
        entityType: 'filing',
        entityId: id,
        org: { id: row.authority_org_id!, path: row.authority_path! },
        before: { state: row.state },
        after: { state: 'reviewed', result: input.result, opinion, revokedFrom: patch.revoked_from, decisionDocumentId: decisionId },
      });
    });
    return this.get(actor, id);
  }

  /** The explicit filing authority of an organisation (openness office); not-yet-filed filings follow it. */
  async setAuthority(actor: Actor, orgId: string, authorityOrgId: string) {
    const refs = await this.orgs.refs([orgId, authorityOrgId]);
    const org = refs.get(orgId);
    if (!org || !can(actor, 'org.manage', org.path)) throw new NotFoundError();
    if (!refs.get(authorityOrgId) || authorityOrgId === orgId) throw ValidationError.field('authorityOrgId', 'invalid');
    await this.uow(actor, async (tx) => {
      const repo = new NormativeProcessRepository(tx.db);
      const before = await repo.authorityFor(orgId);
      const now = nowIso();
      await repo.setAuthority(orgId, authorityOrgId, actor.userId, now);
      const readdressed = await repo.readdressDue(orgId, authorityOrgId, now);
      await tx.audit({
        action: 'normative.filing.authority',
        entityType: 'organisation',
        entityId: orgId,
        org,
        before: { authorityOrgId: before ?? null },
        after: { authorityOrgId, readdressed },
      });
    });
    return this.getAuthority(actor, orgId);
  }

  async getAuthority(actor: Actor, orgId: string) {
    const org = (await this.orgs.refs([orgId])).get(orgId);
    if (!org || !(can(actor, 'org.manage', org.path) || can(actor, 'document.edit', org.path))) throw new NotFoundError();
    const configured = await new NormativeProcessRepository(this.db).authorityFor(orgId);
    const authority = await this.authorityOf(orgId);
    return {
      organisationId: orgId,
      configured: configured != null,
      authority: authority ? { id: authority.id, name: authority.name } : null,
    };
  }

  private async requireVisible(repo: NormativeProcessRepository, actor: Actor, id: string): Promise<FilingView> {
    const row = await repo.findFiling(id);
    if (!row || (capacities(actor, row).length === 0 && !can(actor, 'org.manage', row.issuer_path))) throw new NotFoundError();
    return row;
  }

  private check(actor: Actor, row: FilingView, event: FilingEvent, today: string): void {
    const result = filingTransition(
      {
        state: row.state,
        result: row.result,
        publishedOn: row.published_on,
        filedOn: row.filed_on,
        today,
        capacities: capacities(actor, row),
        hasAuthority: row.authority_org_id != null,
      },
      event,
    );
    if (!result.ok) {
      const status =
        result.reason.code === 'role_not_allowed'
          ? 403
          : result.reason.code === 'invalid_transition' || result.reason.code === 'no_authority'
            ? 409
            : 400;
      throw new AppError('TRANSITION_REFUSED', status, {
        reason: { zh: result.reason.zh, en: result.reason.en },
        refusal: result.reason.code,
      });
    }
  }
}

/**
 * 工作待办 entries for filings: the issuer's filings still to be filed (or re-filed after 纠正) and the judicial
 * bureau's filings waiting for review; urgent when overdue or due within 7 days.
 */
export function filingTodos(filings: NormativeFilings): TodoProvider {
  return {
    kind: 'normative_filing',
    name: '规范性文件备案',
    async list(actor, today) {
      const pages = await Promise.all(
        (['due', 'filed', 'reviewed'] as const).map((state) => filings.list(actor, { state, asOf: today, page: 1, pageSize: 100 })),
      );
      return pages
        .flatMap((p) => p.items)
        .filter((f) => f.canFile || f.canReview)
        .map((f) => {
          const dueOn = f.canReview ? f.reviewDueOn : f.dueOn;
          const daysLeft = dueOn ? daysBetween(today, dueOn) : null;
          return {
            kind: 'normative_filing',
            id: f.id,
            title: f.title,
            detail: f.canReview
              ? `${f.issuer.name}已报送备案，请审查并记录结果（通过、纠正或撤销）。`
              : f.state === 'reviewed'
                ? `备案审查要求纠正：${f.opinion ?? ''}。纠正后请重新报送。`
                : `请于${dueOn ?? ''}前报送${f.authority?.name ?? '备案审查机关'}备案。`,
            organisationId: f.issuer.id,
            organisationName: f.issuer.name,
            dueOn,
            daysLeft,
            urgent: daysLeft !== null && daysLeft <= 7,
            href: '/normative-filings',
          };
        });
    },
  };
}

function capacities(actor: Actor, row: FilingView): FilingCapacity[] {
  const out: FilingCapacity[] = [];
  if (can(actor, 'document.edit', row.issuer_path)) out.push('issuer');
  if (row.authority_path && can(actor, 'normative.filing_review', row.authority_path)) out.push('reviewer');
  return out;
}

function mergeRoots(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null || b === null) return null;
  return [...new Set([...a, ...b])];
}

function present(actor: Actor, r: FilingView, today: string): FilingDtoType {
  const overdue = filingOverdue({ state: r.state, dueOn: r.due_on, reviewDueOn: r.review_due_on }, today);
  const caps = capacities(actor, r);
  return {
    id: r.id,
    documentId: r.document_id,
    title: r.title,
    docNo: r.doc_no,
    issuer: { id: r.issuer_org_id, name: r.issuer_name },
    authority: r.authority_org_id ? { id: r.authority_org_id, name: r.authority_name ?? '' } : null,
    publishedOn: r.published_on,
    dueOn: r.due_on,
    state: r.state,
    stateName: filingStateNames[r.state],
    filedOn: r.filed_on,
    filingNote: r.filing_note,
    reviewDueOn: r.review_due_on,
    result: r.result,
    resultName: r.result ? filingResultNames[r.result] : null,
    opinion: r.opinion,
    revokedFrom: r.revoked_from,
    reviewedAt: r.reviewed_at,
    decisionDocumentId: r.decision_document_id,
    overdue,
    overdueName: overdue ? filingOverdueNames[overdue] : null,
    canFile: caps.includes('issuer') && (r.state === 'due' || (r.state === 'reviewed' && r.result === 'correction')),
    canReview: caps.includes('reviewer') && r.state === 'filed',
  };
}
