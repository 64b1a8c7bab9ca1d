import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';

/** Set to a postgres:// URL to run every database test on PostgreSQL (CI does); otherwise SQLite. */
export const testPostgresUrl = process.env.GONGKAI_TEST_DATABASE_URL ?? '';

export type TestDatabase = { database: Database; databaseUrl: string; sqliteFile: string; dispose(): Promise<void> };

/** A fresh, migrated database: a temporary SQLite file, or a new PostgreSQL database created for this test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testPostgresUrl) {
    const name = `gk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const database = openDatabase({ databaseUrl, sqliteFile: '', poolSize: 4 });
    await migrateToLatest(database);
    return {
      database,
      databaseUrl,
      sqliteFile: '',
      dispose: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: testPostgresUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const sqliteFile = join(dir, 'gongkai.sqlite');
  const database = openDatabase({ sqliteFile });
  await migrateToLatest(database);
  return {
    database,
    databaseUrl: '',
    sqliteFile,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
