import type { OrgTable } from '../../modules/organisations/organisations.tables.ts';
import type {
  AttachmentTable, ColumnItemTable, ColumnTable, DocumentTable, EditionHistoryTable, EditionTable, EffectTable, LinkTable, SequenceTable, ThemeItemTable, ThemeTable,
} from '../../modules/documents/documents.tables.ts';
import type { CleanupItemTable, CleanupTable, FilingAuthorityTable, FilingTable } from '../../modules/documents/normative.tables.ts';
import type { ApiTokenTable, RoleGrantTable, SessionTable, UserTable } from '../../modules/identity/identity.tables.ts';
import type { SearchDocTable, SearchFacetTable } from '../search/search.tables.ts';
import type { LedgerTable } from '../../modules/ledger/ledger.tables.ts';
import type {
  DictionaryEntryTable, FindingTable, InterpretationPlanTable, InterpretationRuleTable, OverrideTable, QueueItemTable, ReviewStateTable, ScanTable, SignoffTable, StepConfigTable,
} from '../../modules/review/review.tables.ts';
import type { CalendarOverrideTable, CalendarStateTable, CalendarYearTable } from '../../modules/calendar/calendar.tables.ts';
import type {
  ReqApplicantTable, ReqCaseTable, ReqCounterTable, ReqEventTable, ReqFileTable, ReqNotificationTable, ReqRemedyTable,
} from '../../modules/requests/requests.tables.ts';
import type { NotifyCodeTable, NotifyMessageTable } from '../notify/notify.tables.ts';
import type { ReqLetterTemplateTable } from '../../modules/requests/letters/letter-template.tables.ts';
import type { ConCommentTable, ConCommenterTable, ConConsultationTable } from '../../modules/consultations/consultations.tables.ts';
import type { DecItemTable, DecProcedureTable } from '../../modules/decisions/decisions.tables.ts';
import type { QaAskerTable, QaItemTable, QaLinkTable } from '../../modules/qa/qa.tables.ts';
import type { MtgMeetingTable } from '../../modules/meetings/meetings.tables.ts';
import type { FbkCaseTable, FbkContactTable } from '../../modules/feedback/feedback.tables.ts';

export interface AuditTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  org_id: string | null;
  org_path: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface OutboxTable {
  id: string;
  topic: string;
  payload: string;
  created_at: string;
  available_at: string;
  attempts: number;
  processed_at: string | null;
  last_error: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/** The whole database, assembled from each module's table file. */
export interface DB {
  iam_org: OrgTable;
  iam_user: UserTable;
  iam_role_grant: RoleGrantTable;
  iam_session: SessionTable;
  iam_api_token: ApiTokenTable;
  doc_document: DocumentTable;
  doc_edition: EditionTable;
  doc_edition_history: EditionHistoryTable;
  doc_link: LinkTable;
  doc_effect: EffectTable;
  doc_attachment: AttachmentTable;
  doc_column: ColumnTable;
  doc_column_item: ColumnItemTable;
  doc_sequence: SequenceTable;
  doc_theme: ThemeTable;
  doc_theme_item: ThemeItemTable;
  doc_filing: FilingTable;
  doc_filing_authority: FilingAuthorityTable;
  doc_cleanup: CleanupTable;
  doc_cleanup_item: CleanupItemTable;
  aud_log: AuditTable;
  sys_outbox: OutboxTable;
  sys_rate_limit: RateLimitTable;
  srch_doc: SearchDocTable;
  pub_ledger: LedgerTable;
  srch_facet: SearchFacetTable;
  rev_dictionary_entry: DictionaryEntryTable;
  rev_state: ReviewStateTable;
  rev_scan: ScanTable;
  rev_finding: FindingTable;
  rev_override: OverrideTable;
  rev_step_config: StepConfigTable;
  rev_signoff: SignoffTable;
  rev_interpretation_rule: InterpretationRuleTable;
  rev_interpretation_plan: InterpretationPlanTable;
  rev_queue_item: QueueItemTable;
  cal_override: CalendarOverrideTable;
  cal_year: CalendarYearTable;
  cal_state: CalendarStateTable;
  req_case: ReqCaseTable;
  req_applicant: ReqApplicantTable;
  req_event: ReqEventTable;
  req_file: ReqFileTable;
  req_remedy: ReqRemedyTable;
  req_notification: ReqNotificationTable;
  req_counter: ReqCounterTable;
  ntf_message: NotifyMessageTable;
  ntf_code: NotifyCodeTable;
  req_letter_template: ReqLetterTemplateTable;
  con_consultation: ConConsultationTable;
  con_comment: ConCommentTable;
  con_commenter: ConCommenterTable;
  dec_item: DecItemTable;
  dec_procedure: DecProcedureTable;
  qa_item: QaItemTable;
  qa_asker: QaAskerTable;
  qa_link: QaLinkTable;
  mtg_meeting: MtgMeetingTable;
  fbk_case: FbkCaseTable;
  fbk_contact: FbkContactTable;
}
