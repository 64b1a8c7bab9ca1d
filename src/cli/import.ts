import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import { InvalidArgumentError, type Command } from 'commander';
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { renderError } from '../platform/http/error-handler.ts';
import { OrganisationRepository } from '../modules/organisations/index.ts';
import { CatalogRepository } from '../modules/documents/catalog.repository.ts';
import { DocumentImporter, type ImportStatus } from '../modules/documents/index.ts';
import { prepareImport, readImportSources, type ImportSource } from '../modules/documents/import/index.ts';
import { CliError, cliActor, config, withServices, type CliIO } from './io.ts';
import { createProgress } from './progress.ts';

type Run = (work: () => Promise<void>) => Promise<void>;
export type ImportCommandOptions = {
  org: string;
  column?: string;
  publish?: boolean;
  dryRun?: boolean;
  limit?: number;
  report?: string;
  user?: string;
};
type Failure = { path: string; line?: number; reason: string };

const JSONL = /\.(jsonl|ndjson)(\.gz)?$/i;

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('须为正整数');
  return n;
}

export function registerImport(program: Command, io: CliIO, run: Run): void {
  program
    .command('import')
    .description('批量导入文件（DOCX、PDF、HTML、Markdown、TXT、JSONL 及 .jsonl.gz），可重复运行：未变化的文件跳过，变化的生成新版本')
    .argument('<path>', '文件或文件夹（递归导入）')
    .requiredOption('--org <org>', '导入到的机构：行政区划代码（如 420502）或机构 ID')
    .option('--column <id>', '放入该机构的目录栏目（栏目 ID）')
    .option('--publish', '导入后直接发布（作为历史文件，不经审核；导入本身记入审计日志）')
    .option('--dry-run', '试运行：完整处理每个文件后回滚，不写入数据库')
    .option('--limit <n>', '最多处理 N 项（文件或 JSONL 行）', parseLimit)
    .option('--report <file>', '失败报告文件（默认：<数据目录>/import-reports/<时间>.txt，有失败时才写）')
    .option('--user <username>', '记为创建人的用户（默认：最早创建的系统管理员）')
    .addHelpText(
      'after',
      '\n示例：\n  gongkai import ./文件 --org 420502 --publish\n  gongkai import corpus/lawrefbook.jsonl.gz --org 420500 --publish --limit 200\n\n' +
        '退出码：0 全部成功；2 已完成但有失败项（见失败报告）；1 无法运行。',
    )
    .action((path: string, options: ImportCommandOptions) => run(() => withServices(io, (s) => importCommand(io, s, path, options))));
}

/**
 * Where a source came from, independent of the working directory: the import root's folder name and the path inside
 * it (a file given alone keys as its folder's name and its own, so importing it alone or with its folder is the same);
 * a JSONL record adds its own `path`, `id` or `url`, else its line number. Documents are matched by this key.
 */
export function importSourceKey(root: string, source: ImportSource): string {
  const top = source.path === root ? dirname(root) : root;
  const key = [basename(top), ...relative(top, source.path).split(sep)].filter(Boolean).join('/');
  if (source.kind !== 'jsonl') return key;
  const r = source.record ?? {};
  const own = [r.path, r.id, r.url].find((v) => (typeof v === 'string' && v.trim()) || typeof v === 'number');
  return `${key.replace(/\.gz$/i, '')}#${own ?? `line ${source.line ?? 0}`}`;
}

async function countLines(path: string): Promise<number> {
  const input = createReadStream(path);
  const stream = /\.gz$/i.test(path) ? input.pipe(createGunzip()) : input;
  let lines = 0;
  let last = 10;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk.at(-1) ?? last;
  }
  return lines + (last === 10 ? 0 : 1);
}

/** How many items the import will see (files, JSONL lines), for the progress bar; stops counting at `limit`. */
async function countItems(path: string, limit: number): Promise<number> {
  const info = await lstat(path);
  if (info.isFile()) return JSONL.test(path) ? Math.min(await countLines(path), limit) : 1;
  if (!info.isDirectory()) return 0;
  let n = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (n >= limit) break;
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    n += await countItems(join(path, entry.name), limit - n);
  }
  return Math.min(n, limit);
}

async function resolveOrg(services: Services, ref: string) {
  const repo = new OrganisationRepository(services.database.db, services.database.dialect);
  const row = /^(\d{6}|\d{9}|\d{12})$/.test(ref) ? await repo.findByDivisionCode(ref) : (await services.organisations.refs([ref])).get(ref);
  // A new data directory has no organisations until the first start creates the tree (and the administrator).
  if (!row && (await repo.count()) === 0)
    throw new CliError('还没有任何机构：请先运行一次 gongkai serve（npm start）完成首次启动，它会创建机构树和管理员。');
  if (!row) throw new CliError(`机构 ${ref} 不存在（请填写行政区划代码如 420502，或机构 ID）`);
  return row;
}

