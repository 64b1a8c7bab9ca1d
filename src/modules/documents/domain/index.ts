// Pure rules of the documents module (no database, no HTTP): edition lifecycle, versions, normative-document
// status and validity, 索引号, metadata checks. The service wires them in.
export * from './dates.ts';
export * from './edition-lifecycle.ts';
export * from './edition-version.ts';
export * from './normative-status.ts';
export * from './normative-validity.ts';
export * from './index-number.ts';
export * from './metadata-rules.ts';
export * from './registration-number.ts';
export * from './normative-filing.ts';
export * from './normative-cleanup.ts';
