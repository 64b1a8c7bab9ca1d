import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

test('the annual catalog: five procedures, no decision while one is missing or out of order, public list without internal notes', async (t) => {
  const { app, services, login } = await buildTestApp(t);
  const city = await orgByName(services, '宜昌市');
  const editor = await buildUser(services, city.id, [{ role: 'editor', orgId: city.id }]);
  const headers = await login(editor.username, editor.password);

  const bad = await app.inject({ method: 'POST', url: '/api/v1/decisions', headers, payload: { organisationId: city.id, year: 2018, title: '', summary: '', department: '' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields.length, 3);
  const unknownConsultation = await app.inject({
    method: 'POST', url: '/api/v1/decisions', headers,
    payload: { organisationId: city.id, year: 2026, title: '某事项', summary: '', department: '市发改委', consultationId: '01a24d41-0000-7000-8000-000000000000' },
  });
  assert.equal(unknownConsultation.statusCode, 400);
  assert.match(unknownConsultation.body, /关联的意见征集不存在或无权访问/);
  assert.equal(await services.database.db.selectFrom('dec_item').select('id').execute().then((r) => r.length), 0, 'nothing half-saved');

  const created = await app.inject({
    method: 'POST', url: '/api/v1/decisions', headers,
    payload: { organisationId: city.id, year: 2026, title: '宜昌市中心城区生活垃圾分类实施方案', summary: '明确分类标准与收运体系', department: '市城市管理执法委员会' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const item = created.json();
  assert.deepEqual(item.procedures.map((p: { name: string }) => p.name), ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定']);
  const id = item.id as string;

  const early = await app.inject({ method: 'POST', url: `/api/v1/decisions/${id}/decide`, headers, payload: { decidedOn: '2026-06-01' } });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /法定程序不完整：公众参与尚未完成；专家论证尚未完成；风险评估尚未完成；合法性审查尚未完成；集体讨论决定尚未完成/);

  const set = (kind: string, payload: object) => app.inject({ method: 'PUT', url: `/api/v1/decisions/${id}/procedures/${kind}`, headers, payload });
  const skipLegal = await set('legality_review', { status: 'not_required', note: '无需审查的理由' });
  assert.equal(skipLegal.statusCode, 400);
  assert.match(skipLegal.body, /法定必经程序/);
  assert.equal((await set('expert_review', { status: 'not_required' })).statusCode, 400, 'skipping needs a reason');
  assert.equal((await set('public_participation', { status: 'done' })).statusCode, 400, 'done needs a date');
  assert.equal((await set('public_participation', { status: 'done', doneOn: '2026-04-30', note: '内部备注：座谈会两次' })).statusCode, 200);
  assert.equal((await set('expert_review', { status: 'not_required', note: '技术性不强，经研究无需专家论证' })).statusCode, 200);
  assert.equal((await set('risk_assessment', { status: 'done', doneOn: '2026-05-05' })).statusCode, 200);
  assert.equal((await set('legality_review', { status: 'done', doneOn: '2026-05-20' })).statusCode, 200);
  assert.equal((await set('collective_decision', { status: 'done', doneOn: '2026-05-15' })).statusCode, 200);
  const order = await app.inject({ method: 'POST', url: `/api/v1/decisions/${id}/decide`, headers, payload: { decidedOn: '2026-05-20' } });
  assert.equal(order.statusCode, 409);
  assert.match(order.json().error.message, /合法性审查须在集体讨论决定之前完成/);
  assert.equal((await set('legality_review', { status: 'done', doneOn: '2026-05-10' })).statusCode, 200);
  const decided = await app.inject({ method: 'POST', url: `/api/v1/decisions/${id}/decide`, headers, payload: { decidedOn: '2026-05-15' } });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(decided.json().statusName, '已作出决策');
  assert.equal((await set('risk_assessment', { status: 'pending' })).statusCode, 409, 'a decided item keeps its record');

  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/decisions/catalog?organisationId=${city.id}&year=2026` })).json().items.length, 0, 'not yet on the catalog');
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/decisions/${id}/published`, headers, payload: { published: true } })).statusCode, 200);
  const catalog = await app.inject({ method: 'GET', url: `/api/v1/decisions/catalog?organisationId=${city.id}&year=2026` });
  assert.equal(catalog.json().items.length, 1);
  assert.doesNotMatch(catalog.body, /内部备注|"note"/, 'procedure notes stay internal');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/decisions/${id}`, headers })).statusCode, 409);

  const other = await orgByName(services, '宜昌市财政局');
  const outsider = await buildUser(services, other.id, [{ role: 'office_admin', orgId: other.id }]);
  const outsiderHeaders = await login(outsider.username, outsider.password);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/decisions/${id}`, headers: outsiderHeaders })).statusCode, 404);
  assert.equal((await app.inject({ method: 'PUT', url: `/api/v1/decisions/${id}/procedures/risk_assessment`, headers: outsiderHeaders, payload: { status: 'pending' } })).statusCode, 404);
  const audit = await services.database.db.selectFrom('aud_log').select('action').where('entity_type', '=', 'decision_item').execute();
  assert.ok(audit.some((a) => a.action === 'decision.decide'));
});
