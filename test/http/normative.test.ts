// Normative documents: 统一登记编号, default validity on save, the stored validity status kept current by publishing,
// effects and the daily task, the library's SQL filters and 专题, and the expiry reminders of 工作待办.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';
import { addDays } from '../../src/modules/documents/domain/dates.ts';
import { beijingToday } from '../../src/modules/documents/document-relations.ts';
import { systemActor } from '../../src/platform/authz/actor.ts';

async function setup(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, env);
  const dept = await orgByName(ctx.services, '宜昌市司法局');
  const other = await orgByName(ctx.services, '宜昌市教育局');
  const editor = await buildUser(ctx.services, dept.id, [{ role: 'editor', orgId: dept.id }]);
  const reviewer = await buildUser(ctx.services, dept.id, [{ role: 'reviewer', orgId: dept.id }]);
  const otherEditor = await buildUser(ctx.services, other.id, [{ role: 'editor', orgId: other.id }]);
  const otherReviewer = await buildUser(ctx.services, other.id, [{ role: 'reviewer', orgId: other.id }]);
  const e = await ctx.login(editor.username, editor.password);
  const r = await ctx.login(reviewer.username, reviewer.password);
  const admin = await ctx.login('admin', 'admin-test-password-1');
  const o = await ctx.login(otherEditor.username, otherEditor.password);
  const or = await ctx.login(otherReviewer.username, otherReviewer.password);
  const { app } = ctx;
  const create = async (payload: object, headers = e, orgId = dept.id) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/documents', headers, payload: { organisationId: orgId, ...payload } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const publish = async (id: string, editorHeaders = e, reviewerHeaders = r) => {
    for (const [h, action] of [[editorHeaders, 'submit'], [reviewerHeaders, 'approve'], [reviewerHeaders, 'publish']] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: h, payload: { action } });
      assert.equal(res.statusCode, 200, res.body);
    }
    return (await app.inject({ url: `/api/v1/documents/${id}`, headers: editorHeaders })).json();
  };
  const library = async (query = '') => (await app.inject(`/api/v1/normative/documents${query}`)).json();
  return { ...ctx, dept, other, e, r, o, or, admin, create, publish, library };
}

test('统一登记编号: generated on first publication from the pattern, per counter; hand entry checked against it', async (t) => {
  const { app, services, e, create, publish } = await setup(t);
  const a = await publish((await create({ title: '宜昌市行政复议案件办理规定', normativeKind: 'normative', effectiveFrom: '2024-01-01' })).id);
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  assert.equal(a.registrationNo, `420500-${year}-0001`, 'a city department numbers under the city division code');
  const plain = await publish((await create({ title: '一则通知' })).id);
  assert.equal(plain.registrationNo, null, 'only normative documents are registered');

  const b = await create({ title: '宜昌市法律援助实施办法', normativeKind: 'normative', effectiveFrom: '2024-01-01' });
  const put = (id: string, registrationNo: string | null) => app.inject({ method: 'PUT', url: `/api/v1/documents/${id}/registration-no`, headers: e, payload: { registrationNo } });
  const bad = await put(b.id, 'YCGS-2024-1');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'REGISTRATION_NO_FORMAT');
  assert.equal((await put(b.id, a.registrationNo)).json().error.code, 'REGISTRATION_NO_TAKEN');
  const manual = await put(b.id, `420500-${year}-0005`);
  assert.equal(manual.statusCode, 200, manual.body);
  assert.equal((await publish(b.id)).registrationNo, `420500-${year}-0005`, 'a hand-entered number is kept on publication');
  const c = await publish((await create({ title: '宜昌市公证管理办法', normativeKind: 'normative', effectiveFrom: '2024-01-01' })).id);
  assert.equal(c.registrationNo, `420500-${year}-0006`, 'the counter moved past the hand-entered number');
  assert.equal((await put(plain.id, `420500-${year}-0009`)).json().error.code, 'NOT_NORMATIVE');
  const audited = await services.database.db.selectFrom('aud_log').select('action').where('entity_id', '=', b.id).execute();
  assert.ok(audited.some((a) => a.action === 'document.registration_no'), 'the hand entry is audited');
});

test('registration pattern from the setting: a literal city prefix shares one counter across organisations', async (t) => {
  const { create, publish, o, or, other } = await setup(t, { GONGKAI_REGISTRATION_PATTERN: 'YCGS-{YYYY}-{seq}' });
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const a = await publish((await create({ title: '规范性文件甲', normativeKind: 'normative', effectiveFrom: '2024-01-01' })).id);
  const b = await publish((await create({ title: '规范性文件乙', normativeKind: 'normative', effectiveFrom: '2024-01-01' }, o, other.id)).id, o, or);
  assert.equal(a.registrationNo, `YCGS-${year}-1`);
  assert.equal(b.registrationNo, `YCGS-${year}-2`);
});

