import type { Logger } from 'pino';
import type { Config } from './platform/config/schema.ts';
import type { Database } from './platform/db/database.ts';
import { createUnitOfWork } from './platform/db/unit-of-work.ts';
import { OutboxProcessor } from './platform/events/outbox.ts';
import { OrganisationService } from './modules/organisations/index.ts';
import { AuthService, UserService } from './modules/identity/index.ts';
import { AuditService } from './modules/audit/index.ts';
import { CatalogService, DocumentIndexer, DocumentRelations, DocumentService, DocumentWorkflow } from './modules/documents/index.ts';
import { SearchService } from './modules/search/index.ts';
import { createSearchProvider } from './platform/search/index.ts';

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
  const documents = new DocumentService(db, uow, organisations);
  const relations = new DocumentRelations(db, uow);
  const catalog = new CatalogService(db, uow, organisations);
  const searchProvider = createSearchProvider(database);
  const indexer = new DocumentIndexer(db, searchProvider, relations);
  indexer.register(outbox);
  const search = new SearchService(searchProvider, organisations);
  const workflow = new DocumentWorkflow(db, uow, organisations, relations);

  organisations.registerContentCheck({ label: { zh: '用户', en: 'users' }, count: (tx, orgId) => users.countUsersIn(tx, orgId) });
  organisations.registerContentCheck({ label: { zh: '角色授权', en: 'role grants' }, count: (tx, orgId) => users.countGrantsIn(tx, orgId) });

  organisations.registerContentCheck({ label: { zh: '文件', en: 'documents' }, count: (tx, orgId) => documents.countInOrg(tx, orgId) });

  return { database, config, outbox, uow, organisations, users, auth, audit, documents, workflow, relations, catalog, search, indexer };
}

export type Services = ReturnType<typeof createServices>;
