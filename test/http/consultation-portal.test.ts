import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publishedConsultation, publishedDocument, setupConsultations } from './consultations.support.ts';

const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

test('portal: list, home, draft by article, no-JavaScript comment form, nothing unmoderated or personal on pages and feeds, the report linked from the final document', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, editor, reviewer, setToday } = ctx;
  const id = await publishedConsultation(ctx);
  setToday('2026-03-05');

  const home = await app.inject({ method: 'GET', url: '/' });
  assert.match(home.body, /正在征求意见/);
  assert.match(home.body, /宜昌市城市绿化管理办法/);
  const list = await app.inject({ method: 'GET', url: '/consultations?phase=open' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`/consultations/${id}`));
  assert.match((await app.inject({ method: 'GET', url: '/consultations?phase=concluded' })).body, /暂无符合条件的意见征集/);

  const page = await app.inject({ method: 'GET', url: `/consultations/${id}?anchor=3` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="art-3"/);
  assert.match(page.body, /本条已公开意见 0 条/);
  assert.match(page.body, /<option value="3" selected="">第三条<\/option>/);
  assert.match(page.body, /第三条第二款/);

  // No code yet: the form comes back with the text kept and a clear error.
  const noCode = await app.inject({ method: 'POST', url: `/consultations/${id}/comment`, ...form({ anchor: '3', text: '建议提高绿地率<script>alert(1)</script>', channel: 'sms', address: '13912345678' }) });
  assert.equal(noCode.statusCode, 400);
  assert.match(noCode.body, /请填写验证码/);
  assert.match(noCode.body, /建议提高绿地率&lt;script&gt;/, 'the text comes back escaped, never as markup');
  assert.doesNotMatch(noCode.body, /<script>alert/);
  const sent = await app.inject({ method: 'POST', url: `/consultations/${id}/code`, ...form({ anchor: '3', text: '建议提高绿地率', channel: 'sms', address: '13912345678' }) });
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /验证码已发送至 139\*\*\*\*5678/);
  await ctx.services.notifier.deliverDue();
  const code = /(\d{6})/.exec(ctx.gateway.lastTo('13912345678') ?? '')![1]!;
  const ok = await app.inject({ method: 'POST', url: `/consultations/${id}/comment`, ...form({ anchor: '3', text: '建议将绿地率提高到百分之三十五<script>alert(1)</script>', name: '王五', channel: 'sms', address: '13912345678', code }) });
  assert.equal(ok.statusCode, 303);
  assert.match(ok.headers.location as string, /submitted=1/);
  assert.match((await app.inject({ method: 'GET', url: `/consultations/${id}?submitted=1` })).body, /您的意见已提交，经审核后公开/);

  const unmoderated = await app.inject({ method: 'GET', url: `/consultations/${id}` });
  assert.doesNotMatch(unmoderated.body, /百分之三十五/, 'not shown before moderation');
  const feed = await app.inject({ method: 'GET', url: '/feeds/consultations.atom' });
  assert.equal(feed.statusCode, 200);
  assert.match(feed.headers['content-type'] as string, /atom\+xml/);
  assert.match(feed.body, /宜昌市城市绿化管理办法/);
  assert.doesNotMatch(feed.body, /百分之三十五|王五|13912345678/);

  const [comment] = (await app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/all-comments`, headers: reviewer })).json().items;
  await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${comment.id}/moderation`, headers: reviewer, payload: { approve: true } });
  const moderated = await app.inject({ method: 'GET', url: `/consultations/${id}?anchor=3` });
  assert.match(moderated.body, /建议将绿地率提高到百分之三十五/);
  assert.match(moderated.body, /本条已公开意见 1 条/);
  assert.doesNotMatch(moderated.body, /王五|13912345678|<script>alert/);

  setToday('2026-04-01');
  assert.doesNotMatch((await app.inject({ method: 'GET', url: `/consultations/${id}` })).body, /id="comment-form"/, 'no form once closed');
  const closedPost = await app.inject({ method: 'POST', url: `/consultations/${id}/comment`, ...form({ text: '截止后提交的意见内容', channel: 'sms', address: '13912345678', code: '123456' }) });
  assert.equal(closedPost.statusCode, 409);
  assert.match(closedPost.body, /不在意见征集期内/);
  assert.equal((await app.inject({ method: 'GET', url: `/consultations/${id}/result` })).statusCode, 404, 'no result page before the result');

  await app.inject({ method: 'POST', url: `/api/v1/consultations/comments/${comment.id}/decision`, headers: editor, payload: { decision: 'partly', reason: '部分区域调整为百分之三十五' } });
  const finalDoc = await publishedDocument(ctx, '宜昌市城市绿化管理办法');
  const result = await app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/result`, headers: editor, payload: { summary: '共收到意见 1 条，部分采纳 1 条。', finalDocumentId: finalDoc } });
  assert.equal(result.statusCode, 200, result.body);
  const report = await app.inject({ method: 'GET', url: `/consultations/${id}/result` });
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /部分采纳<\/strong>：部分区域调整为百分之三十五/);
  assert.match(report.body, new RegExp(`href="/documents/${finalDoc}"`));
  const docPage = await app.inject({ method: 'GET', url: `/documents/${finalDoc}` });
  assert.match(docPage.body, /征求意见及采纳情况/);
  assert.match(docPage.body, new RegExp(`/consultations/${id}/result`));
});

test('portal: the decision catalog lists published items with procedure dates; unknown catalogs answer 404', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, editor, dept } = ctx;
  const item = (await app.inject({ method: 'POST', url: '/api/v1/decisions', headers: editor, payload: { organisationId: dept.id, year: 2026, title: '城市绿化专项规划', summary: '', department: '市园林局' } })).json();
  await app.inject({ method: 'PUT', url: `/api/v1/decisions/${item.id}/procedures/public_participation`, headers: editor, payload: { status: 'done', doneOn: '2026-04-01', note: '内部备注不公开' } });
  assert.doesNotMatch((await app.inject({ method: 'GET', url: '/decisions' })).body, /2026 年度/);
  await app.inject({ method: 'POST', url: `/api/v1/decisions/${item.id}/published`, headers: editor, payload: { published: true } });
  assert.match((await app.inject({ method: 'GET', url: '/decisions' })).body, /宜昌市司法局 2026 年度重大行政决策事项目录/);
  const page = await app.inject({ method: 'GET', url: `/decisions/${dept.id}/2026` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /城市绿化专项规划/);
  assert.match(page.body, /2026-04-01/);
  assert.doesNotMatch(page.body, /内部备注/);
  assert.equal((await app.inject({ method: 'GET', url: '/decisions/nope/2026' })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `/decisions/${dept.id}/abcd` })).statusCode, 404);
});

test('portal: a signed-in member of staff can use the comment form (it carries the session token)', async (t) => {
  const ctx = await setupConsultations(t);
  const { app, editor, setToday } = ctx;
  const id = await publishedConsultation(ctx);
  setToday('2026-03-05');
  const cookie = String(editor.cookie);
  const page = await app.inject({ method: 'GET', url: `/consultations/${id}`, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(token, 'the form carries the session token');
  const fields = { anchor: '3', text: '工作人员以个人身份提出的意见', channel: 'sms', address: '13912345670' };
  const sent = await app.inject({ method: 'POST', url: `/consultations/${id}/code`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, _csrf: token }).toString() });
  assert.equal(sent.statusCode, 200, sent.body.slice(0, 200));
  const forged = await app.inject({ method: 'POST', url: `/consultations/${id}/code`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
  assert.equal(forged.statusCode, 403, 'without the token a signed-in browser is still refused');
  const anonymous = await app.inject({ method: 'GET', url: `/consultations/${id}` });
  assert.doesNotMatch(anonymous.body, /name="_csrf"/);
});

test('the 互动交流 hub lists the participation pages and the consultations open now, and the main navigation leads there', async (t) => {
  const ctx = await setupConsultations(t);
  const id = await publishedConsultation(ctx);
  const hub = async () => (await ctx.app.inject('/interaction')).body;
  assert.match(await hub(), /目前没有正在征集意见的草案/, 'announced, not yet open');
  ctx.setToday('2026-03-10');
  const body = await hub();
  assert.ok(body.includes(`href="/consultations/${id}"`), 'an open consultation is listed');
  for (const href of ['/consultations', '/qa', '/feedback', '/meetings', '/decisions', '/qa/ask']) assert.ok(body.includes(`href="${href}"`), href);
  assert.match(body, /暂无已公开的政策问答/);
  const home = (await ctx.app.inject('/')).body;
  assert.match(home, /<a href="\/interaction">互动交流<\/a>/);
  assert.ok((await ctx.app.inject('/sitemap.xml')).body.includes('/interaction</loc>'));
});
