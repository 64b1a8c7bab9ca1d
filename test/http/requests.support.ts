// Helpers for the disclosure-on-application HTTP tests.
import { minimalPdf } from '../../src/platform/files/test-fixtures.ts';
import { usccCheckChar } from '../../src/platform/text/identifiers.ts';
import { buildTestApp, ADMIN_PASSWORD } from '../support/app.ts';
import { buildUser, orgByName } from '../support/factories.ts';

/** A synthetic 18-digit resident ID with a correct GB 11643 check digit. */
export function residentId(birth = '19900307', seq = '123'): string {
  const first17 = `420502${birth}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[s % 11]!;
}
export const uscc = (first17 = '91420500MA4F00001'): string => first17 + usccCheckChar(first17)!;

export const proofPdf = () => minimalPdf([['身份证复印件']]);

export async function multipart(fields: Record<string, string>, files: Record<string, { name: string; bytes: Buffer }> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [k, f] of Object.entries(files)) fd.append(k, new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

export const applicantFields = (orgId: string, over: Record<string, string> = {}) => ({
  orgId,
  applicantKind: 'natural',
  name: '张三',
  idNumber: residentId(),
  phone: '13912345678',
  email: 'zhangsan@example.com',
  address: '宜昌市西陵区某路 1 号',
  title: '2026 年城区老旧小区改造项目清单',
  docNumber: '宜市住建〔2026〕12号',
  form: 'electronic',
  delivery: 'online',
  suggestProactive: '1',
  ...over,
});

export async function setupRequests(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const ctx = await buildTestApp(t, env);
  const { services, login } = ctx;
  const dept = await orgByName(services, '宜昌市司法局');
  const other = await orgByName(services, '宜昌市财政局');
  const mk = async (orgId: string, role: string) => {
    const u = await buildUser(services, orgId, [{ role, orgId }]);
    return login(u.username, u.password);
  };
  let today = '2026-11-25';
  services.requests.setToday(() => today);
  return {
    ...ctx,
    dept,
    other,
    admin: await login('admin', ADMIN_PASSWORD),
    handler: await mk(dept.id, 'case_handler'),
    legal: await mk(dept.id, 'legal_counsel'),
    office: await mk(dept.id, 'office_admin'),
    otherHandler: await mk(other.id, 'case_handler'),
    setToday: (d: string) => {
      today = d;
    },
  };
}

/** A valid answer-letter template (PUT /api/v1/requests/letter-template); `over` replaces fields. */
export const letterTemplate = (over: Record<string, unknown> = {}) => ({
  title: '政府信息公开申请答复书',
  paragraphs: [
    '本机关于{receivedOn}收到您提出的政府信息公开申请（受理编号：{trackingNo}），申请获取“{informationTitle}”。',
    '经审查，答复如下：{outcomeName}。{answerText}',
    '依据：{legalBasis}。',
    '如对本答复不服，可以自收到本答复书之日起六十日内向{reconsiderationBody}申请行政复议，也可以自收到本答复书之日起六个月内向{court}提起行政诉讼。',
  ],
  reconsiderationBody: '宜昌市人民政府',
  court: '宜昌市西陵区人民法院',
  ...over,
});
