import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/platform/config/load.ts';
import { createServices, type Services } from '../../src/container.ts';
import { bootstrap } from '../../src/bootstrap.ts';
import { buildApp } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { MemoryGateway } from '../../src/platform/notify/index.ts';

export const ADMIN_PASSWORD = 'admin-test-password-1';

export type TestApp = {
  app: FastifyInstance;
  services: Services;
  db: TestDatabase;
  /** Every SMS / e-mail the app sent (verification codes, replies). */
  gateway: MemoryGateway;
  /** Signs in through the API; returns headers to send on later requests (cookie + CSRF token). */
  login(username: string, password: string): Promise<Record<string, string>>;
};

/** A full app on a fresh database with the 宜昌 tree seeded and admin/ADMIN_PASSWORD; closed when the test ends. */
export async function buildTestApp(t: TestContext, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // Each app its own data directory (attachments, reports), so parallel tests never share files.
  const dataDir = db.sqliteFile ? db.sqliteFile.replace(/\/gongkai\.sqlite$/, '') : mkdtempSync(join(tmpdir(), 'gongkai-data-'));
  const config = loadConfig({
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    GONGKAI_LOG_LEVEL: 'silent',
    DATABASE_URL: db.databaseUrl,
    ...env,
  });
  const services = createServices(db.database, config, { error() {}, warn() {} } as never);
  const gateway = new MemoryGateway();
  services.notifier.setGateway(gateway);
  await bootstrap(services);
  const app = await buildApp(services, { logger: false });
  t.after(async () => {
    // A browser keeps connections alive, which would hold close() open: end them once requests had a moment.
    const force = setTimeout(() => app.server.closeAllConnections(), 2_000);
    await within('app.close', app.close());
    clearTimeout(force);
    await within('outbox.idle', services.outbox.idle());
    await within('notifier.idle', services.notifier.idle());
    await within('db.dispose', db.dispose());
    if (!db.sqliteFile) rmSync(dataDir, { recursive: true, force: true });
  });
  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'gk_session');
    return { cookie: `gk_session=${cookie!.value}`, 'x-csrf-token': res.json().csrfToken as string };
  };
  return { app, services, db, gateway, login };
}

/** Teardown steps fail with their name after 60 s instead of hanging the file until the runner's timeout. */
async function within<T>(step: string, promise: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test teardown: ${step} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
