// A small publishing site for the portal's tests, built through the HTTP API as staff would build it: published
// policies with an interpretation, a repeal, an expired and a withdrawn document, one taken down with a replacement,
// and content that must never be public (draft, rejected, scheduled, submitted, approved, an open revision).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../../../test/support/app.ts';
import { buildUser, orgByName } from '../../../test/support/factories.ts';

/** City, two districts, three townships and the city departments: small enough to crawl completely. */
export const SMALL_DIVISIONS = { GONGKAI_DIVISIONS_DIR: fileURLToPath(new URL('./divisions/', import.meta.url)) };

/** Titles that must never appear on any public page, feed or sitemap. */
export const SECRET_TITLES = ['【草稿】不应公开的文件甲', '【驳回】不应公开的文件乙', '【定时】不应公开的文件丙', '【待审】不应公开的文件丁', '【已审】不应公开的文件戊', '【修订稿】不应公开的修订标题'];

type Doc = { id: string; slug: string };
export type SeededSite = {
  deptId: string;
  countyId: string;
  columns: { regulations: string; other: string; penalties: string; empty: string };
  policy: Doc;
  reading: Doc;
  repealed: Doc;
  repealer: Doc;
  expired: Doc;
  county: Doc;
  withdrawn: Doc;
  gone: Doc;
  special: Doc;
  revised: Doc;
  secrets: Doc[];
  bulkTitles: string[];
};

