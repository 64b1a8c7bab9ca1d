import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { orgByName } from '../support/factories.ts';
import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';

const CJK = /[\u4e00-\u9fff]/;

test('bad input gets a clear Chinese 4xx and changes nothing', async (t) => {
  const { app, services, login } = await buildTestApp(t, { GONGKAI_BODY_LIMIT: '4096' });
  const headers = await login('admin', ADMIN_PASSWORD);
  const countyA = await orgByName(services, '西陵区');
  const good = { parentId: countyA.id, name: '新机构', kind: 'department' };
  const counts = async () => {
    const db = services.database.db;
    const n = async (table: 'iam_org' | 'iam_user' | 'aud_log') => Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    return { orgs: await n('iam_org'), users: await n('iam_user'), audit: await n('aud_log') };
  };
  const before = await counts();

  const json = (payload: unknown): InjectOptions => ({ method: 'POST', url: '/api/v1/organisations', headers, payload: payload as object });
  const cases: { name: string; req: InjectOptions; status: number; code: string; field?: string }[] = [
    { name: 'unknown field', req: json({ ...good, colour: 'red' }), status: 400, code: 'VALIDATION_FAILED', field: 'colour' },
    { name: 'wrong type', req: json({ ...good, sortOrder: '3' }), status: 400, code: 'VALIDATION_FAILED', field: 'sortOrder' },
    { name: 'over-long name', req: json({ ...good, name: '长'.repeat(101) }), status: 400, code: 'VALIDATION_FAILED', field: 'name' },
    { name: 'missing name', req: json({ parentId: countyA.id, kind: 'department' }), status: 400, code: 'VALIDATION_FAILED', field: 'name' },
    { name: 'unknown kind', req: json({ ...good, kind: 'province' }), status: 400, code: 'VALIDATION_FAILED', field: 'kind' },
    { name: 'invalid USCC check digit', req: json({ ...good, uscc: '91000000000000000J' }), status: 400, code: 'VALIDATION_FAILED', field: 'uscc' },
    { name: 'invalid division code', req: json({ ...good, divisionCode: '42050' }), status: 400, code: 'VALIDATION_FAILED', field: 'divisionCode' },
    { name: 'invalid site code', req: json({ ...good, siteCode: 'BM12345678' }), status: 400, code: 'VALIDATION_FAILED', field: 'siteCode' },
    { name: 'bad nested field', req: json({ ...good, contact: { email: 'not-an-email' } }), status: 400, code: 'VALIDATION_FAILED', field: 'contact.email' },
    { name: 'unknown parent', req: json({ ...good, parentId: '01900000-0000-7000-8000-000000000000' }), status: 400, code: 'VALIDATION_FAILED', field: 'parentId' },
    { name: 'kind not allowed under parent', req: json({ ...good, kind: 'village' }), status: 400, code: 'VALIDATION_FAILED', field: 'kind' },
    { name: 'malformed JSON', req: { method: 'POST', url: '/api/v1/organisations', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"name": "x",' }, status: 400, code: 'INVALID_JSON' },
    { name: 'wrong content type', req: { method: 'POST', url: '/api/v1/organisations', headers: { ...headers, 'content-type': 'text/xml' }, payload: '<org/>' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'oversized body', req: json({ ...good, name: 'x', contact: { address: 'a'.repeat(5000) } }), status: 413, code: 'BODY_TOO_LARGE' },
    { name: 'unknown id', req: { method: 'PATCH', url: '/api/v1/organisations/01900000-0000-7000-8000-000000000000', headers, payload: { name: 'x' } }, status: 404, code: 'NOT_FOUND' },
    { name: 'malformed id', req: { method: 'PATCH', url: '/api/v1/organisations/%27%20or%201%3D1', headers, payload: { name: 'x' } }, status: 400, code: 'VALIDATION_FAILED', field: 'id' },
    { name: 'empty patch', req: { method: 'PATCH', url: `/api/v1/organisations/${countyA.id}`, headers, payload: {} }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'page size over the cap', req: { url: '/api/v1/organisations?pageSize=1000', headers }, status: 400, code: 'VALIDATION_FAILED', field: 'pageSize' },
    { name: 'duplicate division code', req: json({ ...good, kind: 'township', divisionCode: '420502001' }), status: 409, code: 'DIVISION_CODE_TAKEN' },
    { name: 'user with weak password', req: { method: 'POST', url: '/api/v1/users', headers, payload: { username: 'weak', displayName: '弱密码', password: 'short' } }, status: 400, code: 'WEAK_PASSWORD', field: 'password' },
    { name: 'user with bad username', req: { method: 'POST', url: '/api/v1/users', headers, payload: { username: '张 三', displayName: 'x', password: 'long-enough-password' } }, status: 400, code: 'VALIDATION_FAILED', field: 'username' },
    { name: 'unknown role', req: { method: 'POST', url: `/api/v1/users/${(await services.users.findByUsername('admin'))!.id}/roles`, headers, payload: { role: 'king', organisationId: countyA.id } }, status: 400, code: 'VALIDATION_FAILED', field: 'role' },
    { name: 'unknown route', req: { url: '/api/v1/nothing-here', headers }, status: 404, code: 'ROUTE_NOT_FOUND' },
  ];

  for (const c of cases) {
    const res = await app.inject(c.req);
    assert.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
    const body = res.json();
    assert.equal(body.error.code, c.code, c.name);
    assert.match(body.error.message, CJK, `${c.name}: message in Chinese`);
    if (c.field) {
      assert.ok(body.error.fields?.some((f: { path: string; message: string }) => f.path === c.field && CJK.test(f.message)), `${c.name}: names field ${c.field}: ${res.body}`);
    }
  }
  assert.deepEqual(await counts(), before, 'nothing was written');
});

test('English messages when Accept-Language asks for them', async (t) => {
  const { app, login } = await buildTestApp(t);
  const headers = await login('admin', ADMIN_PASSWORD);
  const res = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { ...headers, 'accept-language': 'en-US,en;q=0.9' }, payload: { name: '' } });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /^Invalid input/);
  assert.ok(!/[\u4e00-\u9fff]/.test(res.json().error.message));
  const zh = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { ...headers, 'accept-language': 'zh-CN,en;q=0.5' }, payload: { name: '' } });
  assert.match(zh.json().error.message, /^提交的数据有误/);
});
