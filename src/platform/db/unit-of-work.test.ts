import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testPostgresUrl } from '../../../test/support/db.ts';
import { createUnitOfWork } from './unit-of-work.ts';
import { RootQueryInTransactionError } from './transaction-scope.ts';
import { OutboxProcessor } from '../events/outbox.ts';
import { systemActor } from '../authz/actor.ts';

const count = async (db: Awaited<ReturnType<typeof createTestDatabase>>['database']['db'], table: 'aud_log' | 'sys_outbox') =>
  Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

test('audit rows and outbox events commit with the change, or not at all', async (t) => {
  const { database, dispose } = await createTestDatabase();
  t.after(dispose);
  const { db } = database;
  const seen: string[] = [];
  const outbox = new OutboxProcessor(db, { error() {}, warn() {} });
  outbox.on('thing.happened', async (e) => {
    seen.push(String(e.payload.n));
  });
  const uow = createUnitOfWork(db, outbox);

  await assert.rejects(
    uow(systemActor(), async (tx) => {
      await tx.audit({ action: 'x.create', entityType: 'x', entityId: '1' });
      await tx.emit({ topic: 'thing.happened', payload: { n: 1 } });
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(await count(db, 'aud_log'), 0);
  assert.equal(await count(db, 'sys_outbox'), 0);

  await uow(systemActor(), async (tx) => {
    await tx.audit({ action: 'x.create', entityType: 'x', entityId: '2', after: { password: 'secret', name: 'ok' } });
    await tx.emit({ topic: 'thing.happened', payload: { n: 2 } });
  });
  await outbox.kick();
  assert.deepEqual(seen, ['2']);
  const row = await db.selectFrom('aud_log').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(row.after!), { name: 'ok' }, 'secrets are dropped from snapshots');
  const event = await db.selectFrom('sys_outbox').selectAll().executeTakeFirstOrThrow();
  assert.ok(event.processed_at);
});

test('a failing handler is retried later, not lost', async (t) => {
  const { database, dispose } = await createTestDatabase();
  t.after(dispose);
  const { db } = database;
  let calls = 0;
  const outbox = new OutboxProcessor(db, { error() {}, warn() {} });
  outbox.on('flaky', async () => {
    calls += 1;
    throw new Error('down');
  });
  await createUnitOfWork(db, outbox)(systemActor(), (tx) => tx.emit({ topic: 'flaky', payload: {} }));
  await outbox.kick();
  const row = await db.selectFrom('sys_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(calls, 1);
  assert.equal(row.processed_at, null);
  assert.equal(row.attempts, 1);
  assert.match(row.last_error!, /down/);
  assert.ok(row.available_at > new Date().toISOString(), 'retry is scheduled later');
});

test('on SQLite a root query or a nested transaction inside a transaction fails at once instead of hanging the app', { skip: testPostgresUrl ? 'PostgreSQL has a pool: no self-wait' : false }, async (t) => {
  const { database, dispose } = await createTestDatabase();
  t.after(dispose);
  const { db } = database;
  const uow = createUnitOfWork(db);
  let later: Promise<number> | undefined;
  await assert.rejects(
    uow(systemActor(), async (tx) => {
      await tx.audit({ action: 'x.create', entityType: 'x', entityId: '1' });
      await count(db, 'aud_log'); // the mistake: db instead of tx.db
    }),
    RootQueryInTransactionError,
  );
  assert.equal(await count(db, 'aud_log'), 0, 'the transaction rolled back; the connection is free again');
  await assert.rejects(
    uow(systemActor(), () => uow(systemActor(), async () => undefined)),
    RootQueryInTransactionError,
  );
  await uow(systemActor(), async (tx) => {
    await tx.audit({ action: 'x.create', entityType: 'x', entityId: '2' });
    assert.equal(await count(tx.db, 'aud_log'), 1, 'the transaction itself reads as usual');
    // Work started inside and run after the end (fire-and-forget) may use the root connection then.
    later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => count(db, 'aud_log'));
  });
  assert.equal(await later, 1);
});
