// Answer letters from editable templates: the effective template and whose it is, editing by the openness office,
// refusal of unknown placeholders, the nearest ancestor's template, the applicant's download with the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { buildUser, orgByName } from '../support/factories.ts';
import { applicantFields, letterTemplate as template, multipart, proofPdf, setupRequests } from './requests.support.ts';

type Effective = {
  source: string;
  sourceOrgName: string | null;
  own: boolean;
  canEdit: boolean;
  template: { title: string; paragraphs: string[]; court: string };
  placeholders: { name: string }[];
};
const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;

test('答复书模板: per organisation, inherited from the nearest ancestor, used for the applicant letter', async (t) => {
  const s = await setupRequests(t);
  const { app, services, dept, handler, office, otherHandler, admin } = s;
  const city = await orgByName(services, '宜昌市');
  const cityOffice = await (async () => {
    const u = await buildUser(services, city.id, [{ role: 'office_admin', orgId: city.id }]);
    return s.login(u.username, u.password);
  })();
  const url = `/api/v1/requests/letter-template?organisationId=${dept.id}`;

  // Before anything is stored: the built-in default; handlers read but do not edit.
  let eff = (await app.inject({ url, headers: handler })).json() as Effective;
  assert.equal(eff.source, 'builtin');
  assert.equal(eff.canEdit, false);
  assert.ok(eff.placeholders.some((p) => p.name === 'reconsiderationBody'));
  assert.equal((await app.inject({ url, headers: otherHandler })).statusCode, 404, 'another organisation answers like a missing one');
  assert.equal(
    (await app.inject({ method: 'PUT', url, headers: handler, payload: template() })).statusCode,
    404,
    'handlers do not edit templates',
  );
  assert.equal(
    (await app.inject({ method: 'PUT', url: '/api/v1/requests/letter-template', headers: office, payload: template() })).statusCode,
    404,
    'the platform default is the platform administrator’s',
  );

  // Unknown placeholder: a clear Chinese message, nothing saved.
  const bad = await app.inject({
    method: 'PUT',
    url,
    headers: office,
    payload: template({ paragraphs: ['联系人：{contactName}', ...template().paragraphs] }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /第 1 段有未知的占位符 \{contactName\}/);
  assert.equal(bad.json().error.fields[0].path, 'paragraphs.0');
  assert.equal(((await app.inject({ url, headers: office })).json() as Effective).source, 'builtin');

  // The platform default, then the city's template, reach the department.
  const platform = await app.inject({
    method: 'PUT',
    url: '/api/v1/requests/letter-template',
    headers: admin,
    payload: template({ court: '平台默认人民法院' }),
  });
  assert.equal(platform.statusCode, 200, platform.body);
  assert.equal(((await app.inject({ url, headers: handler })).json() as Effective).source, 'platform');
  const cityTemplate = template({ paragraphs: ['市级统一段落：本答复由宜昌市统一格式生成。', ...template().paragraphs] });
  assert.equal(
    (
      await app.inject({
        method: 'PUT',
        url: `/api/v1/requests/letter-template?organisationId=${city.id}`,
        headers: cityOffice,
        payload: cityTemplate,
      })
    ).statusCode,
    200,
  );
  eff = (await app.inject({ url, headers: handler })).json() as Effective;
  assert.deepEqual([eff.source, eff.sourceOrgName, eff.own], ['ancestor', '宜昌市', false]);

  // The department's own template.
  const own = template({ paragraphs: ['司法局专用段落：如有疑问请致电 0717-6220000。', ...template().paragraphs] });
  const saved = await app.inject({ method: 'PUT', url, headers: office, payload: own });
  assert.equal(saved.statusCode, 200, saved.body);
  eff = saved.json() as Effective;
  assert.deepEqual([eff.source, eff.own, eff.canEdit], ['organisation', true, true]);

  // A case: the applicant gets the letter only with the right code and only once answered.
  s.setToday('2026-11-02');
  const f = await multipart(applicantFields(dept.id), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
  const receipt = (await app.inject({ method: 'POST', url: '/api/v1/requests', ...f })).json() as { trackingNo: string; code: string };
  const letterUrl = `/api/v1/requests/${receipt.trackingNo}/letter.docx?code=${receipt.code}`;
  assert.equal((await app.inject({ url: letterUrl })).statusCode, 404, 'not answered yet');
  const id = ((await app.inject({ url: '/api/v1/requests', headers: handler })).json() as { items: { id: string }[] }).items[0]!.id;
  s.setToday('2026-11-04');
  const ev = (body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/requests/${id}/events`, headers: handler, payload: body });
  assert.equal((await ev({ type: 'accepted', occurredOn: '2026-11-02' })).statusCode, 200);
  assert.equal(
    (await ev({ type: 'answered', occurredOn: '2026-11-04', outcome: 'granted', text: '现将该清单提供给您。' })).statusCode,
    200,
  );
  assert.equal((await app.inject({ url: `/api/v1/requests/${receipt.trackingNo}/letter.docx?code=WRONGCODE2` })).statusCode, 404);

  const letter = await app.inject({ url: letterUrl });
  assert.equal(letter.statusCode, 200);
  assert.match(String(letter.headers['content-type']), /wordprocessingml/);
  const text = await docxText(letter.rawPayload);
  for (const want of [
    '张三：',
    '答复如下：予以公开。现将该清单提供给您。',
    '依据：《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项。',
    '六十日内向宜昌市人民政府申请行政复议',
    '六个月内向宜昌市西陵区人民法院提起行政诉讼',
    '司法局专用段落：如有疑问请致电 0717-6220000。',
    '宜昌市司法局',
    '2026年11月4日',
    receipt.trackingNo,
  ])
    assert.ok(text.includes(want), `the letter lacks “${want}”:\n${text}`);
  assert.ok(!text.includes('市级统一段落'));

  // Deleting the department's template: the city's applies again (audited both ways).
  const reset = await app.inject({ method: 'DELETE', url, headers: office });
  assert.equal(reset.statusCode, 200);
  assert.equal((reset.json() as Effective).source, 'ancestor');
  assert.equal((await app.inject({ method: 'DELETE', url, headers: office })).statusCode, 404, 'nothing of its own left to delete');
  const again = await docxText((await app.inject({ url: letterUrl })).rawPayload);
  assert.ok(again.includes('市级统一段落：本答复由宜昌市统一格式生成。'));
  const audit = await services.database.db
    .selectFrom('aud_log')
    .select(['action', 'entity_id'])
    .where('action', 'like', 'request.letter_template.%')
    .orderBy('at')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['request.letter_template.save', 'request.letter_template.save', 'request.letter_template.save', 'request.letter_template.delete'],
  );

  // The sample download uses the effective template.
  const sample = await app.inject({ url: `/api/v1/requests/letter-template/sample.docx?organisationId=${dept.id}`, headers: handler });
  assert.equal(sample.statusCode, 200);
  assert.ok((await docxText(sample.rawPayload)).includes('市级统一段落'));
});
