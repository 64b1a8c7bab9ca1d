// The database must index exactly the tokens the app produced: not split them (FTS5 unicode61 would cut
// covid-19, PostgreSQL's parser splits on punctuation) and not merge them (a run of CJK characters).
// Reads each dialect's own term list, so this test (unlike the contract) knows the dialect.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createSearchProvider, prepareDoc, type SearchDoc } from './index.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(async () => tdb?.dispose());

async function indexedTerms(): Promise<Set<string>> {
  const db = tdb.database.db;
  if (tdb.database.dialect.name === 'sqlite') {
    // The filter tokens (filter-tokens.ts) start with '_', which no word token has.
    await sql`create virtual table if not exists temp.srch_vocab using fts5vocab(main, srch_fts, 'row')`.execute(db);
    const { rows } = await sql<{ term: string }>`select term from temp.srch_vocab where substr(term, 1, 1) <> '_'`.execute(db);
    return new Set(rows.map((r) => r.term));
  }
  const { rows } = await sql<{ term: string }>`select distinct unnest(tsvector_to_array(tsv)) as term from srch_facet`.execute(db);
  return new Set(rows.map((r) => r.term));
}

test('the index holds exactly the app tokens, whatever the script or punctuation', async () => {
  const search = createSearchProvider(tdb.database);
  const doc: SearchDoc = {
    id: 'mixed',
    version: 1,
    orgId: 'o',
    orgPath: '/o/',
    title: 'COVID-19疫情防控：Ｘ光、B2B与αβγ',
    body: '圆周率3.14；邮箱 a.b@example.org；网址 https://www.gov.cn/zhengce/；生僻字𠀀𪚥；日本語のテキスト；Ελληνικά；naïve café；第12号；宜府办发〔2023〕5号',
    docNo: '宜府办发〔2023〕5号',
    indexNo: '11420500MB1234567X/2023-00005',
    topic: null,
    genre: null,
    year: 2023,
    validity: null,
    publishedAt: '2023-01-01T00:00:00.000Z',
    url: '/d/mixed',
    kind: 'document',
  };
  await search.upsert(doc);
  // The app's tokens (SQLite does not store the body tokens of a body it kept whole).
  const row = prepareDoc(doc);
  const appTokens = new Set(`${row.title_tokens} ${row.tokens}`.split(' ').filter(Boolean));
  for (const t of ['covid', '19', '3', '14', '𠀀𪚥', 'αβγ', 'naïve', 'café', '12', '宜府']) assert.ok(appTokens.has(t), t);
  assert.deepEqual([...(await indexedTerms())].sort(), [...appTokens].sort());
  for (const q of ['COVID-19', '𠀀𪚥', 'Ελληνικά', 'naïve', 'x光', '3.14', 'gov']) {
    assert.equal((await search.search({ q, page: 1, size: 10 })).total, 1, q);
  }
});
