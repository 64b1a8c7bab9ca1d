// Bulk import, the pure part: reading sources and extracting metadata. The CLI and the database side use these.
export {
  readImportSources,
  type ImportItem,
  type ImportSource,
  type ImportFailure,
  type ImportKind,
  type ReadImportOptions,
} from './sources.ts';
export { extractDocumentMetadata, documentInputFromRecord, contentHash, type DocumentMetadata, type MetadataHints } from './metadata.ts';
export { prepareImport, type PreparedDocument } from './prepare.ts';
export { findChineseDates, standaloneDate, isoDate, type DateMatch } from './dates.ts';
export { metadataFromInfo, parseInfoLines, type InfoEvent, type InfoMetadata } from './info-lines.ts';
