import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATALOG_TEMPLATES,
  DEFAULT_UPDATE_DAYS,
  GENRES,
  GRASSROOTS_DOMAINS,
  GRASSROOTS_TEMPLATE,
  KEY_AREAS_TEMPLATE,
  OFFICIAL_GENRES,
  TOPICS,
  XXGK_TEMPLATE,
  findGenre,
  findGrassrootsDomain,
  flattenColumns,
  genreFromTitle,
  instantiateTemplate,
  templatesFor,
  topicByCode,
  topicByPath,
  topicPath,
} from './index.ts';
import { orgKinds } from '../schemas/organisations.ts';
import { SHARED_DATA, sharedData } from '../../../test/support/shared-data.ts';

// domain.md sits in shared/, beside data/.
const DOMAIN_MD = join(SHARED_DATA, '../domain.md');
const SEED = sharedData('seed/yichang-2023-zhengwu-gongkai-gongzuo-yaodian.txt');
const noShared = !existsSync(DOMAIN_MD) && 'no ../shared';
const unique = (xs: string[]) => new Set(xs).size === xs.length;

test('topics: 22 top-level, codes unique, paths round-trip', () => {
  assert.equal(TOPICS.length, 22);
  const all = TOPICS.flatMap((t) => [t, ...t.children]);
  assert.ok(unique(all.map((t) => t.code)));
  assert.equal(topicPath('1302'), '卫生、体育\\医药管理');
  assert.equal(topicPath('0201'), '综合政务\\政务公开');
  assert.equal(topicPath('22'), '其他');
  assert.equal(topicPath('9999'), undefined);
  for (const t of all) assert.equal(topicByPath(topicPath(t.code)!)?.code, t.code);
  assert.equal(topicByPath('卫生、体育 / 医药管理')?.code, '1302');
  assert.equal(topicByCode('0201')?.name, '政务公开');
  assert.equal(topicByPath('综合政务\\不存在'), undefined);
});

test('topics: exactly the table of domain.md §5.3', { skip: noShared }, () => {
  const md = readFileSync(DOMAIN_MD, 'utf8');
  const section = md.slice(md.indexOf('### 5.3'), md.indexOf('### 5.4'));
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| top level'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map(([, top, second]) => [top!, second === '—' ? [] : second!.split(', ')] as const);
  assert.equal(rows.length, 22);
  assert.deepEqual(
    TOPICS.map((t) => [t.name, t.children.map((c) => c.name)]),
    rows.map(([top, second]) => [top, [...second]]),
  );
});

test('genres: the 15 公文文种 plus portal genres, unique codes, confidence flags', () => {
  assert.equal(OFFICIAL_GENRES.length, 15);
  assert.ok(OFFICIAL_GENRES.every((g) => g.confidence === 'U'), 'domain.md §5.4 is [U]');
  assert.ok(unique(GENRES.map((g) => g.code)));
  assert.ok(unique(GENRES.flatMap((g) => [g.name, ...(g.aliases ?? [])])));
  for (const name of ['政策解读', '图片解读', '新闻发布', '其他']) assert.ok(findGenre(name), name);
  assert.equal(findGenre('解读')?.code, 'interpretation');
  assert.equal(genreFromTitle('宜昌市人民政府办公室关于印发宜昌市2023年政务公开工作要点的通知')?.name, '通知');
  assert.equal(genreFromTitle('关于加强行政规范性文件制定和监督管理工作的通告')?.name, '通告');
  assert.equal(genreFromTitle('某市人民政府关于某事项的复函')?.name, '函');
  assert.equal(genreFromTitle('宜昌市城区停车管理办法'), undefined);
});

test('grassroots domains: 26, unique codes and names, aliases of domain.md §4.2', () => {
  assert.equal(GRASSROOTS_DOMAINS.length, 26);
  assert.deepEqual(GRASSROOTS_DOMAINS.map((d) => d.no), Array.from({ length: 26 }, (_, i) => i + 1));
  assert.ok(unique(GRASSROOTS_DOMAINS.map((d) => d.code)));
  assert.ok(unique(GRASSROOTS_DOMAINS.flatMap((d) => [d.name, ...d.aliases])));
  for (const [alias, name] of [['农村集体土地征收', '征地补偿'], ['卫生健康', '医疗卫生'], ['生态环境', '环境保护'], ['乡村振兴', '扶贫']]) {
    assert.equal(findGrassrootsDomain(alias!)?.name, name);
  }
});

