// Helpers for the CLI tests (not a test file itself): throw-away instances and in-process command runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testPostgresUrl } from '../../test/support/db.ts';
import { loadConfig } from '../platform/config/load.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrator.ts';
import { createServices, type Services } from '../container.ts';
import { bootstrap } from '../bootstrap.ts';
import { runCli } from './program.ts';
import { rowCounts } from '../platform/db/introspect.ts';

export const ADMIN_PASSWORD = 'admin-cli-password-1';
export { testPostgresUrl };

export type Instance = { kind: 'sqlite' | 'postgres'; dir: string; env: Record<string, string>; dispose(): Promise<void> };

/** An empty instance: a temporary data directory, plus a new empty PostgreSQL database when `kind` is postgres. */
export async function newInstance(kind: 'sqlite' | 'postgres' = testPostgresUrl ? 'postgres' : 'sqlite'): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  const env: Record<string, string> = {
    GONGKAI_DATA_DIR: join(dir, 'data'),
    GONGKAI_LOG_LEVEL: 'silent',
    GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    if (!testPostgresUrl) throw new Error('GONGKAI_TEST_DATABASE_URL is not set');
    const name = `gk_cli_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return {
    kind,
    dir,
    env,
    dispose: async () => {
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export type CliRun = { code: number; out: string; err: string };

/** Runs `gongkai …args` in this process against the instance (extra env wins). */
export async function cli(instance: Instance, args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(['node', 'gongkai', ...args], {
    env: { ...instance.env, ...extraEnv },
    cwd: instance.dir,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    tty: false,
  });
  return { code, out, err };
}

/** Opens the instance's database with every service, like the server does. */
export async function withServices<T>(instance: Instance, work: (services: Services, database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(instance.env, instance.dir);
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 2 });
  try {
    return await work(createServices(database, config, { error() {}, warn() {} } as never), database);
  } finally {
    await database.close();
  }
}

/** What the first `gongkai serve` does: migrate, seed the 宜昌 organisation tree and the admin account. */
export function seed(instance: Instance): Promise<void> {
  return withServices(instance, async (services, database) => {
    await migrateToLatest(database);
    await bootstrap(services);
  });
}

export const counts = (instance: Instance) => withServices(instance, (_s, database) => rowCounts(database));

export const loginMeta = { ip: '127.0.0.1', userAgent: 'cli-test', requestId: null };

/** Signs in through the auth service; resolves to whether the password was accepted. */
export function canLogin(instance: Instance, username: string, password: string): Promise<boolean> {
  return withServices(instance, (s) =>
    s.auth.login(username, password, loginMeta).then(
      () => true,
      () => false,
    ),
  );
}

/** The value after "label：" on one output line (a printed password). */
export function valueAfter(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.includes(label));
  if (!line) throw new Error(`no line with ${label} in:\n${text}`);
  return line.slice(line.lastIndexOf('：') + 1).trim();
}

export const noStack = (text: string) => !/\n\s+at .+\(.+:\d+:\d+\)/.test(text);
