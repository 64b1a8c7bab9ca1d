// Topics the documents module emits through the outbox (processors: search indexing, later notifications).
export const DOCUMENT_PUBLISHED = 'document.published';
export const DOCUMENT_REMOVED = 'document.removed';
/** A published document's validity changed: an effect applied or removed, or a date reached. */
export const DOCUMENT_VALIDITY_CHANGED = 'document.validity_changed';
