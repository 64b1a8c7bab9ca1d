import type { Command } from 'commander';
import type { FastifySchemaCompiler } from 'fastify';
import type { Services } from '../container.ts';
import { roleCodes, roles, isRoleCode } from '../platform/authz/roles.ts';
import { NotFoundError } from '../platform/errors.ts';
import { validatorCompiler } from '../platform/http/validation.ts';
import { CreateUser } from '../shared/schemas/identity.ts';
import { formatLocal, generatePassword } from '../modules/identity/index.ts';
import { OrganisationRepository } from '../modules/organisations/index.ts';
import { CliError, cliActor, withServices, type CliIO } from './io.ts';
import { renderTable } from './table.ts';

type Run = (work: () => Promise<void>) => Promise<void>;
type CreateOptions = { username: string; name: string; org?: string; role: string[]; password?: string; email?: string; phone?: string };

const collect = (value: string, previous: string[]) => [...previous, value];
const roleHelp = roleCodes.map((c) => `${c}（${roles[c].name}）`).join('、');

export function registerUser(program: Command, io: CliIO, run: Run): void {
  const user = program.command('user').description('用户管理：创建用户、列出用户、重置密码');
  user
    .command('create')
    .description('创建用户（可同时授予角色，角色授予在其所属机构上）')
    .requiredOption('--username <username>', '登录名（2–50 位字母、数字或 _.@-）')
    .requiredOption('--name <displayName>', '姓名')
    .option('--org <org>', '所属机构：行政区划代码（如 420502）或机构 ID；默认为根机构')
    .option('--role <role>', `授予的角色，可重复使用：${roleHelp}`, collect, [])
    .option('--password <password>', '初始密码（至少 10 个字符）；省略时随机生成并只显示一次')
    .option('--email <email>', '电子邮箱')
    .option('--phone <phone>', '电话')
    .addHelpText('after', '\n示例：\n  gongkai user create --username xiling-editor --name 张三 --org 420502 --role editor --role reviewer')
    .action((options: CreateOptions) => run(() => withServices(io, (s) => createUser(io, s, options))));
  user
    .command('list')
    .description('列出用户（用户名、姓名、机构、角色、状态）')
    .option('--q <text>', '按用户名或姓名筛选')
    .option('--json', '以 JSON 输出')
    .action((options: { q?: string; json?: boolean }) => run(() => withServices(io, (s) => listUsers(io, s, options))));
  user
    .command('reset-password')
    .description('重置用户密码并使其全部会话失效；用户下次登录须修改密码')
    .argument('<username>', '登录名')
    .option('--password <password>', '新密码（至少 10 个字符）；省略时随机生成并只显示一次')
    .action((username: string, options: { password?: string }) =>
      run(() => withServices(io, (s) => resetPassword(io, s, username, options.password))),
    );
}

const checkCreateUser = (validatorCompiler as FastifySchemaCompiler<unknown>)({
  schema: CreateUser,
  method: 'POST',
  url: '/cli/user',
  httpPart: 'body',
}) as (data: unknown) => { error?: Error };

/** The organisation named by a division code or an id; the root organisation when none is given. */
async function resolveOrg(services: Services, ref: string | undefined): Promise<{ id: string; name: string }> {
  const actor = cliActor();
  if (ref && /^(\d{6}|\d{9}|\d{12})$/.test(ref)) {
    const row = await new OrganisationRepository(services.database.db, services.database.dialect).findByDivisionCode(ref);
    if (!row) throw new CliError(`没有行政区划代码为 ${ref} 的机构`);
    return { id: row.id, name: row.name };
  }
  if (ref) {
    try {
      const org = await services.organisations.get(actor, ref);
      return { id: org.id, name: org.name };
    } catch (err) {
      if (err instanceof NotFoundError) throw new CliError(`机构 ${ref} 不存在（请填写行政区划代码如 420502，或机构 ID）`);
      throw err;
    }
  }
  const roots = (await services.organisations.tree(actor)).filter((o) => o.parentId === null);
  if (roots.length === 0) throw new CliError('还没有任何机构：请先运行 gongkai serve 完成首次启动（导入行政区划并创建管理员）。');
  return { id: roots[0]!.id, name: roots[0]!.name };
}

async function createUser(io: CliIO, services: Services, options: CreateOptions): Promise<void> {
  const wanted = [...new Set(options.role)];
  const bad = wanted.filter((r) => !isRoleCode(r));
  if (bad.length > 0) throw new CliError(`未知角色：${bad.join(', ')}\n可选角色：${roleHelp}`);
  const org = await resolveOrg(services, options.org);
  const generated = options.password === undefined;
  const password = options.password ?? generatePassword();
  const input = {
    username: options.username,
    displayName: options.name,
    password,
    organisationId: org.id,
    ...(options.email ? { email: options.email } : {}),
    ...(options.phone ? { phone: options.phone } : {}),
  };
  const invalid = checkCreateUser(input).error;
  if (invalid) throw invalid;
  const actor = cliActor();
  let user = await services.users.create(actor, input);
  for (const role of wanted) user = await services.users.grantRole(actor, user.id, role, org.id);
  const roleText = user.roles.map((r) => `${r.roleName}（${r.organisationName}）`).join('、') || '无';
  io.out(`已创建用户 ${user.username}（${user.displayName}，${user.organisationName}），角色：${roleText}\n`);
  if (generated) io.out(`初始密码（只显示这一次，首次登录须修改）：${password}\n`);
}

function statusOf(u: { active: boolean; lockedUntil: string | null; mustChangePassword: boolean }): string {
  if (!u.active) return '停用';
  if (u.lockedUntil) return `锁定至 ${formatLocal(u.lockedUntil)}`;
  return u.mustChangePassword ? '启用（待改密）' : '启用';
}

async function listUsers(io: CliIO, services: Services, options: { q?: string; json?: boolean }): Promise<void> {
  const actor = cliActor();
  const items = [];
  for (let page = 1; ; page++) {
    const result = await services.users.list(actor, { q: options.q || undefined, page, pageSize: 100 });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  if (options.json) {
    io.out(`${JSON.stringify(items, null, 2)}\n`);
    return;
  }
  const rows = items.map((u) => [
    u.username,
    u.displayName,
    u.organisationName,
    u.roles.map((r) => `${r.roleName}@${r.organisationName}`).join('，') || '—',
    statusOf(u),
  ]);
  io.out(renderTable(['用户名', '姓名', '机构', '角色', '状态'], rows));
  io.out(`共 ${items.length} 个用户${options.q ? `（筛选：${options.q}）` : ''}。\n`);
}

async function resetPassword(io: CliIO, services: Services, username: string, given: string | undefined): Promise<void> {
  const user = await services.users.findByUsername(username.trim());
  if (!user) throw new CliError(`用户 ${username} 不存在`);
  const password = given ?? generatePassword();
  await services.users.resetPassword(cliActor(), user.id, password);
  io.out(`已重置用户 ${user.username}（${user.display_name}）的密码，其所有会话已退出，下次登录须修改密码。\n`);
  if (given === undefined) io.out(`新密码（只显示这一次）：${password}\n`);
}
