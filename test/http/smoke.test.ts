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

test('OpenAPI document, browsable docs, Prometheus metrics and security headers', async (t) => {
  const { app } = await buildTestApp(t);
  const doc = (await app.inject('/api/openapi.json')).json();
  assert.equal(doc.openapi, '3.0.3');
  for (const path of ['/api/v1/organisations', '/api/v1/organisations/{id}/move', '/api/v1/users', '/api/v1/tokens', '/api/v1/audit', '/api/v1/auth/login']) {
    assert.ok(doc.paths[path], `documents ${path}`);
  }
  assert.ok(doc.paths['/api/v1/organisations'].post.requestBody, 'request bodies are described');
  const docs = await app.inject('/api/docs/');
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);

  await app.inject('/healthz');
  const metrics = await app.inject('/metrics');
  assert.match(metrics.headers['content-type'] as string, /text\/plain/);
  assert.match(metrics.body, /gongkai_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
  assert.match(metrics.body, /gongkai_process_cpu_user_seconds_total/);

  const home = await app.inject('/');
  assert.equal(home.headers['x-content-type-options'], 'nosniff');
  assert.match(home.headers['content-security-policy'] as string, /script-src 'self'/);
  assert.ok(home.headers['strict-transport-security']);
});

test('unauthenticated API calls get 401 in the common error shape', async (t) => {
  const { app } = await buildTestApp(t);
  const res = await app.inject('/api/v1/organisations');
  assert.equal(res.statusCode, 401);
  assert.deepEqual(res.json(), { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
});
