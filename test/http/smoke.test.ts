import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';

test('healthz names the database and the seeded tree has the city, 13 county-level areas and 113 townships', async (t) => {
  const { app, login, db } = await buildTestApp(t);
  const health = await app.inject('/healthz');
  assert.deepEqual(health.json(), { status: 'ok', database: db.databaseUrl ? 'postgres' : 'sqlite' });
  const headers = await login('admin', ADMIN_PASSWORD);
  const tree = (await app.inject({ url: '/api/v1/organisations/tree', headers })).json().items as { kind: string; divisionCode: string | null; name: string }[];
  assert.equal(tree.filter((o) => o.kind === 'city').length, 1);
  assert.equal(tree.find((o) => o.kind === 'city')!.divisionCode, '420500');
  assert.equal(tree.filter((o) => o.kind === 'county').length, 13);
  assert.equal(tree.filter((o) => o.kind === 'township').length, 113);
  assert.ok(tree.some((o) => o.kind === 'department' && o.name === '宜昌市司法局'));
});
