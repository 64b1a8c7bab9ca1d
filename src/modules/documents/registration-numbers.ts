// 统一登记编号 of normative documents: generated when a normative document is first published, or entered by hand
// (the judicial bureau often assigns it) and checked against the configured pattern. Unique over all documents.
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { can, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { DocumentRepository, type DocumentWithOrg } from './documents.repository.ts';
import {
  checkRegistrationNo, formatRegistrationNo, parseRegistrationPattern, sequenceKey, sequenceOwner, toChinaDate,
  type ParsedPattern, type RegistrationValues,
} from './domain/index.ts';

/** Numbers skipped at most when hand-entered numbers already took the next ones. */
const MAX_SKIP = 1000;

export class RegistrationNumbers {
  readonly pattern: ParsedPattern;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    pattern: string,
  ) {
    const parsed = parseRegistrationPattern(pattern);
    if (!parsed.ok) throw new Error(`GONGKAI_REGISTRATION_PATTERN: ${parsed.errors.map((e) => e.zh).join(' ')}`);
    this.pattern = parsed.value;
  }

  /** Inside the publishing transaction: the next number for a normative document without one, else nothing. */
  async assignOnPublish(tx: Tx, doc: DocumentWithOrg, now = nowIso()): Promise<string | null> {
    if (!doc.normative_kind || doc.registration_no) return null;
    const repo = new DocumentRepository(tx.db);
    const { values, owner } = await this.valuesFor(tx, doc, Number(toChinaDate(now).slice(0, 4)));
    const key = sequenceKey(this.pattern, values);
    if (!key.ok) throw new AppError('REGISTRATION_NO_UNAVAILABLE', 409, { reason: key.errors.map((e) => e.zh).join(' ') });
    for (let i = 0; i < MAX_SKIP; i++) {
      const seq = await repo.nextSequence(owner, key.value);
      const formatted = formatRegistrationNo(this.pattern, values, seq);
      if (!formatted.ok) throw new AppError('REGISTRATION_NO_UNAVAILABLE', 409, { reason: formatted.errors.map((e) => e.zh).join(' ') });
      if (!(await repo.registrationNoTaken(formatted.value, doc.id))) {
        await repo.updateDocument(doc.id, { registration_no: formatted.value });
        return formatted.value;
      }
    }
    throw new AppError('REGISTRATION_NO_UNAVAILABLE', 409, { reason: '序号已被手工登记的编号占用' });
  }

  /** Sets (or clears, with null) a hand-entered number; a number of this pattern moves its counter past it. */
  async setManual(actor: Actor, documentId: string, input: string | null): Promise<string | null> {
    return this.uow(actor, async (tx) => {
      const repo = new DocumentRepository(tx.db);
      const doc = await repo.find(documentId);
      if (!doc || !can(actor, 'document.edit', doc.org_path)) throw new NotFoundError();
      if (!doc.normative_kind) throw new AppError('NOT_NORMATIVE', 409);
      const value = input?.trim() || null;
      if (value) {
        const checked = checkRegistrationNo(this.pattern, value);
        if (!checked.ok) throw new AppError('REGISTRATION_NO_FORMAT', 400, { pattern: this.pattern.source });
        if (await repo.registrationNoTaken(value, doc.id)) throw new ConflictError('REGISTRATION_NO_TAKEN', { registrationNo: value });
        const { values, owner } = await this.valuesFor(tx, doc, checked.value.year ?? Number(toChinaDate(nowIso()).slice(0, 4)));
        const key = sequenceKey(this.pattern, { ...values, ...stripSeq(checked.value) });
        if (key.ok) await repo.raiseSequence(owner, key.value, checked.value.seq);
      }
      await repo.updateDocument(doc.id, { registration_no: value, updated_at: nowIso() });
      await tx.audit({ action: 'document.registration_no', entityType: 'document', entityId: doc.id, org: { id: doc.org_id, path: doc.org_path }, before: { registrationNo: doc.registration_no }, after: { registrationNo: value } });
      return value;
    });
  }

  /**
   * Token values for a document, and the organisation that owns the counter: the document's own organisation when
   * the number names it, the organisation whose division code it carries, or the root of the tree.
   */
  private async valuesFor(tx: Tx, doc: DocumentWithOrg, year: number): Promise<{ values: RegistrationValues; owner: string }> {
    const chain = doc.org_path.split('/').filter(Boolean);
    const refs = await this.orgs.refs(chain, tx.db);
    const self = refs.get(doc.org_id)!;
    // Departments have no division code of their own: they number under their government's.
    const divisionOrg = [...chain].reverse().map((id) => refs.get(id)).find((o) => o?.divisionCode);
    const values: RegistrationValues = { uscc: self.uscc, divisionCode: divisionOrg?.divisionCode ?? null, orgCode: doc.org_id.slice(-8), year };
    const ownerKind = sequenceOwner(this.pattern);
    const owner = ownerKind === 'organisation' ? doc.org_id : ownerKind === 'division' ? (divisionOrg?.id ?? chain[0]!) : chain[0]!;
    return { values, owner };
  }
}

function stripSeq<T extends { seq?: number }>(v: T): Omit<T, 'seq'> {
  const { seq: _seq, ...rest } = v;
  return rest;
}

