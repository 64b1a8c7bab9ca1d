// Shared set-up of the consultation tests: staff of 宜昌市司法局, a controllable clock and a draft with five articles.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { signedInStaff } from '../support/factories.ts';

export const DRAFT = [
  '宜昌市城市绿化管理办法（征求意见稿）',
  '第一章　总则',
  '第一条　为了加强城市绿化管理，制定本办法。',
  '第二条　本办法适用于本市城市规划区内的绿化规划、建设、保护和管理。',
  '第二章　建设与保护',
  '第三条　新建居住区的绿地率不得低于百分之三十。',
  '改建居住区的绿地率不得低于百分之二十五。',
  '第四条　任何单位和个人不得擅自砍伐城市树木。',
  '第五条　本办法自公布之日起施行。',
].join('\n');

export const consultationBody = (organisationId: string, over: Record<string, unknown> = {}) => ({
  organisationId,
  kind: 'rule',
  title: '关于《宜昌市城市绿化管理办法（征求意见稿）》公开征求意见',
  draftText: DRAFT,
  explanation: '为落实城市绿化条例，市司法局会同市园林局起草了本办法，现说明如下：一、必要性；二、主要内容。',
  opensOn: '2026-03-02',
  closesOn: '2026-03-31',
  channels: [
    { kind: '网上', detail: '在本页面提交' },
    { kind: '信函', detail: '宜昌市西陵区某路 1 号市司法局立法科（信封注明“意见征集”）' },
    { kind: '电子邮件', detail: 'lfk@example.gov.cn' },
  ],
  contact: '市司法局立法科，0717-0000000',
  ...over,
});

export type ConsultationCtx = TestApp & Awaited<ReturnType<typeof signedInStaff>> & { setToday(d: string): void };

export async function setupConsultations(t: TestContext, env: Record<string, string> = {}): Promise<ConsultationCtx> {
  const ctx = await buildTestApp(t, env);
  let today = '2026-03-01';
  ctx.services.consultations.setToday(() => today);
  const staff = await signedInStaff(ctx, '宜昌市司法局');
  return { ...ctx, ...staff, setToday: (d: string) => (today = d) };
}

/** A consultation created and published by the department's editor (opens 03-02, closes 03-31). */
export async function publishedConsultation(ctx: ConsultationCtx, over: Record<string, unknown> = {}): Promise<string> {
  const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/consultations', headers: ctx.editor, payload: consultationBody(ctx.dept.id, over) });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/publish`, headers: ctx.editor });
  assert.equal(published.statusCode, 200, published.body);
  return id;
}

/** Asks for a code for the phone and reads it from the test gateway. */
export async function codeFor(ctx: ConsultationCtx, id: string, phone: string): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/consultations/${id}/verification`, payload: { channel: 'sms', address: phone } });
  assert.equal(res.statusCode, 200, res.body);
  await ctx.services.notifier.deliverDue();
  const body = ctx.gateway.lastTo(phone);
  const code = /(\d{6})/.exec(body ?? '')?.[1];
  assert.ok(code, `a code was sent to ${phone}`);
  return code!;
}

/** Publishes a document through the workflow (editor drafts and submits, reviewer approves and publishes). */
export async function publishedDocument(ctx: ConsultationCtx, title: string): Promise<string> {
  const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/documents', headers: ctx.editor, payload: { organisationId: ctx.dept.id, title, bodyHtml: `<p>${title}正文。</p>` } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  for (const [who, action] of [[ctx.editor, 'submit'], [ctx.reviewer, 'approve'], [ctx.reviewer, 'publish']] as const) {
    const r = await ctx.app.inject({ method: 'POST', url: `/api/v1/documents/${id}/actions`, headers: who, payload: { action } });
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
  }
  return id;
}
