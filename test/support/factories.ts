import { systemActor } from '../../src/platform/authz/actor.ts';
import type { Services } from '../../src/container.ts';

const system = systemActor('测试');

/** Finds a seeded organisation by exact name (the 宜昌 tree is seeded in every test app). */
export async function orgByName(services: Services, name: string) {
  const found = (await services.organisations.tree(system)).find((o) => o.name === name);
  if (!found) throw new Error(`no organisation named ${name}`);
  return found;
}

let counter = 0;
/** A user holding the given roles, with a known password. */
export async function buildUser(services: Services, orgId: string, grants: { role: string; orgId: string }[], password = 'user-password-123') {
  counter += 1;
  const username = `user${counter}_${Date.now().toString(36)}`;
  const user = await services.users.create(system, { username, displayName: `测试用户${counter}`, password, organisationId: orgId });
  for (const g of grants) await services.users.grantRole(system, user.id, g.role, g.orgId);
  return { ...user, username, password };
}

export async function buildDraft(services: Services, orgId: string, authorId: string, title = '草稿') {
  const author = await services.users.get(system, authorId);
  return services.documents.create(
    { ...system, userId: author.id, userName: author.displayName },
    { organisationId: orgId, title, bodyHtml: `<p>${title}正文</p>` },
  );
}

/** An editor, a reviewer and an openness-office administrator of one organisation, signed in (request headers). */
export async function signedInStaff(ctx: { services: Services; login(username: string, password: string): Promise<Record<string, string>> }, orgName: string) {
  const dept = await orgByName(ctx.services, orgName);
  const [editor, reviewer, office] = await Promise.all(
    (['editor', 'reviewer', 'office_admin'] as const).map(async (role) => {
      const user = await buildUser(ctx.services, dept.id, [{ role, orgId: dept.id }]);
      return ctx.login(user.username, user.password);
    }),
  );
  return { dept, editor: editor!, reviewer: reviewer!, office: office! };
}
