// Documents indexed by the search contract tests: real texts from the shared corpus with metadata chosen
// so every filter, facet and ranking rule has something to tell apart.
import { Converter } from 'opencc-js/cn2t';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createSearchProvider, type SearchDoc, type SearchProvider, type SearchQuery } from './index.ts';
import { ORG, lawDoc, yichangDoc } from './search.testkit.ts';

const toTaiwan = Converter({ from: 'cn', to: 'tw' });

export const docs: SearchDoc[] = [
  lawDoc('济南市燃气管理条例(2014-01-05).md', ORG.a, {
    id: 'jinan',
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    docNo: '济南市人民代表大会常务委员会公告第42号',
  }),
  lawDoc('驻马店市燃气管理条例(2020-06-29).md', ORG.b, { id: 'zhumadian', topic: '城乡建设、环境保护\\城乡建设（含住房）' }),
  lawDoc('汕头经济特区消防条例(2022-12-30).md', ORG.city, { id: 'shantou', topic: '公安、安全、司法\\公安' }),
  lawDoc('城市居民最低生活保障条例(1999-09-28).md', ORG.a, { id: 'dibao', topic: '民政、扶贫、救灾\\社会福利', validity: '失效' }),
  lawDoc('中医药条例(2003-04-07).md', ORG.ab, {
    id: 'zhongyiyao',
    topic: '卫生、体育\\医药管理',
    validity: '失效',
    docNo: '国务院令第374号',
  }),
  lawDoc('焦作市公园管理条例(2021-08-25).md', ORG.b, { id: 'jiaozuo', topic: '城乡建设、环境保护\\城市规划' }),
  yichangDoc({ id: 'yichang', docNo: '宜府办发〔2023〕5号', indexNo: '11420500MB1234567X/2023-00005' }),
];
export const interpretation: SearchDoc = {
  ...yichangDoc({ id: 'yichang-jd', kind: 'interpretation', genre: '解读', docNo: null }),
  title: '一图读懂《2023年宜昌市政务公开工作要点》',
  body: yichangDoc({ id: 'x' }).body.slice(0, 600),
  publishedAt: '2023-04-18T08:00:00.000Z',
};
// Traditional characters in the stored text; found by simplified queries.
export const hongKongNotice: SearchDoc = {
  ...lawDoc('中医药条例(2003-04-07).md', ORG.other, { id: 'traditional', kind: 'qa' }),
  title: '中醫藥服務問答',
};
hongKongNotice.body = toTaiwan(hongKongNotice.body.slice(0, 2000));
export const hostile: SearchDoc = {
  ...lawDoc('济南市燃气管理条例(2014-01-05).md', ORG.other, { id: 'hostile', kind: 'qa' }),
  title: '<script>alert(1)</script>燃气安全问答',
  body: '<script>alert("燃气")</script> <img src=x onerror=alert(1)> 燃气 & 用气安全，请勿私自改装燃气管道。',
};

export const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
export const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, page: 1, size: 50, ...extra });

/** A fresh test database with every fixture indexed. */
export async function indexedFixtures(): Promise<{ tdb: TestDatabase; search: SearchProvider }> {
  const tdb = await createTestDatabase();
  const search = createSearchProvider(tdb.database);
  for (const d of [...docs, interpretation, hongKongNotice, hostile]) await search.upsert(d);
  return { tdb, search };
}
