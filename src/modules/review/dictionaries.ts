// The administrator-managed dictionaries (sensitive words, wrong expressions with their correct form). Every change
// bumps a version counter in the database; each app instance keeps one compiled automaton and rebuilds it when it
// sees a newer version, so a change reaches every instance without a restart.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { compileDictionary, type CompiledDictionary } from './scanner/index.ts';
import { ReviewRepository, type DictionaryRow } from './review.repository.ts';
import { canManageReviewSettings, canReadReviewSettings } from './review.policy.ts';
import type { DictionaryKind, SeverityCode } from './review.tables.ts';

export const DICTIONARY_CHANGED = 'review.dictionary_changed';
export const MAX_IMPORT = 100_000;

export type EntryInput = { word: string; kind: DictionaryKind; correct?: string | null; severity?: SeverityCode; note?: string | null; active?: boolean };
export type EntryDto = { id: string; word: string; kind: DictionaryKind; correct: string | null; severity: SeverityCode; note: string | null; active: boolean; updatedAt: string };

const present = (r: DictionaryRow): EntryDto => ({ id: r.id, word: r.word, kind: r.kind, correct: r.correct, severity: r.severity, note: r.note, active: r.active === 1, updatedAt: r.updated_at });

/** Sensitive words default to high (blocking unless overridden); wrong expressions to medium (a fix, not a leak). */
const defaultSeverity = (kind: DictionaryKind): SeverityCode => (kind === 'sensitive' ? 'high' : 'medium');

export class Dictionaries {
  private cache: { version: number; compiled: CompiledDictionary } | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
  ) {}

  /** The compiled dictionary for the current version (one cheap query when nothing changed). */
  async compiled(db: Kysely<DB> = this.db): Promise<{ version: number; compiled: CompiledDictionary }> {
    const repo = new ReviewRepository(db);
    const version = await repo.dictionaryVersion();
    if (this.cache?.version === version) return this.cache;
    const entries = await repo.activeEntries();
    const compiled = compileDictionary(entries.map((e) => ({ id: e.id, word: e.word, kind: e.kind, correct: e.correct, severity: e.severity, note: e.note })));
    this.cache = { version, compiled };
    return this.cache;
  }

  async list(actor: Actor, query: { kind?: DictionaryKind; q?: string; page?: number; pageSize?: number }) {
    if (!canReadReviewSettings(actor)) throw new ForbiddenError();
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 50, 500);
    const repo = new ReviewRepository(this.db);
    const [rows, total, version] = await Promise.all([repo.listEntries(query, (page - 1) * pageSize, pageSize), repo.countEntries(query), repo.dictionaryVersion()]);
    return { items: rows.map(present), total, page, pageSize, version };
  }

  async create(actor: Actor, input: EntryInput): Promise<EntryDto> {
    this.assertManager(actor);
    const row = toRow(input);
    return this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      if (await repo.findEntryByWord(row.kind, row.word)) throw new ConflictError('REVIEW_DICTIONARY_DUPLICATE', { word: row.word });
      await repo.insertEntries([row]);
      const version = await repo.bumpDictionaryVersion();
      await tx.audit({ action: 'review.dictionary_create', entityType: 'review_dictionary', entityId: row.id, after: present(row) });
      await tx.emit({ topic: DICTIONARY_CHANGED, payload: { version } });
      return present(row);
    });
  }

  async update(actor: Actor, id: string, input: Partial<EntryInput>): Promise<EntryDto> {
    this.assertManager(actor);
    return this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const before = await repo.findEntry(id);
      if (!before) throw new NotFoundError();
      const merged = toRow({ ...present(before), ...input }, before);
      if (merged.word !== before.word || merged.kind !== before.kind) {
        const clash = await repo.findEntryByWord(merged.kind, merged.word);
        if (clash && clash.id !== id) throw new ConflictError('REVIEW_DICTIONARY_DUPLICATE', { word: merged.word });
      }
      const patch = { word: merged.word, kind: merged.kind, correct: merged.correct, severity: merged.severity, note: merged.note, active: merged.active, updated_at: nowIso() };
      await repo.updateEntry(id, patch);
      const version = await repo.bumpDictionaryVersion();
      const after = { ...before, ...patch };
      await tx.audit({ action: 'review.dictionary_update', entityType: 'review_dictionary', entityId: id, before: present(before), after: present(after) });
      await tx.emit({ topic: DICTIONARY_CHANGED, payload: { version } });
      return present(after);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    this.assertManager(actor);
    await this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const before = await repo.findEntry(id);
      if (!before) throw new NotFoundError();
      await repo.deleteEntry(id);
      const version = await repo.bumpDictionaryVersion();
      await tx.audit({ action: 'review.dictionary_delete', entityType: 'review_dictionary', entityId: id, before: present(before) });
      await tx.emit({ topic: DICTIONARY_CHANGED, payload: { version } });
    });
  }

  /**
   * Bulk import from CSV or plain text: one entry per line, `word[,correct[,severity[,note]]]` (a TXT line is just
   * the word). Existing words of the same kind are updated, new ones added; one audit row for the whole import.
   */
  async import(actor: Actor, kind: DictionaryKind, content: string): Promise<{ added: number; updated: number; skipped: number; version: number }> {
    this.assertManager(actor);
    const parsed = parseImport(content, kind);
    if (parsed.entries.length === 0) throw new AppError('REVIEW_IMPORT_EMPTY', 400);
    if (parsed.entries.length > MAX_IMPORT) throw new AppError('REVIEW_IMPORT_TOO_MANY', 400, { limit: MAX_IMPORT });
    return this.uow(actor, async (tx) => {
      const repo = new ReviewRepository(tx.db);
      const existing = await repo.existingWords(kind, parsed.entries.map((e) => e.word));
      const fresh: DictionaryRow[] = [];
      let updated = 0;
      const now = nowIso();
      for (const e of parsed.entries) {
        const id = existing.get(e.word);
        if (id) {
          await repo.updateEntry(id, { correct: e.correct ?? null, severity: e.severity ?? defaultSeverity(kind), note: e.note ?? null, active: 1, updated_at: now });
          updated += 1;
        } else fresh.push(toRow(e));
      }
      await repo.insertEntries(fresh);
      const version = await repo.bumpDictionaryVersion();
      const summary = { kind, added: fresh.length, updated, skipped: parsed.skipped, version };
      await tx.audit({ action: 'review.dictionary_import', entityType: 'review_dictionary', entityId: null, after: summary });
      await tx.emit({ topic: DICTIONARY_CHANGED, payload: { version } });
      return { added: fresh.length, updated, skipped: parsed.skipped, version };
    });
  }

  private assertManager(actor: Actor): void {
    if (!canManageReviewSettings(actor)) throw new ForbiddenError();
  }
}

