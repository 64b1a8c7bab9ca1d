import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './platform/config/schema.ts';
import type { Database } from './platform/db/database.ts';
import { createUnitOfWork } from './platform/db/unit-of-work.ts';
import { rowsHeldIn } from './modules/organisations/content-checks.ts';
import { OutboxProcessor } from './platform/events/outbox.ts';
import { OrganisationService } from './modules/organisations/index.ts';
import { AuthService, UserService } from './modules/identity/index.ts';
import { AuditService } from './modules/audit/index.ts';
import {
  CatalogService,
  currentContentHashes,
  DocumentAttachments,
  DocumentIndexer,
  DocumentRelations,
  DocumentService,
  DocumentWorkflow,
  filingTodos,
  NormativeCleanups,
  NormativeFilings,
  NormativeLibrary,
  RegistrationNumbers,
  ThemeService,
  TodoService,
  defaultValidityRules,
  normativeExpiryTodos,
  parseValidityRules,
} from './modules/documents/index.ts';
import { FsFileStore } from './platform/files/index.ts';
import { CalendarService, calendarTodos } from './modules/calendar/index.ts';
import { SearchService } from './modules/search/index.ts';
import { LedgerService } from './modules/ledger/index.ts';
import { RecordIndexer, createSearchProvider, searchOrgPathCopies } from './platform/search/index.ts';
import { LetterTemplates, RequestService, beijingToday as requestsToday, defaultDeadlineRules, defaultFeeBands, parseFeeBands, requestOrgPathTables, requestTodos } from './modules/requests/index.ts';
import type { WorkingDays } from './platform/calendar/types.ts';
import { Notifier, Verification, logGateway } from './platform/notify/index.ts';
import { Dictionaries, EditionScanner, RescanService, ReviewGate, ReviewService, interpretationTodos, reviewOrgPathTables, scanSettings } from './modules/review/index.ts';
import { ReportsService } from './modules/reports/index.ts';
import { CommentService, ConsultationService, CONSULTATION_CHANGED, consultationOrgPathTables, consultationTodos, defaultPeriodRules, parsePeriodRules } from './modules/consultations/index.ts';
import { DecisionService, decisionOrgPathTables } from './modules/decisions/index.ts';
import { QA_CHANGED, QaService, qaOrgPathTables, qaTodos } from './modules/qa/index.ts';
import { MEETING_CHANGED, MeetingService, meetingOrgPathTables } from './modules/meetings/index.ts';
import { FeedbackService, feedbackOrgPathTables, feedbackTodos, parseCategories } from './modules/feedback/index.ts';

