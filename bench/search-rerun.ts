// Search latency measured again on a database a search benchmark kept (`--keep`), without ingesting anew:
//   npm run bench -- search --reuse <search.sqlite | postgres://…/gk_bench_search> [--rounds 3] [--queries 200]
// One ingest gives one index; measuring it several times shows how much of a p95 is the index and how much the
// shared host. The queries are the main run's (same seed), run in `rounds` passes after the same warm-up.
// Results: bench/results/search-rerun.json and search-rerun.md (the latest re-run of every dialect × size).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/platform/db/database.ts';
import { createSearchProvider } from '../src/platform/search/index.ts';
import type { SearchProvider } from '../src/platform/search/provider.ts';
import { firstPage, type BenchQuery } from './search-corpus.ts';
import { latency, machine, mergeRuns, type Latency, type Machine } from './support.ts';

export type RerunOptions = { reuse: string; rounds: number };

export type Rerun = {
  dialect: 'sqlite' | 'postgres';
  size: number;
  at: string;
  commit: string;
  machine: Machine;
  database: string;
  queries: number;
  /** One entry per pass over every query, in order. */
  rounds: (Latency & { loadAverage: number })[];
  /** Each query's fastest pass: what is left when the host's hiccups are taken out. */
  bestOfRounds: Latency;
  /** The slowest queries by their fastest pass: the ones an index change would have to make faster. */
  slowest: { q: string; filter: string; total: number; bestMs: number }[];
};

const r1 = (v: number) => Math.round(v * 10) / 10;

async function timed(provider: SearchProvider, q: BenchQuery): Promise<{ ms: number; total: number }> {
  const t = performance.now();
  const r = await provider.search(firstPage(q));
  return { ms: performance.now() - t, total: r.total };
}

export async function rerunSearch(
  opts: RerunOptions,
  queries: BenchQuery[],
  warmups: BenchQuery[],
  meta: { commit: string; resultsDir: string },
): Promise<Rerun> {
  const postgres = /^postgres(ql)?:\/\//.test(opts.reuse);
  if (!postgres && !existsSync(opts.reuse)) throw new Error(`--reuse: ${opts.reuse} 不存在 / not found`);
  const database = openDatabase(postgres ? { databaseUrl: opts.reuse, sqliteFile: '', poolSize: 2 } : { sqliteFile: opts.reuse });
  try {
    const provider = createSearchProvider(database);
    const size = await provider.count();
    if (size === 0) throw new Error(`--reuse: ${opts.reuse} 的搜索索引是空的 / the search index is empty`);
    process.stderr.write(`复测 / re-run: ${size.toLocaleString('en-US')} 篇，${queries.length} 条查询 × ${opts.rounds} 轮\n`);
    for (const q of warmups) await timed(provider, q);
    const samples: number[][] = queries.map(() => []);
    const totals: number[] = [];
    const rounds: Rerun['rounds'] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const ms: number[] = [];
      for (const [i, q] of queries.entries()) {
        const r = await timed(provider, q);
        samples[i]!.push(r.ms);
        totals[i] = r.total;
        ms.push(r.ms);
      }
      const l = { ...latency(ms), loadAverage: r1(loadavg()[0]!) };
      rounds.push(l);
      process.stderr.write(`  第 ${round + 1} 轮：p50 ${l.p50Ms} ms，p95 ${l.p95Ms} ms，p99 ${l.p99Ms} ms（负载 ${l.loadAverage}）\n`);
    }
    const best = samples.map((s) => Math.min(...s));
    const slowest = queries
      .map((q, i) => ({ q: q.q, filter: q.filter, total: totals[i]!, bestMs: r1(best[i]!) }))
      .sort((a, b) => b.bestMs - a.bestMs)
      .slice(0, 10);
    const run: Rerun = {
      dialect: postgres ? 'postgres' : 'sqlite',
      size,
      at: new Date().toISOString(),
      commit: meta.commit,
      machine: machine(),
      database: postgres ? new URL(opts.reuse).pathname.slice(1) : opts.reuse,
      queries: queries.length,
      rounds,
      bestOfRounds: latency(best),
      slowest,
    };
    record(run, meta.resultsDir);
    return run;
  } finally {
    await database.close();
  }
}

function record(run: Rerun, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const jsonFile = join(dir, 'search-rerun.json');
  const runs = mergeRuns(jsonFile, [run]);
  writeFileSync(jsonFile, `${JSON.stringify({ benchmark: 'search-rerun', runs }, null, 2)}\n`);
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const md = [
    '# 搜索复测（`npm run bench -- search --reuse <数据库> --rounds N`）',
    '',
    '同一个已建好的索引（搜索基准 `--keep` 保留的数据库），同样的查询（同一种子）、同样的预热，连续测 N 轮：各轮的差别是主机的噪声，不是索引。“每条取最快”是每条查询 N 轮中最快的一次再取分位数。',
    '',
    row([
      '数据库',
      '文档数',
      '各轮 p50 / p95 / p99 ms（负载）',
      '每条取最快 p50 / p95 / p99',
      '最慢的查询（最快一轮 ms，命中数）',
      '时间',
      '提交',
    ]),
    '|---|---:|---|---|---|---|---|',
    ...runs.map((r) =>
      row([
        r.dialect === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL GIN',
        r.size.toLocaleString('en-US'),
        r.rounds.map((l) => `${l.p50Ms} / ${l.p95Ms} / ${l.p99Ms}（${l.loadAverage}）`).join('；'),
        `${r.bestOfRounds.p50Ms} / ${r.bestOfRounds.p95Ms} / ${r.bestOfRounds.p99Ms}`,
        r.slowest
          .slice(0, 5)
          .map((s) => `${s.q}${s.filter === 'none' ? '' : `［${s.filter}］`} ${s.bestMs}（${s.total}）`)
          .join('；'),
        r.at.slice(0, 16).replace('T', ' '),
        r.commit,
      ]),
    ),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'search-rerun.md'), md);
}