const SEVERITIES = new Set(['block', 'high', 'medium', 'low']);

function toRow(input: EntryInput | (EntryDto & Partial<EntryInput>), before?: DictionaryRow): DictionaryRow {
  const word = input.word?.trim() ?? '';
  if (!word) throw ValidationError.field('word', 'required');
  if (word.length > 100) throw ValidationError.field('word', 'maxLength', { limit: 100 });
  if (input.kind !== 'sensitive' && input.kind !== 'wrong') throw ValidationError.field('kind', 'enum', { values: 'sensitive, wrong' });
  const correct = input.correct?.trim() || null;
  if (input.kind === 'wrong' && !correct) throw ValidationError.field('correct', 'required');
  const now = nowIso();
  return {
    id: before?.id ?? newId(),
    word,
    kind: input.kind,
    correct: input.kind === 'wrong' ? correct : null,
    severity: input.severity ?? before?.severity ?? defaultSeverity(input.kind),
    note: input.note?.trim() || null,
    active: input.active === false ? 0 : 1,
    created_at: before?.created_at ?? now,
    updated_at: now,
  };
}

/** Parses an import file (exported for tests): CSV with optional header, or one word per line. */
export function parseImport(content: string, kind: DictionaryKind): { entries: EntryInput[]; skipped: number } {
  const seen = new Set<string>();
  const entries: EntryInput[] = [];
  let skipped = 0;
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const cells = splitCsvLine(line).map((c) => c.trim());
    if (i === 0 && /^(word|词语|词条)$/i.test(cells[0] ?? '')) continue;
    const [word = '', correct = '', severity = '', note = ''] = cells;
    if (!word || word.length > 100 || (kind === 'wrong' && !correct) || (severity && !SEVERITIES.has(severity)) || seen.has(word)) {
      skipped += 1;
      continue;
    }
    seen.add(word);
    entries.push({ word, kind, correct: kind === 'wrong' ? correct : null, severity: (severity || undefined) as SeverityCode | undefined, note: note || null });
  }
  return { entries, skipped };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\t') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
