import type { Migration } from 'kysely';
import * as identity0 from './2026-11-25T0000_identity_create-organisations-users.ts';
import * as documents0 from './2026-11-25T0100_documents_create-documents.ts';
import * as search0 from './2026-11-25T0200_search_create-index.ts';
import * as documents1 from './2026-11-26T0100_documents_attachment-blob-index.ts';
import * as documents2 from './2026-11-26T0200_documents_normative-status.ts';
import * as documents3 from './2026-11-26T0300_documents_normative-processes.ts';
import * as ledger0 from './2026-11-26T0500_ledger_create-publication-ledger.ts';
import * as review0 from './2026-11-26T0700_review_create-review.ts';
import * as review1 from './2026-11-26T0800_review_finding-context.ts';
import * as search1 from './2026-11-26T0400_search_facet-table.ts';
import * as calendar0 from './2026-11-27T0100_calendar_create-calendar.ts';
import * as requests0 from './2026-11-27T0200_requests_create-cases.ts';
import * as notify0 from './2026-11-28T0000_notify_create-messages.ts';
import * as requests1 from './2026-11-28T0200_requests_letter-templates.ts';
import * as consultations0 from './2026-12-06T0100_consultations_create-consultations.ts';
import * as participation0 from './2026-12-06T0200_participation_create-qa-meetings-feedback.ts';
import * as requests2 from './2026-12-06T0300_requests_representative-purpose.ts';
import * as search2 from './2026-12-07T0100_search_filter-tokens.ts';
import * as search3 from './2026-12-07T0300_search_one-column-index.ts';
import * as search4 from './2026-12-07T0500_search_app-written-index.ts';

// Listed explicitly (not read from the folder) so the same list works under tsx, in tests and in bundles.
// Names sort in time order; never rename or edit a migration that has shipped.
export const migrations: Record<string, Migration> = {
  '2026-11-25T0000_identity_create-organisations-users': identity0,
  '2026-11-25T0100_documents_create-documents': documents0,
  '2026-11-25T0200_search_create-index': search0,
  '2026-11-26T0100_documents_attachment-blob-index': documents1,
  '2026-11-26T0200_documents_normative-status': documents2,
  '2026-11-26T0300_documents_normative-processes': documents3,
  '2026-11-26T0400_search_facet-table': search1,
  '2026-11-26T0500_ledger_create-publication-ledger': ledger0,
  '2026-11-26T0700_review_create-review': review0,
  '2026-11-26T0800_review_finding-context': review1,
  '2026-11-27T0100_calendar_create-calendar': calendar0,
  '2026-11-27T0200_requests_create-cases': requests0,
  '2026-11-28T0000_notify_create-messages': notify0,
  '2026-11-28T0200_requests_letter-templates': requests1,
  '2026-12-06T0100_consultations_create-consultations': consultations0,
  '2026-12-06T0200_participation_create-qa-meetings-feedback': participation0,
  '2026-12-06T0300_requests_representative-purpose': requests2,
  '2026-12-07T0100_search_filter-tokens': search2,
  '2026-12-07T0300_search_one-column-index': search3,
  '2026-12-07T0500_search_app-written-index': search4,
};
