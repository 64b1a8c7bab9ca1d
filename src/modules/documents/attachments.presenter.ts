import type { AttachmentSummary } from './attachments.repository.ts';
import type { AttachmentDto } from './attachments.schemas.ts';

const KIND_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'text',
};

export function kindOfMime(mime: string): string {
  return KIND_BY_MIME[mime] ?? (mime.startsWith('image/') ? 'image' : 'other');
}

export function attachmentUrl(documentId: string, editionId: string, attachmentId: string): string {
  return `/api/v1/documents/${documentId}/editions/${editionId}/attachments/${attachmentId}`;
}

/**
 * Attachments in reading order: by sort order, except that an HTML version comes immediately before the file it
 * stands in for, marked as preferred, and that file is marked as the original (原件). Links to attachments that are
 * not in the list, from non-HTML files or to HTML files are ignored.
 */
export function presentAttachments(documentId: string, rows: AttachmentSummary[]): AttachmentDto[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versionOf = new Map<string, AttachmentSummary>(); // original id → its HTML version (the first one)
  for (const r of rows) {
    const original = r.html_version_of ? byId.get(r.html_version_of) : undefined;
    // Only an HTML file stands in for a non-HTML one, so versions never chain.
    if (original && r.mime === 'text/html' && original.mime !== 'text/html' && !versionOf.has(original.id)) versionOf.set(original.id, r);
  }
  const placedVersions = new Set([...versionOf.values()].map((r) => r.id));
  const ordered: AttachmentSummary[] = [];
  for (const r of rows) {
    if (placedVersions.has(r.id)) continue; // placed before its original
    const version = versionOf.get(r.id);
    if (version) ordered.push(version);
    ordered.push(r);
  }
  return ordered.map((r) => ({
    id: r.id,
    editionId: r.edition_id,
    name: r.filename,
    mime: r.mime,
    kind: kindOfMime(r.mime),
    size: r.size,
    accessible: r.accessible === 1,
    htmlVersionOf: r.html_version_of,
    preferred: placedVersions.has(r.id),
    original: versionOf.has(r.id),
    sortOrder: r.sort_order,
    textChars: r.text_chars,
    url: attachmentUrl(documentId, r.edition_id, r.id),
    createdAt: r.created_at,
  }));
}