/** created_by must name a user: --user, or the first system administrator (the one the first start created). */
async function resolveCreator(services: Services, username: string | undefined): Promise<string> {
  if (username) {
    const user = await services.users.findByUsername(username.trim());
    if (!user || !user.active) throw new CliError(`用户 ${username} 不存在或已停用`);
    return user.id;
  }
  const admin = await services.database.db
    .selectFrom('iam_user')
    .innerJoin('iam_role_grant', 'iam_role_grant.user_id', 'iam_user.id')
    .select('iam_user.id')
    .where('iam_role_grant.role', '=', 'sysadmin')
    .where('iam_user.active', '=', 1)
    .orderBy('iam_user.created_at')
    .limit(1)
    .executeTakeFirst();
  if (!admin) throw new CliError('还没有系统管理员：请先运行 gongkai serve 完成首次启动，或用 --user 指定记为创建人的用户。');
  return admin.id;
}

const reasonOf = (err: unknown): string =>
  err instanceof AppError ? renderError(err, 'zh').error.message : ((err as Error)?.message ?? String(err)).split('\n')[0]!;

function writeReport(file: string, header: string[], failures: Failure[], warnings: Failure[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const line = (f: Failure) => `${f.path}${f.line ? `:${f.line}` : ''}\t${f.reason}`;
  const parts = [...header.map((h) => `# ${h}`), '', `# 失败（文件[:行]<TAB>原因）：${failures.length}`, ...failures.map(line)];
  if (warnings.length) parts.push('', `# 提示：${warnings.length}`, ...warnings.map(line));
  writeFileSync(file, `${parts.join('\n')}\n`);
}

export async function importCommand(io: CliIO, services: Services, pathArg: string, options: ImportCommandOptions): Promise<void> {
  const root = resolve(io.cwd, pathArg);
  if (!existsSync(root)) throw new CliError(`路径不存在：${root}`);
  const org = await resolveOrg(services, options.org);
  if (options.column) {
    const column = await new CatalogRepository(services.database.db).findColumn(options.column);
    if (column?.org_id !== org.id) throw new CliError(`栏目 ${options.column} 不存在或不属于${org.name}`);
  }
  const createdBy = await resolveCreator(services, options.user);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const dryRun = Boolean(options.dryRun);
  const importer = new DocumentImporter(services.database.db, services.uow, services.organisations, services.workflow);
  const settings = { orgId: org.id, columnId: options.column ?? null, publish: Boolean(options.publish), dryRun, createdBy };
  const actor = cliActor();
  const counts: Record<ImportStatus, number> = { imported: 0, updated: 0, skipped: 0 };
  const failures: Failure[] = [];
  const warnings: Failure[] = [];
  const progress = createProgress(io);
  const started = Date.now();
  io.err(`${dryRun ? '试运行（不写入）：' : ''}导入 ${root} → ${org.name}${options.publish ? '，直接发布' : '，存为草稿'}\n`);
  progress.start('导入', await countItems(root, limit));
  let seen = 0;
  for await (const item of readImportSources(root)) {
    if (seen >= limit) break;
    seen++;
    if (item.kind === 'failed') failures.push(item);
    else {
      try {
        const prepared = await prepareImport(item);
        prepared.sourceKey = importSourceKey(root, item);
        const result = await importer.importOne(actor, settings, prepared);
        counts[result.status]++;
        for (const reason of result.warnings) warnings.push({ path: item.path, line: item.line, reason });
      } catch (err) {
        failures.push({ path: item.path, line: item.line, reason: reasonOf(err) });
      }
    }
    progress.update(seen);
  }
  progress.stop();
  // Events (search indexing) are handled after each commit; let them finish before the database closes.
  await services.outbox.kick();
  await services.outbox.idle();

  const seconds = (Date.now() - started) / 1000;
  const summary = `imported ${counts.imported}, updated ${counts.updated}, skipped ${counts.skipped}, failed ${failures.length}`;
  const rate = seconds > 0 ? `，每秒 ${(seen / seconds).toFixed(1)} 项` : '';
  let report: string | null = null;
  if (failures.length || warnings.length || options.report) {
    report = options.report
      ? resolve(io.cwd, options.report)
      : join(config(io).dataDir, 'import-reports', `${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
    const header = [
      `gongkai import ${root} → ${org.name}（${org.id}）${dryRun ? '（试运行）' : ''}`,
      `时间：${new Date().toISOString()}`,
      summary,
    ];
    writeReport(report, header, failures, warnings);
  }
  io.out(
    `${dryRun ? '试运行完成（未写入数据库），将' : '导入完成：'}新增 ${counts.imported}，更新 ${counts.updated}，未变 ${counts.skipped}，失败 ${failures.length}` +
      `（用时 ${seconds.toFixed(1)} 秒${rate}）\n${summary}\n`,
  );
  if (report) io.out(`${failures.length ? '失败报告' : '报告'}：${report}\n`);
  if (failures.length) throw new CliError(`有 ${failures.length} 项导入失败，原因见失败报告：${report}`, 2);
}
