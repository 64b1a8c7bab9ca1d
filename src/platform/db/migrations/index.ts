import type { Migration } from 'kysely';
import * as identity0 from './2026-11-25T0000_identity_create-organisations-users.ts';
import * as documents0 from './2026-11-25T0100_documents_create-documents.ts';
import * as search0 from './2026-11-25T0200_search_create-index.ts';

// Listed explicitly (not read from the folder) so the same list works under tsx, in tests and in bundles.
// Names sort in time order; never rename or edit a migration that has shipped.
export const migrations: Record<string, Migration> = {
  '2026-11-25T0000_identity_create-organisations-users': identity0,
  '2026-11-25T0100_documents_create-documents': documents0,
  '2026-11-25T0200_search_create-index': search0,
};