test('default validity on save: 5 years, 2 for 暂行, none for 规章; a typed date wins; the rule is shown', async (t) => {
  const { app, e, create } = await setup(t);
  const doc = await create({ title: '宜昌市某管理办法', normativeKind: 'normative', effectiveFrom: '2024-03-01' });
  assert.equal(doc.edition.expiresOn, '2029-02-28');
  assert.equal(doc.edition.validityRule.id, 'default');
  const patch = async (payload: object) => (await app.inject({ method: 'PATCH', url: `/api/v1/documents/${doc.id}`, headers: e, payload })).json();
  const renamed = await patch({ title: '宜昌市某管理暂行办法' });
  assert.equal(renamed.edition.expiresOn, '2026-02-28', 'a default follows the title while nobody typed a date');
  assert.equal(renamed.edition.validityRule.id, 'provisional');
  const typed = await patch({ expiresOn: '2027-06-30' });
  assert.equal(typed.edition.expiresOn, '2027-06-30');
  assert.equal(typed.edition.validityRule, null);
  assert.equal((await patch({ effectiveFrom: '2024-04-01' })).edition.expiresOn, '2027-06-30', 'a typed date is never overwritten');
  const rule = await create({ title: '宜昌市某规定', normativeKind: 'rule', effectiveFrom: '2024-03-01' });
  assert.equal(rule.edition.expiresOn, null);
  assert.equal(rule.edition.validityRule.id, 'rule-none');
  const plain = await create({ title: '普通通知', effectiveFrom: '2024-03-01' });
  assert.equal(plain.edition.expiresOn, null);
});

test('validity rules from GONGKAI_VALIDITY_RULES replace the defaults', async (t) => {
  const { create } = await setup(t, { GONGKAI_VALIDITY_RULES: '[{"id":"hubei","when":{},"years":3,"note":"假设"}]' });
  const doc = await create({ title: '宜昌市某办法', normativeKind: 'normative', writtenOn: '2024-01-10' });
  assert.equal(doc.edition.expiresOn, '2027-01-09', 'counted from 成文日期 when there is no 实施日期');
  assert.equal(doc.edition.validityRule.id, 'hubei');
});

test('stored status follows publication and effects in the same transaction, and the daily task follows the calendar', async (t) => {
  const { app, services, e, create, publish, library } = await setup(t);
  const today = beijingToday();
  const old = await publish((await create({ title: '宜昌市某管理办法', normativeKind: 'normative', effectiveFrom: '2020-01-01', expiresOn: '2099-12-31' })).id);
  assert.equal(old.validityStatus, 'in_force');
  assert.equal(old.validityStatusOn, today);
  const future = await publish((await create({ title: '宜昌市将来施行的办法', normativeKind: 'normative', effectiveFrom: addDays(today, 10), expiresOn: '2099-12-31' })).id);
  assert.equal(future.validityStatus, 'not_yet_in_force');

  const later = await create({ title: '关于废止某管理办法的决定' });
  await app.inject({ method: 'POST', url: `/api/v1/documents/${later.id}/effects`, headers: e, payload: { affectedDocumentId: old.id, type: 'repeals', inForceOn: '2024-06-01' } });
  const stored = async (id: string) => (await app.inject({ url: `/api/v1/documents/${id}`, headers: e })).json().validityStatus;
  assert.equal(await stored(old.id), 'in_force', 'an effect of an unpublished document does not count');
  await publish(later.id);
  assert.equal(await stored(old.id), 'repealed');
  assert.deepEqual((await library()).items.map((i: { id: string }) => i.id), [], 'the library no longer lists it; the future one is not in force yet');
  const events = await services.database.db.selectFrom('sys_outbox').select(['topic', 'payload']).where('topic', '=', 'document.validity_changed').execute();
  assert.ok(events.some((ev) => JSON.parse(ev.payload).documentId === old.id), 'search hears of the change');

  const effect = (await app.inject({ url: `/api/v1/documents/${old.id}/validity`, headers: e })).json().effects;
  assert.equal(effect.length, 1);
  const effectId = (await services.database.db.selectFrom('doc_effect').select('id').where('affected_document_id', '=', old.id).executeTakeFirstOrThrow()).id;
  const removed = await app.inject({ method: 'DELETE', url: `/api/v1/documents/${later.id}/effects/${effectId}`, headers: e });
  assert.equal(removed.statusCode, 204, removed.body);
  assert.equal(await stored(old.id), 'in_force', 'removing the effect restores the status');

  // The daily task: nothing due today; idempotent; dates reached change the status.
  assert.equal(await services.relations.refreshDueStatuses(today), 0);
  assert.equal(await services.relations.refreshDueStatuses(addDays(today, 9)), 0, 'the day before 实施日期 nothing changes');
  assert.equal(await services.relations.refreshDueStatuses(addDays(today, 10)), 1);
  assert.equal(await stored(future.id), 'in_force');
  assert.equal(await services.relations.refreshDueStatuses(addDays(today, 10)), 0, 'a second run the same day finds nothing');
  assert.equal(await services.relations.refreshDueStatuses('2099-12-31'), 0, 'still valid on its last day');
  assert.equal(await services.relations.refreshDueStatuses('2100-01-01'), 2);
  assert.equal(await stored(old.id), 'expired');
  assert.equal(await stored(future.id), 'expired');
});

