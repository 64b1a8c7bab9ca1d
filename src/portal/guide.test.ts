// The 政府信息公开指南 page: generated from the organisation's registered data and catalog (条例第十二条), so an
// edit of the office's phone or of the catalog shows at once; missing items say so instead of disappearing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../../test/support/app.ts';
import { orgByName } from '../../test/support/factories.ts';
import { systemActor } from '../platform/authz/actor.ts';
import { SMALL_DIVISIONS } from './testing/site.ts';

const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the guide page shows the office, the catalog, how to apply and the legal periods, and follows edits', async (t) => {
  const { app, services } = await buildTestApp(t, SMALL_DIVISIONS);
  const org = await orgByName(services, '宜昌市司法局');
  await services.organisations.update(systemActor(), org.id, {
    contact: { officeName: '宜昌市司法局办公室', address: '宜昌市西陵区东山大道100号', postcode: '443000', phone: '0717-6222222', email: 'sfj@yichang.gov.cn', officeHours: '工作日 8:30-12:00，14:30-17:30' },
  });
  const url = `/organisations/${org.id}/xxgk/guide`;
  const page = await app.inject({ url });
  assert.equal(page.statusCode, 200);
  const body = text(page.body);
  for (const expected of ['宜昌市司法局政府信息公开指南', '宜昌市司法局办公室', '宜昌市西陵区东山大道100号', '443000', '0717-6222222', 'sfj@yichang.gov.cn', '工作日 8:30-12:00']) {
    assert.ok(body.includes(expected), expected);
  }
  assert.match(body, /20 个工作日内予以答复/);
  assert.match(body, /7 个工作日内一次性告知/);
  assert.match(body, /国办函〔2020〕109号/);
  assert.match(body, /60 日内依法申请行政复议/);
  assert.match(body, /传真 （本机关尚未登记）/, 'a missing fax is named as missing');
  // The catalog's columns are the classification system.
  const columns = await services.catalog.columns(org.id);
  for (const c of columns.filter((x) => x.parentId === null)) assert.ok(body.includes(c.name), c.name);
  assert.match(page.body, new RegExp(`<link rel="canonical" href="[^"]*${url}"`));

  await services.organisations.update(systemActor(), org.id, { contact: { phone: '0717-6333333' } });
  const after = text((await app.inject({ url })).body);
  assert.ok(after.includes('0717-6333333') && !after.includes('0717-6222222'), 'the guide follows the organisation data');

  // The catalog's 指南 column and the sitemap lead to it; unknown organisations are 404.
  const xxgk = await app.inject({ url: `/organisations/${org.id}/xxgk` });
  assert.ok(xxgk.body.includes(`href="${url}"`));
  const sitemap = await app.inject({ url: '/sitemap.xml' });
  assert.ok(sitemap.body.includes(url));
  assert.equal((await app.inject({ url: '/organisations/00000000-0000-0000-0000-000000000000/xxgk/guide' })).statusCode, 404);
});
