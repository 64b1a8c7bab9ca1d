// The scanner: finds personal data, confidentiality markings, dictionary words and metadata inconsistencies.
// The only public surface of src/modules/review/scanner/ (the review workflow imports from here).
export type {
  FindingCategory,
  Severity,
  FindingLocation,
  Finding,
  DictionaryEntry,
  CompiledDictionary,
  MaskingRules,
  ScanOptions,
  DocumentMetadataForScan,
} from './types.ts';
export { scanText } from './scan-text.ts';
export { compileDictionary } from './dictionary.ts';
export { applyMasks, DEFAULT_MASKING } from './masking.ts';
export { scanMetadata } from './metadata.ts';
export { scanFile } from './scan-file.ts';
export { CATEGORY_NAMES, SEVERITY_NAMES } from './labels.ts';
export { parseDictionaryFile } from './dictionary-file.ts';
export { scanRoutes } from '../scan.routes.ts';
export { scanSettings, parseMaskingSetting } from './settings.ts';