test('the daily task computes documents published before the status column existed', async (t) => {
  const { services, create, publish } = await setup(t);
  const doc = await publish((await create({ title: '宜昌市旧办法', normativeKind: 'normative', effectiveFrom: '2020-01-01' })).id);
  assert.equal(doc.edition.expiresOn, '2024-12-31', 'the default 5 years');
  await services.database.db.updateTable('doc_document').set({ validity_status: null, validity_status_on: null, validity_next_on: null }).where('id', '=', doc.id).execute();
  assert.equal(await services.relations.refreshDueStatuses(beijingToday()), 1);
  const row = await services.database.db.selectFrom('doc_document').select(['validity_status', 'validity_next_on']).where('id', '=', doc.id).executeTakeFirstOrThrow();
  assert.equal(row.validity_status, 'expired');
  assert.equal(row.validity_next_on, null, 'nothing more can change by the calendar');
  assert.equal(await services.relations.refreshDueStatuses(beijingToday()), 0);
});

test('library: SQL filters for status, issuer subtree, year, topic and 专题; no drafts', async (t) => {
  const { app, dept, other, e, o, or, admin, create, publish, library } = await setup(t);
  const a = await publish((await create({ title: '司法甲办法', normativeKind: 'normative', writtenOn: '2023-05-01', effectiveFrom: '2023-06-01', expiresOn: '2099-01-01', topic: '0201' })).id);
  const b = await publish((await create({ title: '司法乙办法（已失效）', normativeKind: 'normative', writtenOn: '2018-01-01', effectiveFrom: '2018-01-01', expiresOn: '2019-12-31' })).id);
  const c = await publish((await create({ title: '教育丙办法', normativeKind: 'normative', writtenOn: '2024-02-01', effectiveFrom: '2024-02-01', topic: '1302' }, o, other.id)).id, o, or);
  await create({ title: '草稿不应出现', normativeKind: 'normative', effectiveFrom: '2024-01-01' });
  const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();
  const current = await library();
  assert.ok(current.items.every((i: { status: string }) => ['in_force', 'amended'].includes(i.status)));
  assert.ok(ids(current).includes(a.id) && !ids(current).includes(b.id));
  assert.ok(!JSON.stringify(current).includes('草稿不应出现'));
  assert.deepEqual(ids(await library('?status=expired')), [b.id]);
  assert.ok(ids(await library('?status=all')).includes(b.id));
  assert.deepEqual(ids(await library(`?status=all&organisationId=${dept.id}`)), [a.id, b.id].sort());
  assert.deepEqual(ids(await library('?status=all&year=2023')), [a.id]);
  assert.deepEqual(ids(await library('?status=all&topic=02')), [a.id], 'a top-level topic matches its sub-topics');
  assert.equal((await app.inject('/api/v1/normative/documents?organisationId=nope')).statusCode, 404);
  assert.equal((await app.inject('/api/v1/normative/documents?status=bogus')).statusCode, 400);

  // 专题: topic codes and hand-added documents; managed by the openness office (catalog.manage).
  const denied = await app.inject({ method: 'POST', url: '/api/v1/normative/themes', headers: e, payload: { organisationId: dept.id, name: '优化营商环境' } });
  assert.equal(denied.statusCode, 400, 'an editor cannot manage themes');
  const theme = await app.inject({ method: 'POST', url: '/api/v1/normative/themes', headers: admin, payload: { organisationId: dept.id, name: '优化营商环境', topicCodes: ['13'] } });
  assert.equal(theme.statusCode, 201, theme.body);
  const themeId = theme.json().id;
  const dup = await app.inject({ method: 'POST', url: '/api/v1/normative/themes', headers: admin, payload: { organisationId: dept.id, name: '优化营商环境' } });
  assert.equal(dup.json().error.code, 'THEME_NAME_TAKEN');
  const added = await app.inject({ method: 'POST', url: `/api/v1/normative/themes/${themeId}/documents`, headers: admin, payload: { documentId: a.id } });
  assert.equal(added.statusCode, 204, added.body);
  const inTheme = ids(await library(`?themeId=${themeId}`));
  assert.deepEqual(inTheme, [a.id, c.id].sort(), 'hand-added plus by topic');
  const publicTheme = (await app.inject(`/api/v1/normative/themes/${themeId}`)).json();
  assert.deepEqual(publicTheme.items.map((i: { id: string }) => i.id), [a.id]);
  // The portal library: the same filters as a GET form, a feed per filter, the themes as links.
  const html = async (url: string) => (await app.inject(url)).body.replace(/<!-- -->/g, '');
  const portal = await html(`/normative?theme=${themeId}`);
  assert.match(portal, /专题“优化营商环境”的文件共 2 件/);
  assert.match(portal, /href="\/normative\?theme=[^"]+"[^>]*>优化营商环境</);
  assert.match(await html('/normative?status=all&year=2023'), /全部、2023年的文件共 1 件/);
  const feed = (await app.inject('/normative/feed.atom?status=expired')).body;
  assert.match(feed, /司法乙办法（已失效）/);
  assert.doesNotMatch(feed, /司法甲办法/);
  assert.match((await app.inject('/normative/feed.atom')).body, /司法乙办法/, 'the unfiltered feed carries every status');
  assert.equal((await app.inject('/normative?theme=nope&year=abcd&topic=99')).statusCode, 200, 'bad filters fall back');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/normative/themes/${themeId}/documents/${a.id}`, headers: admin })).statusCode, 204);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/normative/themes/${themeId}`, headers: e })).statusCode, 404);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/normative/themes/${themeId}`, headers: admin })).statusCode, 204);
  assert.deepEqual((await app.inject('/api/v1/normative/themes')).json().items, []);
});

test('工作待办: documents expiring within 90 days, urgent within 30, only in the actor’s subtree', async (t) => {
  const { app, services, e, o, create, publish } = await setup(t);
  const today = beijingToday();
  const make = async (days: number) => (await publish((await create({ title: `到期${days}天`, normativeKind: 'normative', effectiveFrom: '2020-01-01', expiresOn: addDays(today, days) })).id)).id as string;
  const ids = Object.fromEntries(await Promise.all([30, 31, 90, 91].map(async (d) => [d, await make(d)] as const)));
  await services.outbox.idle(); // filings are opened by an event handler after each publication
  const res = await app.inject({ url: '/api/v1/todo', headers: e });
  assert.equal(res.statusCode, 200, res.body);
  const list = res.json();
  const byId = new Map(list.items.map((i: { id: string }) => [i.id, i]));
  assert.equal(byId.has(ids[91]), false, 'day 91 is outside the notice period');
  assert.deepEqual([30, 31, 90].map((d) => (byId.get(ids[d]) as { urgent: boolean }).urgent), [true, false, false]);
  assert.equal((byId.get(ids[30]) as { daysLeft: number }).daysLeft, 30);
  assert.equal(list.items[0].id, ids[30], 'urgent first');
  assert.match((byId.get(ids[30]) as { href: string }).href, /^\/documents\?edit=/);
  assert.deepEqual(list.groups, [
    { kind: 'normative_expiry', name: '规范性文件即将到期', count: 3, urgent: 1 },
    { kind: 'normative_filing', name: '规范性文件备案', count: 4, urgent: 0 },
    { kind: 'missing_interpretation', name: '政策解读待发布（三同步）', count: 0, urgent: 0 },
    { kind: 'calendar_schedule', name: '工作日历', count: 0, urgent: 0 },
    { kind: 'request_deadline', name: '依申请公开临近或超过答复期限', count: 0, urgent: 0 },
    { kind: 'consultation_result', name: '意见征集已截止、尚未公布采纳情况', count: 0, urgent: 0 },
    { kind: 'qa_deadline', name: '政策问答临近或超过答复期限', count: 0, urgent: 0 },
    { kind: 'feedback_deadline', name: '营商环境线索临近或超过答复期限', count: 0, urgent: 0 },
  ]);
  assert.deepEqual((await app.inject({ url: '/api/v1/todo', headers: o })).json().items, [], 'another organisation’s editor sees none');
  assert.equal((await app.inject('/api/v1/todo')).statusCode, 401);
  // With a fixed later date the same document moves into the urgent band, and expired ones drop out.
  const later = await services.todo.list(systemActor(), addDays(today, 61));
  assert.equal((later.items.find((i) => i.id === ids[90]) as { urgent: boolean }).urgent, true);
  assert.equal(later.items.some((i) => i.id === ids[30]), false);
});
