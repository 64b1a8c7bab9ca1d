import { systemActor } from './platform/authz/actor.ts';
import { OrganisationRepository, loadCityDivisions, seedOrganisationTree } from './modules/organisations/index.ts';
import { generatePassword } from './modules/identity/index.ts';
import type { Services } from './container.ts';

export type BootstrapResult = { seededOrganisations: number; admin: { username: string; password: string | null } | null };

/**
 * On an empty database: the organisation tree of the city (from the divisions CSVs when present, else the bundled
 * copy) and an administrator. The password comes from GONGKAI_ADMIN_PASSWORD or is generated and returned once.
 */
export async function bootstrap(services: Services): Promise<BootstrapResult> {
  const { database, config } = services;
  const orgRepo = new OrganisationRepository(database.db, database.dialect);
  let seededOrganisations = 0;
  if ((await orgRepo.count()) === 0) {
    const divisions = loadCityDivisions(config.divisionsDir);
    await services.uow(systemActor('首次启动'), async (tx) => {
      const root = await seedOrganisationTree(tx.db, database.dialect, divisions);
      await tx.audit({ action: 'organisation.seed', entityType: 'organisation', entityId: root.id, org: root, after: { city: divisions.city, areas: divisions.areas.length, streets: divisions.streets.length } });
    });
    seededOrganisations = await orgRepo.count();
  }
  let admin: BootstrapResult['admin'] = null;
  const anyUser = await database.db.selectFrom('iam_user').select('id').limit(1).executeTakeFirst();
  if (!anyUser) {
    const root = await database.db.selectFrom('iam_org').select('id').where('parent_id', 'is', null).orderBy('created_at').limit(1).executeTakeFirstOrThrow();
    const password = config.adminPassword || generatePassword();
    await services.users.createAdministrator(systemActor('首次启动'), { username: 'admin', displayName: '系统管理员', password, rootOrgId: root.id });
    admin = { username: 'admin', password: config.adminPassword ? null : password };
  }
  return { seededOrganisations, admin };
}
