import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { minimalPdf } from '../../src/platform/files/test-fixtures.ts';

async function setup(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, env);
  const dept = await orgByName(ctx.services, '宜昌市司法局');
  const editor = await buildUser(ctx.services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const handler = await buildUser(ctx.services, dept.id, [{ role: 'case_handler', orgId: dept.id }]);
  return { ...ctx, e: await ctx.login(editor.username, editor.password), h: await ctx.login(handler.username, handler.password) };
}

test('POST /review/scan finds an ID number in JSON text with offsets, mask and message', async (t) => {
  const { app, e } = await setup(t, { GONGKAI_SCAN_ALLOWED_PHONES: '0717-6221234', GONGKAI_SCAN_MASKING: 'mobile=0+4' });
  const text = '经办人身份证11010519491231002X，手机13812341234，办公电话0717-6221234。';
  const res = await app.inject({ method: 'POST', url: '/api/v1/review/scan', headers: e, payload: { text } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.blocking, 2);
  assert.deepEqual(
    body.findings.map((f: { category: string; start: number; end: number; masked: string; location: object }) => [f.category, text.slice(f.start, f.end), f.masked, f.location]),
    [
      ['id_card', '11010519491231002X', '110105********002X', { field: 'text' }],
      ['mobile', '13812341234', '*******1234', { field: 'text' }],
    ],
  );
  assert.match(body.findings[0].message.zh, /出生日期 1949-12-31/);
});

test('POST /review/scan takes a raw PDF and reports the page; a lying file is a blocking unreadable finding', async (t) => {
  const { app, e } = await setup(t);
  const pdf = minimalPdf([['cover'], ['13812341234']]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/review/scan?filename=%E9%99%84%E4%BB%B6.pdf',
    headers: { ...e, 'content-type': 'application/octet-stream' },
    payload: pdf,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().findings.map((f: { category: string; location: object }) => [f.category, f.location]),
    [['mobile', { filename: '附件.pdf', page: 2 }]],
  );
  const lying = await app.inject({
    method: 'POST',
    url: '/api/v1/review/scan?filename=notes.txt',
    headers: { ...e, 'content-type': 'application/octet-stream' },
    payload: pdf,
  });
  const [f] = lying.json().findings;
  assert.equal(f.category, 'unreadable');
  assert.equal(f.blocking, true);
  assert.match(f.message.zh, /notes\.txt.*内容是 PDF/);
});

test('POST /review/scan needs a signed-in user who can edit or review documents, and a text or a file', async (t) => {
  const { app, e, h } = await setup(t);
  const anonymous = await app.inject({ method: 'POST', url: '/api/v1/review/scan', payload: { text: '13812341234' } });
  assert.equal(anonymous.statusCode, 401);
  const handler = await app.inject({ method: 'POST', url: '/api/v1/review/scan', headers: h, payload: { text: '13812341234' } });
  assert.equal(handler.statusCode, 403);
  const empty = await app.inject({ method: 'POST', url: '/api/v1/review/scan', headers: e, payload: { other: 1 } });
  assert.equal(empty.statusCode, 400);
  const noName = await app.inject({ method: 'POST', url: '/api/v1/review/scan', headers: { ...e, 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
  assert.equal(noName.statusCode, 400);
});

test('POST /review/scan is rate-limited per user', async (t) => {
  const { app, e } = await setup(t, { GONGKAI_SCAN_RATE_LIMIT: '2' });
  const codes: number[] = [];
  for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'POST', url: '/api/v1/review/scan', headers: e, payload: { text: '无' } })).statusCode);
  assert.deepEqual(codes, [200, 200, 429]);
});

test('POST /review/scan refuses a file over the attachment limit while it arrives', async (t) => {
  const { app, e } = await setup(t, { GONGKAI_ATTACHMENT_MAX_MB: '1' });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/review/scan?filename=big.txt',
    headers: { ...e, 'content-type': 'application/octet-stream' },
    payload: Buffer.alloc(1_200_000, 0x61),
  });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.code, 'ATTACHMENT_TOO_LARGE');
});