test('grassroots domains: the names of domain.md §4.2', { skip: noShared }, () => {
  const md = readFileSync(DOMAIN_MD, 'utf8');
  const section = md.slice(md.indexOf('### 4.2'), md.indexOf('### 4.3'));
  const names = [...section.matchAll(/\|\s*(\d+)\s*\|\s*([^|(]+?)\s*(?:\([^)]*\))?\s*(?=\|)/g)].map((m) => [Number(m[1]), m[2]!.trim()] as const);
  assert.equal(names.length, 26);
  for (const [no, name] of names) assert.equal(GRASSROOTS_DOMAINS[no - 1]!.name, name, `#${no}`);
});

test('templates: unique codes across all templates; every column has a positive frequency and a profile', () => {
  const cols = CATALOG_TEMPLATES.flatMap((t) => flattenColumns(t.columns));
  assert.ok(unique(cols.map((c) => c.code)), 'column codes are unique');
  assert.ok(unique(CATALOG_TEMPLATES.map((t) => t.code)));
  for (const c of cols) {
    assert.match(c.code, /^[a-z0-9.-]+$/, c.code);
    assert.ok(Number.isInteger(c.updateEveryDays) && c.updateEveryDays > 0, c.code);
    assert.equal(c.updateEveryDays, DEFAULT_UPDATE_DAYS[c.profile], c.code);
  }
  for (const t of CATALOG_TEMPLATES) {
    for (const c of flattenColumns(t.columns)) assert.ok(c.code.startsWith(`${t.code}.`), c.code);
    assert.ok(t.appliesTo.every((k) => (orgKinds as readonly string[]).includes(k)));
  }
});

test('政府信息公开 专栏: four columns; Art. 20 for all, Art. 21 by organisation kind', () => {
  assert.deepEqual(XXGK_TEMPLATE.columns.map((c) => c.name), ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
  const statutory = (kind: (typeof orgKinds)[number]) => instantiateTemplate(XXGK_TEMPLATE, kind).find((c) => c.code === 'xxgk.statutory')!.children;
  assert.equal(statutory('county').length, 15 + 7);
  assert.equal(statutory('city').length, 15 + 7);
  assert.equal(statutory('department').length, 15 + 7);
  assert.equal(statutory('township').length, 15 + 8);
  assert.equal(statutory('county')[6]!.basis, '条例第二十条第（七）项');
  assert.deepEqual(instantiateTemplate(XXGK_TEMPLATE, 'village'), []);
  assert.equal(instantiateTemplate(XXGK_TEMPLATE, 'county').find((c) => c.code === 'xxgk.annual-report')!.updateEveryDays, 365);
});

test('key areas: items (一)–(四) of the work plan', () => {
  assert.deepEqual(KEY_AREAS_TEMPLATE.columns.map((c) => c.basis), ['（一）', '（二）', '（三）', '（四）'].map((i) => `2023年宜昌市政务公开工作要点${i}`));
  assert.ok(KEY_AREAS_TEMPLATE.columns.every((c) => c.children.length > 0));
});

test('key areas: each top column names the theme of its item in the work plan', { skip: !existsSync(SEED) && 'no ../shared' }, () => {
  const text = readFileSync(SEED, 'utf8');
  for (const [item, col] of ['（一）', '（二）', '（三）', '（四）'].map((i, n) => [i, KEY_AREAS_TEMPLATE.columns[n]!] as const)) {
    const line = text.split('\n').find((l) => l.includes(item.replace('（', '(').replace('）', ')')) || l.includes(item));
    assert.ok(line?.includes(`围绕${col.name}强化公开`), `${item} ${col.name}`);
  }
});

test('grassroots template: for counties and townships; townships also get 未涉及领域事项说明', () => {
  assert.equal(instantiateTemplate(GRASSROOTS_TEMPLATE, 'county').length, 26);
  assert.equal(instantiateTemplate(GRASSROOTS_TEMPLATE, 'township').length, 27);
  assert.deepEqual(instantiateTemplate(GRASSROOTS_TEMPLATE, 'city'), []);
  assert.deepEqual(templatesFor('township').map((t) => t.code), ['xxgk', 'jc']);
  assert.deepEqual(templatesFor('county').map((t) => t.code), ['xxgk', 'key', 'jc']);
});

test('frequencies are configurable per profile and per column', () => {
  const cols = flattenColumns(instantiateTemplate(XXGK_TEMPLATE, 'county', { updateDays: { annual: 400 }, columnDays: { 'xxgk.guide': 30 } }));
  assert.equal(cols.find((c) => c.code === 'xxgk.annual-report')!.updateEveryDays, 400);
  assert.equal(cols.find((c) => c.code === 'xxgk.guide')!.updateEveryDays, 30);
  assert.equal(cols.find((c) => c.code === 'xxgk.statutory.a20-regulations')!.updateEveryDays, 180);
  assert.equal(flattenColumns(XXGK_TEMPLATE.columns).find((c) => c.code === 'xxgk.annual-report')!.updateEveryDays, 365, 'the template itself is unchanged');
});
