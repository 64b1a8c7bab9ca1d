import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { createTestDatabase } from './test/support/db.ts';
import { createSearchProvider } from './src/platform/search/index.ts';
const N = Number(process.argv[2] ?? 600);
const tdb = await createTestDatabase();
const s = createSearchProvider(tdb.database);
const rl = createInterface({ input: createReadStream('/work/shared/data/corpus/lawrefbook.jsonl.gz').pipe(createGunzip()) });
let i = 0, chars = 0; const t0 = performance.now();
for await (const line of rl) {
  const d = JSON.parse(line); chars += d.body.length;
  await s.upsert({ id: 'd' + i, version: 1, orgId: 'o', orgPath: '/o/', title: d.title, body: d.body, docNo: null, indexNo: null, topic: d.category, genre: null, year: Number(String(d.date).slice(0, 4)) || null, validity: null, publishedAt: String(d.date), url: '/x', kind: 'document' });
  if (++i >= N) break;
}
const t1 = performance.now();
console.log(tdb.database.dialect.name, `${i} docs, ${(chars / 1e6).toFixed(1)}M chars, ${((t1 - t0) / i).toFixed(1)} ms/doc`);
for (const q of ['条例', '人民政府', '燃气管道', '最低生活保障', 'zwgk', '消防安全责任']) {
  const a = performance.now(); const r = await s.search({ q, page: 1, size: 10 }); const b = performance.now();
  console.log(q.padEnd(8), String(r.total).padStart(5), `${(b - a).toFixed(1)} ms`);
}
if (tdb.sqliteFile) { const { statSync } = await import('node:fs'); console.log('db file MB', (statSync(tdb.sqliteFile).size / 1e6).toFixed(1)); }
else { const { sql } = await import('kysely'); const r = await sql<{ s: string }>`select pg_size_pretty(pg_total_relation_size('srch_doc')) s`.execute(tdb.database.db); console.log('srch_doc', r.rows[0]!.s); }
await tdb.dispose();