/** Every service, wired once; the HTTP app and the CLI both use this. */
export function createServices(database: Database, config: Config, log: Pick<Logger, 'error' | 'warn'>) {
  const { db, dialect } = database;
  const outbox = new OutboxProcessor(db, log);
  const uow = createUnitOfWork(db, outbox);
  const organisations = new OrganisationService(db, dialect, uow);
  const users = new UserService(db, dialect, uow, organisations);
  const auth = new AuthService(db, dialect, uow, {
    sessionHours: config.sessionHours,
    loginMaxFailures: config.loginMaxFailures,
    lockoutMinutes: config.lockoutMinutes,
  });
  const audit = new AuditService(db, organisations);
  // Blobs live in the data directory; app instances that share a database must share this directory too.
  const files = new FsFileStore(join(config.dataDir, 'files'));
  const attachments = new DocumentAttachments(db, uow, files, config.attachmentMaxMb * 1_048_576);
  const validityRules = config.validityRules ? parseValidityRules(config.validityRules) : defaultValidityRules;
  const documents = new DocumentService(db, uow, organisations, attachments, validityRules);
  const relations = new DocumentRelations(db, uow);
  const catalog = new CatalogService(db, uow, organisations);
  const searchProvider = createSearchProvider(database);
  const indexer = new DocumentIndexer(db, searchProvider, relations);
  indexer.register(outbox);
  const search = new SearchService(searchProvider, organisations);
  const ledger = new LedgerService(db, database.dialect);
  const registration = new RegistrationNumbers(uow, organisations, config.registrationPattern);
  const workflow = new DocumentWorkflow(db, uow, organisations, relations, ledger, undefined, registration);
  const verifyLedger = () => ledger.verify(currentContentHashes(db));
  const themes = new ThemeService(db, uow, organisations);
  const normative = new NormativeLibrary(db, organisations);
  // The working-day calendar (chinese-days + overrides + imported years): `calendar.current()` is the WorkingDays
  // snapshot deadline code takes; main.ts loads it before listening and the maintenance loop re-reads it when another
  // instance changed it (docs/calendar.md).
  // Outgoing SMS / e-mail (no real gateway yet: the log gateway records that a message would go out).
  const notifier = new Notifier(db, logGateway(log));
  const verification = new Verification(db, notifier);
  const calendar = new CalendarService(db, uow, { refreshSeconds: config.calendarRefreshSeconds, today: relations.today });
  const todo = new TodoService(relations.today);
  todo.register(normativeExpiryTodos(db, { noticeDays: config.expiryNoticeDays, urgentDays: config.expiryUrgentDays }));
  const filings = new NormativeFilings(db, uow, organisations, relations, workflow, {
    filingDays: config.normativeFilingDays,
    reviewDays: config.normativeReviewDays,
    dayCount: config.normativeDayCount,
    isWorkingDay: (date) => calendar.current().isWorkingDay(date),
  });
  filings.register(outbox);
  todo.register(filingTodos(filings));
  const cleanups = new NormativeCleanups(db, uow, organisations, relations, workflow);

  // Pre-publication review: the workflow asks the review gate before approving or publishing (documents does not
  // import review; see docs/review.md).
  const dictionaries = new Dictionaries(db, uow);
  // One set of scanner settings (GONGKAI_SCAN_*) for the review, the scan API and the CLI.
  const scanning = scanSettings(config);
  const editionScanner = new EditionScanner(db, files, dictionaries, {
    allowPhones: scanning.allowPhones,
    allowEmailDomains: scanning.allowEmailDomains,
    masking: scanning.masking,
    beijingToday: relations.today,
  });
  workflow.setPublicationGate(new ReviewGate(editionScanner, config.reviewInterpretationDays, relations.today, () => calendar.current()));
  const review = new ReviewService(db, uow, editionScanner, documents, organisations);
  const rescan = new RescanService(db, uow, editionScanner, dictionaries, documents, workflow, { intervalHours: config.reviewRescanHours, batch: config.reviewRescanBatch });
  todo.register(interpretationTodos(db));
  todo.register(calendarTodos(calendar));

  // Disclosure on application: deadlines walk the calendar with the administrators' overrides (always the latest
  // snapshot, so an imported schedule applies at once). The answer-letter renderer is wired with setLetterRenderer.
  const requestCalendar: WorkingDays = {
    isWorkingDay: (date) => calendar.current().isWorkingDay(date),
    addWorkingDays: (date, n) => calendar.current().addWorkingDays(date, n),
    workingDaysBetween: (from, to) => calendar.current().workingDaysBetween(from, to),
  };
  const requests = new RequestService(db, uow, organisations, files, requestCalendar, documents, attachments, {
    trackingPattern: config.requestTrackingPattern,
    uploadMaxBytes: config.requestUploadMaxMb * 1_048_576,
    legalReviewRequired: config.requestLegalReview === 'required',
    feeBands: config.requestFeeBands ? parseFeeBands(config.requestFeeBands) : defaultFeeBands,
    deadlineRules: defaultDeadlineRules,
    today: requestsToday,
  });
  todo.register(requestTodos(requests));
  // Answer letters (DOCX) from the organisation's template, else its nearest ancestor's, else the platform default.
  const letterTemplates = new LetterTemplates(db, uow, organisations);
  requests.setLetterRenderer((orgId, data) => letterTemplates.render(orgId, data));
  requests.setNotifier(notifier);
  // Annual report: tables 3 and 4 from the requests module's facts (no personal data).
  const reports = new ReportsService(organisations, requests, { today: requestsToday });

  // Consultations on drafts (意见征集) and the major-decision catalog; working-day minimums walk the live calendar.
  const consultations = new ConsultationService(db, uow, organisations, documents, () => calendar.current(), {
    periodRules: config.consultationMinDays ? parsePeriodRules(config.consultationMinDays) : defaultPeriodRules,
    today: requestsToday,
  });
  const comments = new CommentService(db, uow, consultations, verification, { verify: config.consultationVerify });
  todo.register(consultationTodos(consultations));
  const decisions = new DecisionService(db, uow, organisations, documents, consultations);
  organisations.registerPathCopies([...consultationOrgPathTables, ...decisionOrgPathTables]);
  // Participation: policy Q&A (routed to the policy's issuing department, working-day deadline, asker notified),
  // indexed with documents in the shared search (kind 'qa'); see docs/participation.md.
  const qa = new QaService(db, uow, organisations, documents, requestCalendar, notifier, { answerDays: config.qaAnswerDays, today: requestsToday });
  const qaIndexer = new RecordIndexer(searchProvider, QA_CHANGED, 'qaId', qa);
  qaIndexer.register(outbox);
  todo.register(qaTodos(qa));
  const meetings = new MeetingService(db, uow, organisations, documents);
  // Consultations (kind 'consultation') and meetings (kind 'meeting') join documents and Q&As in the shared search.
  const consultationIndexer = new RecordIndexer(searchProvider, CONSULTATION_CHANGED, 'consultationId', consultations);
  consultationIndexer.register(outbox);
  const meetingIndexer = new RecordIndexer(searchProvider, MEETING_CHANGED, 'meetingId', meetings);
  meetingIndexer.register(outbox);
  const feedback = new FeedbackService(db, uow, organisations, requestCalendar, notifier, {
    replyDays: config.feedbackReplyDays,
    categories: parseCategories(config.feedbackCategories),
    today: requestsToday,
  });
  todo.register(feedbackTodos(feedback));

  // Copies of organisation paths that a move must rewrite (a test checks every org_path column is listed).
  organisations.registerPathCopies([...searchOrgPathCopies(database.dialect), ...reviewOrgPathTables, ...requestOrgPathTables, ...qaOrgPathTables, ...meetingOrgPathTables, ...feedbackOrgPathTables]);
  // An organisation is deleted only when it holds nothing: test/http/organisation-delete.test.ts checks that every
  // column holding organisation ids is either held here, owned below, or listed there with the reason it is neither.
  organisations.registerContentCheck({ label: { zh: '用户', en: 'users' }, count: (tx, orgId) => users.countUsersIn(tx, orgId), reference: { table: 'iam_user', column: 'org_id' } });
  organisations.registerContentCheck({
    label: { zh: '角色授权', en: 'role grants' },
    count: (tx, orgId) => users.countGrantsIn(tx, orgId),
    reference: { table: 'iam_role_grant', column: 'org_id' },
  });
  organisations.registerContentCheck({
    label: { zh: '文件', en: 'documents' },
    count: (tx, orgId) => documents.countInOrg(tx, orgId),
    reference: { table: 'doc_document', column: 'org_id' },
  });
  // Records with statutory weight (cases with deadlines, consultation results, decisions, filings) and what an
  // organisation set up by hand (its answer-letter wording, themes): deleting their organisation would orphan them,
  // so it is refused until they are gone.
  const heldRecords = [
    ['req_case', 'org_id', '依申请公开申请', 'information requests'],
    ['req_remedy', 'org_id', '行政复议和行政诉讼记录', 'review and litigation records'],
    ['req_letter_template', 'owner', '自定义答复书模板', 'a custom answer-letter template'],
    ['con_consultation', 'org_id', '意见征集', 'consultations'],
    ['dec_item', 'org_id', '重大行政决策事项', 'major decisions'],
    ['qa_item', 'org_id', '政策问答', 'policy questions'],
    ['mtg_meeting', 'org_id', '会议', 'meetings'],
    ['fbk_case', 'org_id', '营商环境反馈', 'business-environment feedback'],
    ['doc_filing', 'issuer_org_id', '规范性文件备案记录', 'normative-document filings'],
    ['doc_filing', 'authority_org_id', '向其报备的规范性文件', 'normative documents filed with it'],
    ['doc_filing_authority', 'authority_org_id', '以其为备案审查机关的机构', 'organisations that file with it'],
    ['doc_cleanup', 'org_id', '规范性文件清理', 'normative-document clean-ups'],
    ['doc_theme', 'org_id', '规范性文件专题分类', 'normative-document themes'],
  ] as const;
  for (const [table, column, zh, en] of heldRecords) organisations.registerContentCheck(rowsHeldIn(table, column, { zh, en }));
  // Its catalog columns (created from templates on first view, empty without documents), 索引号 counters, filing
  // authority and review steps: settings of the organisation alone, removed with it.
  organisations.registerOwnedRows([
    { table: 'doc_column', column: 'org_id' },
    { table: 'doc_sequence', column: 'org_id' },
    { table: 'doc_filing_authority', column: 'org_id' },
    { table: 'rev_step_config', column: 'org_id' },
  ]);

  return {
    database,
    config,
    outbox,
    uow,
    organisations,
    users,
    auth,
    audit,
    documents,
    attachments,
    files,
    workflow,
    relations,
    catalog,
    search,
    indexer,
    ledger,
    verifyLedger,
    calendar,
    notifier,
    verification,
    registration,
    themes,
    normative,
    todo,
    filings,
    cleanups,
    dictionaries,
    editionScanner,
    review,
    rescan,
    requests,
    letterTemplates,
    reports,
    consultations,
    comments,
    decisions,
    qa,
    qaIndexer,
    consultationIndexer,
    meetingIndexer,
    meetings,
    feedback,
  };
}

export type Services = ReturnType<typeof createServices>;
