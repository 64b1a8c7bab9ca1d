import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestorsOf, buildDirectory, indexOrganisations, type Org } from './directory.ts';

let n = 0;
function org(name: string, kind: string, parent: Org | null, extra: Partial<Org> = {}): Org {
  n += 1;
  return {
    id: `id-${n}`, parentId: parent?.id ?? null, name, shortName: null, kind, divisionCode: null, uscc: null, siteCode: null,
    sortOrder: 0, depth: parent ? parent.depth + 1 : 0, active: true,
    contact: { officeName: null, address: null, postcode: null, phone: null, fax: null, email: null, website: null, officeHours: null },
    createdAt: '', updatedAt: '', ...extra,
  } as Org;
}

const city = org('宜昌市', 'city', null, { divisionCode: '420500' });
const education = org('宜昌市教育局', 'department', city);
const school = org('宜昌市第一中学', 'institution', education);
const cityStreet = org('直管街道', 'township', city);
const xiling = org('西陵区', 'county', city, { divisionCode: '420502' });
const xilingDept = org('西陵区教育局', 'department', xiling);
const street = org('西陵街道', 'township', xiling, { divisionCode: '420502001' });
const village = org('夜明珠社区', 'village', street);
const yiling = org('夷陵区', 'county', city, { shortName: 'Ｙiling' });
const town = org('小溪塔街道', 'township', yiling);
const all = [city, education, cityStreet, xiling, yiling, school, xilingDept, street, town, village];

test('groups the levels: city units and townships, then each area with its units and townships', () => {
  const d = buildDirectory(all);
  assert.equal(d.cities.length, 1);
  const [c] = d.cities;
  assert.deepEqual(c!.units.map((o) => o.name), ['宜昌市教育局']);
  assert.deepEqual(c!.townships.map((o) => o.name), ['直管街道']);
  assert.deepEqual(c!.areas.map((a) => [a.area.name, a.units.map((o) => o.name), a.townships.map((o) => o.name)]), [
    ['西陵区', ['西陵区教育局'], ['西陵街道']],
    ['夷陵区', [], ['小溪塔街道']],
  ]);
  assert.deepEqual(d.deeper, []);
  assert.equal(d.matchCount, all.length);
});

test('the filter keeps matches with their area as context and reports deeper matches separately', () => {
  const byName = buildDirectory(all, '教育');
  assert.deepEqual(byName.cities[0]!.units.map((o) => o.name), ['宜昌市教育局']);
  assert.deepEqual(byName.cities[0]!.areas.map((a) => [a.area.name, a.units.length, a.townships.length]), [['西陵区', 1, 0]]);
  assert.equal(byName.matchCount, 2);

  const deeper = buildDirectory(all, '中学');
  assert.deepEqual(deeper.deeper.map((o) => o.name), ['宜昌市第一中学']);
  assert.deepEqual(deeper.cities, []);

  assert.deepEqual(buildDirectory(all, 'yiling').cities[0]!.areas.map((a) => a.area.name), ['夷陵区'], 'short name, width- and case-insensitive');
  assert.equal(buildDirectory(all, '420502').matchCount, 2, 'division code prefix');
  assert.equal(buildDirectory(all, 'nothing').cities.length, 0);
});

test('ancestors run from the root down to the parent', () => {
  assert.deepEqual(ancestorsOf(village, indexOrganisations(all)).map((o) => o.name), ['宜昌市', '西陵区', '西陵街道']);
});
