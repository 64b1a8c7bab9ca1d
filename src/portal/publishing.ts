// Gathers what the publishing pages show from the services: a document with its links, validity and 更新记录;
// a column with its place in the catalog; the normative library with each document's validity.
import type { Services } from '../container.ts';
import type { LedgerEntry } from '../modules/ledger/index.ts';
import { AppError } from '../platform/errors.ts';
import { beijingDate } from './format.ts';
import { documentHref } from './urls.ts';
import type { ChangeLogEntry, Column, ColumnListing, DocRow, DocumentLink, PublicDocument, Validity } from './types.ts';

/** `ledger`: the publication-ledger entry that recorded the live edition, when there is one. */
export type DocumentView = { doc: PublicDocument; links: DocumentLink[]; validity: Validity | null; changeLog: ChangeLogEntry[]; ledger: LedgerEntry | null };
export type DocumentLookup = { kind: 'ok'; view: DocumentView } | { kind: 'gone'; replacement: { title: string; href: string } | null } | { kind: 'missing' };

const isStatus = (err: unknown, status: number) => err instanceof AppError && err.status === status;

export async function loadDocument(services: Services, idOrSlug: string): Promise<DocumentLookup> {
  let doc: PublicDocument;
  try {
    doc = await services.documents.getPublic(idOrSlug);
  } catch (err) {
    if (isStatus(err, 404)) return { kind: 'missing' };
    if (!isStatus(err, 410)) throw err;
    const replacementId = String((err as AppError).params.replacement ?? '');
    const replacement = replacementId ? await services.documents.getPublic(replacementId).catch(() => null) : null;
    const usable = replacement && replacement.publicState === 'published' ? { title: replacement.edition.title, href: documentHref(replacement) } : null;
    return { kind: 'gone', replacement: usable };
  }
  const [links, validity, changeLog, ledger] = await Promise.all([
    services.relations.links(null, doc.id),
    validityOf(services, doc),
    services.documents.changeLog(doc.id).catch(() => []),
    services.ledger.publicationOf(doc.id, doc.edition.id),
  ]);
  return { kind: 'ok', view: { doc, links, validity, changeLog, ledger } };
}

/** A normative document's validity today; null for other documents or when it cannot be computed yet. */
export async function validityOf(services: Services, doc: PublicDocument): Promise<Validity | null> {
  if (!doc.normativeKind) return null;
  return services.relations.validity(null, doc.id).catch(() => null);
}

export function docRow(doc: PublicDocument, validity?: Validity | null): DocRow {
  return {
    id: doc.id,
    href: documentHref(doc),
    title: doc.edition.title,
    docNo: doc.edition.docNo,
    publishedOn: beijingDate(doc.edition.publishedAt),
    organisationName: doc.organisationName,
    validity: validity ? { status: validity.status, name: validity.statusName } : null,
  };
}

export function columnRows(listing: ColumnListing): DocRow[] {
  return listing.items.map((i) => ({
    id: i.id,
    href: documentHref({ id: i.id, slug: i.slug }),
    title: i.title,
    docNo: i.doc_no,
    publishedOn: beijingDate(i.published_at),
  }));
}

/** Every published document matching the query, page by page, up to `limit`. */
export async function allPublic(services: Services, query: Omit<Parameters<Services['documents']['listPublic']>[0], 'page' | 'pageSize'>, limit = 50_000): Promise<PublicDocument[]> {
  const out: PublicDocument[] = [];
  for (let page = 1; out.length < limit; page++) {
    const result = await services.documents.listPublic({ ...query, page, pageSize: 100 });
    out.push(...result.items);
    if (result.items.length < 100 || out.length >= result.total) break;
  }
  return out.slice(0, limit);
}

/**
 * The organisation a column belongs to. The column DTO does not carry it yet, so it is read from a document
 * published in the column (a document is only ever placed in columns of its own organisation).
 */
export async function columnOrganisation(services: Services, listing: ColumnListing): Promise<string | null> {
  const column: object = listing.column;
  if ('organisationId' in column && typeof column.organisationId === 'string') return column.organisationId;
  const first = listing.items[0];
  if (!first) return null;
  return (await services.documents.getPublic(first.id).catch(() => null))?.organisationId ?? null;
}

export type ColumnNode = Column & { total: number; children: ColumnNode[] };

/** The flat column list as a tree; `total` counts the published documents of a column and everything below it. */
export function columnTree(columns: Column[]): ColumnNode[] {
  const nodes = new Map(columns.map((c) => [c.id, { ...c, total: c.documents, children: [] as ColumnNode[] }]));
  const roots: ColumnNode[] = [];
  for (const c of columns) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sum = (n: ColumnNode): number => (n.total = n.documents + n.children.reduce((s, c) => s + sum(c), 0));
  roots.forEach(sum);
  return roots;
}

/** From the root column down to the column's parent. */
export function columnAncestors(columns: Column[], id: string): Column[] {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const chain: Column[] = [];
  let parent = byId.get(id)?.parentId ? byId.get(byId.get(id)!.parentId!) : undefined;
  while (parent && chain.length < 20) {
    chain.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return chain;
}

export function findColumnNode(nodes: ColumnNode[], id: string): ColumnNode | undefined {
  for (const n of nodes) {
    const hit = n.id === id ? n : findColumnNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}