export async function seedPublishingSite({ app, services, login }: TestApp, options: { bulk?: number } = {}): Promise<SeededSite> {
  const city = await orgByName(services, '宜昌市');
  const dept = await orgByName(services, '宜昌市司法局');
  const county = await orgByName(services, '夷陵区');
  const grant = (role: string) => [{ role, orgId: city.id }];
  const [editor, reviewer, office] = await Promise.all(['editor', 'reviewer', 'office_admin'].map((r) => buildUser(services, dept.id, grant(r))));
  const e = await login(editor!.username, editor!.password);
  const r = await login(reviewer!.username, reviewer!.password);
  const o = await login(office!.username, office!.password);

  const call = async (headers: Record<string, string>, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, expect = [200, 201, 204]) => {
    const res = await app.inject({ method, url: `/api/v1${url}`, headers, payload });
    assert.ok(expect.includes(res.statusCode), `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const act = (headers: Record<string, string>, id: string, action: string, extra: object = {}) => call(headers, 'POST', `/documents/${id}/actions`, { action, ...extra });
  const create = async (payload: object, orgId = dept.id): Promise<Doc> => {
    const doc = await call(e, 'POST', '/documents', { organisationId: orgId, bodyHtml: '<p>正文。</p>', ...payload });
    return { id: doc.id, slug: doc.slug };
  };
  const publish = async (doc: Doc) => {
    await act(e, doc.id, 'submit');
    await act(r, doc.id, 'approve');
    await act(r, doc.id, 'publish');
    return doc;
  };
  const place = (doc: Doc, ...columnIds: string[]) => call(e, 'PUT', `/documents/${doc.id}/columns`, { columnIds });

  const catalog = (await app.inject(`/api/v1/organisations/${dept.id}/catalog`)).json().items as { id: string; code: string }[];
  const col = (code: string) => catalog.find((c) => c.code === code)!.id;
  const columns = { regulations: col('xxgk.statutory.a20-regulations'), other: col('xxgk.statutory.a20-other'), penalties: col('xxgk.statutory.a20-penalties'), empty: col('xxgk.statutory.a20-fees') };

  const policy = await create({
    title: '宜昌市司法局关于印发《行政执法公示办法》的通知',
    normativeKind: 'normative',
    docNo: '宜司规〔2024〕1号',
    writtenOn: '2024-03-01',
    effectiveFrom: '2024-04-01',
    topic: '0201',
    genre: '通知',
    keywords: ['行政执法', '公示'],
    summary: '规范全市行政执法公示的内容、程序和监督。',
    note: '（此件公开发布）',
    bodyHtml: '<h1>第一章 总则</h1><p>第一条 为规范行政执法公示工作，制定本办法。</p><p>详见<a href="https://www.gov.cn/">中国政府网</a>。</p>',
  });
  await place(policy, columns.regulations);
  await publish(policy);
  const reading = await create({ title: '《行政执法公示办法》政策解读', kind: 'interpretation', summary: '解读行政执法公示的主要内容。' });
  await call(e, 'POST', `/documents/${reading.id}/links`, { toDocumentId: policy.id, type: 'interprets' });
  await place(reading, columns.other);
  await publish(reading);

  const repealed = await publish(await create({ title: '宜昌市行政执法证件管理办法', normativeKind: 'normative', docNo: '宜司规〔2020〕2号', effectiveFrom: '2020-05-01' }));
  const repealer = await create({ title: '宜昌市司法局关于废止《宜昌市行政执法证件管理办法》的决定', docNo: '宜司发〔2024〕9号', genre: '决定' });
  await call(e, 'POST', `/documents/${repealer.id}/effects`, { affectedDocumentId: repealed.id, type: 'repeals', inForceOn: '2024-06-01' });
  await publish(repealer);
  const expired = await publish(await create({ title: '宜昌市法律援助补贴暂行办法', normativeKind: 'normative', effectiveFrom: '2019-01-01', expiresOn: '2021-12-31' }));
  const countyDoc = await publish(await create({ title: '夷陵区人民政府关于加强村级公益事业建设的意见', normativeKind: 'normative', effectiveFrom: '2023-01-01' }, county.id));

  const withdrawn = await publish(await create({ title: '宜昌市司法局2023年普法宣传活动安排' }));
  await act(r, withdrawn.id, 'withdraw', { reason: '活动安排已调整' });
  const gone = await publish(await create({ title: '宜昌市司法局关于旧事项的公告' }));
  await place(gone, columns.other);
  await act(o, gone.id, 'unpublish', { reason: '依法撤销', replacementDocumentId: policy.id });
  const special = await publish(await create({ title: '关于<公共法律服务>&"便民"措施的通知', summary: 'A&B <c> "d" \'e\'' }));
  await place(special, columns.other);

  const revised = await publish(await create({ title: '宜昌市公共法律服务事项清单（第一版）' }));
  await call(e, 'POST', `/documents/${revised.id}/editions`, { changeType: 'major', changeNote: '增加法律援助事项' });
  await call(e, 'PATCH', `/documents/${revised.id}`, { title: '宜昌市公共法律服务事项清单' });
  await publish(revised);

  // Never public: each state before publication, placed in a column, linked from a public document.
  const secrets: Doc[] = [];
  for (const title of SECRET_TITLES.slice(0, 5)) {
    const doc = await create({ title, normativeKind: 'normative', effectiveFrom: '2024-01-01', summary: `${title}的概述` });
    await place(doc, columns.regulations);
    secrets.push(doc);
  }
  const [draft, rejected, scheduled, submitted, approved] = secrets as [Doc, Doc, Doc, Doc, Doc];
  await act(e, rejected.id, 'submit');
  await act(r, rejected.id, 'reject', { reason: '措辞需调整' });
  await act(e, scheduled.id, 'submit');
  await act(r, scheduled.id, 'approve');
  await act(r, scheduled.id, 'schedule', { publishAt: new Date(Date.now() + 86_400_000).toISOString() });
  await act(e, submitted.id, 'submit');
  await act(e, approved.id, 'submit');
  await act(r, approved.id, 'approve');
  await call(e, 'POST', `/documents/${policy.id}/links`, { toDocumentId: draft.id, type: 'related' });
  await call(e, 'POST', `/documents/${draft.id}/effects`, { affectedDocumentId: policy.id, type: 'amends', inForceOn: '2024-05-01' });
  await call(e, 'POST', `/documents/${policy.id}/editions`, { changeType: 'minor' });
  await call(e, 'PATCH', `/documents/${policy.id}`, { title: SECRET_TITLES[5] });

  const bulkTitles: string[] = [];
  for (let i = 1; i <= (options.bulk ?? 0); i++) {
    const title = `宜昌市司法局行政处罚决定公示（第${i}号）`;
    const doc = await create({ title, docNo: `宜司罚〔2024〕${i}号` });
    await place(doc, columns.penalties);
    await publish(doc);
    bulkTitles.push(title);
  }
  return { deptId: dept.id, countyId: county.id, columns, policy, reading, repealed, repealer, expired, county: countyDoc, withdrawn, gone, special, revised, secrets, bulkTitles };
}
