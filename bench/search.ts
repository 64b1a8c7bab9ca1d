// Search benchmark (issue 3, "Performance"): synthetic corpora of real Chinese government text indexed through
// the search provider on SQLite (FTS5) and PostgreSQL (tsvector + GIN); ingest rate, search latency over real
// titles and phrases, and in the same run on the same database the baseline many portals use: LIKE '%…%'.
//   npm run bench -- search [--sizes 100000,1000000] [--db sqlite,postgres] [--queries 200] [--like-queries N]
//                           [--batch 20000] [--threads 2] [--pg-workers 1] [--ingest-budget 40] [--seed N] [--keep] [--fresh]
//   npm run bench -- search --reuse <kept database> [--rounds 3]   (search latency again, no ingest: search-rerun.ts)
// Databases are temporary (a directory under the OS temp dir; a PostgreSQL database gk_bench_search) and are
// removed at the end. Results: bench/results/search.json and search.md (runs of other sizes/dialects kept).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Expression, type SqlBool } from 'kysely';
import pg from 'pg';
import { formatBytes, renderTable } from '../src/cli/table.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { likeEscape } from '../src/platform/db/dialect/types.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { createSearchProvider } from '../src/platform/search/index.ts';
import { toRow } from '../src/platform/search/store.ts';
import { firstPage, loadTexts, makeDoc, makeQueries, orgTree, type BenchQuery, type Org, type Texts } from './search-corpus.ts';
import { rerunSearch } from './search-rerun.ts';
import type { WorkerConfig, WorkerMessage } from './search-worker.ts';
import { latency, machine, mergeRuns, startChild, stopChildren, type Latency, type Machine } from './support.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DB = 'gk_bench_search';
/** Targets of issue 3, at 1M documents on SQLite. */
const TARGET = { size: 1_000_000, dialect: 'sqlite' as Dialect, ingestDocsPerSecond: 3000, searchP95Ms: 50 };

type Dialect = 'sqlite' | 'postgres';

type Options = {
  sizes: number[];
  dialects: Dialect[];
  queries: number;
  likeQueries: number | null;
  batch: number;
  pgWorkers: number;
  sqliteWorkers: number;
  /** Segmentation threads per ingest process. */
  threads: number;
  ingestBudgetMinutes: number;
  likeBudgetSeconds: number;
  seed: number;
  pgUrl: string;
  keep: boolean;
  fresh: boolean;
  /** Render search.md and the table again from search.json, running nothing. */
  reportOnly: boolean;
  /** A kept database (SQLite file or PostgreSQL URL) whose search is measured again, `rounds` times. */
  reuse: string | null;
  rounds: number;
};

const count = (raw: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(raw.trim().replace(/_/g, ''));
  if (!m) throw new Error(`not a size: ${raw}`);
  const n = Math.round(Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1e3 : 1e6));
  if (!Number.isSafeInteger(n) || n < 100) throw new Error(`size must be at least 100: ${raw}`);
  return n;
};

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'sqlite,postgres' },
      queries: { type: 'string', default: '200' },
      'like-queries': { type: 'string' },
      batch: { type: 'string', default: '20000' },
      threads: { type: 'string', default: '2' },
      'pg-workers': { type: 'string', default: '1' },
      'sqlite-workers': { type: 'string', default: '1' },
      'ingest-budget': { type: 'string', default: '40' },
      'like-budget': { type: 'string', default: '300' },
      seed: { type: 'string', default: '20261125' },
      'pg-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      keep: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      reuse: { type: 'string' },
      rounds: { type: 'string', default: '3' },
    },
    strict: true,
  });
  const positive = (name: string, raw: string, min = 1) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return n;
  };
  const dialects = values.db.split(',').map((d) => d.trim());
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`--db: sqlite or postgres, not ${d}`);
  return {
    sizes: values.sizes
      .split(',')
      .map(count)
      .sort((a, b) => a - b),
    dialects: dialects as Dialect[],
    queries: Math.trunc(positive('queries', values.queries)),
    likeQueries: values['like-queries'] === undefined ? null : Math.trunc(positive('like-queries', values['like-queries'], 0)),
    batch: Math.trunc(positive('batch', values.batch)),
    pgWorkers: Math.trunc(positive('pg-workers', values['pg-workers'])),
    sqliteWorkers: Math.trunc(positive('sqlite-workers', values['sqlite-workers'])),
    threads: Math.trunc(positive('threads', values.threads)),
    ingestBudgetMinutes: positive('ingest-budget', values['ingest-budget'], 0.1),
    likeBudgetSeconds: positive('like-budget', values['like-budget']),
    seed: Math.trunc(positive('seed', values.seed, 0)),
    pgUrl: values['pg-url'],
    keep: values.keep,
    fresh: values.fresh,
    reportOnly: values['report-only'],
    reuse: values.reuse ?? null,
    rounds: Math.trunc(positive('rounds', values.rounds)),
  };
}

// ------------------------------------------------------------------------------------------------ figures

type QueryResult = BenchQuery & { searchMs: number; searchTotal: number; searchEstimate?: boolean; likeMs?: number; likeTotal?: number };

export type SearchRun = {
  dialect: Dialect;
  size: number;
  ingested: number;
  /** The ingest budget ran out before `size` documents were written. */
  partial: boolean;
  at: string;
  commit: string;
  machine: Machine;
  settings: { batch: number; workers: number; threads?: number; seed: number; queries: number; likeQueries: number };
  ingest: {
    seconds: number;
    docsPerSecond: number;
    steps: { upTo: number; docsPerSecond: number }[];
    /** Summed over the ingest processes: time generating documents vs. inside upsert transactions. */
    generateSeconds: number;
    writeSeconds: number;
    /** SQLite: WAL checkpoint; PostgreSQL: VACUUM ANALYZE; after the timed ingest. */
    afterSeconds: number;
    afterStep: string;
    loadAverage: { start: number; mean: number; end: number };
  };
  search: Latency & { byFilter: Record<string, Latency>; byMatches: Record<string, Latency>; zeroHits: number };
  like: Latency & { zeroHits: number; capped: string | null };
  index: Record<string, number | string>;
  /** PostgreSQL: the server settings that decide its GIN index's write speed (operations.md §6). */
  server?: Record<string, string>;
  /** The single-process toRow probe of the same invocation (the machine's load at the time). */
  segmentation?: Probe;
  queries: QueryResult[];
};

// ------------------------------------------------------------------------------------------------ running

let cleanupDirs: string[] = [];
process.once('exit', () => {
  for (const dir of cleanupDirs) rmSync(dir, { recursive: true, force: true });
});

function commit(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en-US');

/** Creates the benchmark database (dropping a left-over one) and returns its URL. */
async function createPgDatabase(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${BENCH_DB} with (force)`);
    await client.query(`create database ${BENCH_DB}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

async function dropPgDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${BENCH_DB} with (force)`);
  } finally {
    await client.end();
  }
}

/** Starts the ingest processes, lets them go together and follows their progress. */
async function ingest(config: Omit<WorkerConfig, 'worker' | 'workers'>, workers: number, budgetMs: number, label: string) {
  const procs = Array.from({ length: workers }, (_, worker) => {
    const child = startChild(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench/search-worker.ts'), JSON.stringify({ ...config, worker, workers } satisfies WorkerConfig)],
      { name: `search-worker-${worker}`, cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const messages: WorkerMessage[] = [];
    const listeners = new Set<(m: WorkerMessage) => void>();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const m = JSON.parse(line) as WorkerMessage;
      messages.push(m);
      for (const l of listeners) l(m);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const waitFor = (type: WorkerMessage['type']) =>
      new Promise<WorkerMessage>((resolve, reject) => {
        const found = messages.find((m) => m.type === type);
        if (found) return resolve(found);
        listeners.add((m) => m.type === type && resolve(m));
        void exited.then((code) => reject(new Error(`search-worker-${worker} exited with ${code} before '${type}'`)));
      });
    return { child, listeners, waitFor, exited };
  });
  await Promise.all(procs.map((p) => p.waitFor('ready')));

  const done = new Array<number>(workers).fill(0);
  // Progress arrives once per written batch, so a step is a whole number of batches (else a step sees no progress).
  const tenth = config.size >= 1_000_000 ? 100_000 : Math.max(1000, Math.round(config.size / 10));
  const stepSize = Math.ceil(tenth / config.batch) * config.batch;
  const steps: { upTo: number; at: number }[] = [];
  const loads: number[] = [];
  const loadStart = loadavg()[0]!;
  const t0 = performance.now();
  let lastLog = t0;
  let lastTotal = 0;
  for (const p of procs) {
    p.listeners.add((m) => {
      if (m.type !== 'progress') return;
      done[m.worker] = m.n;
      const total = done.reduce((a, b) => a + b, 0);
      const now = performance.now();
      while (total >= (steps.length + 1) * stepSize && (steps.length + 1) * stepSize <= config.size)
        steps.push({ upTo: (steps.length + 1) * stepSize, at: now });
      if (now - lastLog >= 10_000) {
        loads.push(loadavg()[0]!);
        const rate = (total / (now - t0)) * 1000;
        const recent = ((total - lastTotal) / (now - lastLog)) * 1000;
        log(
          `  ${label}: ${fmt(total)} / ${fmt(config.size)}，${Math.round(rate)} 篇/s（近 10 s ${Math.round(recent)}），预计还需 ${Math.round((config.size - total) / rate)} s，负载 ${loadavg()[0]!.toFixed(1)}`,
        );
        lastLog = now;
        lastTotal = total;
      }
    });
  }
  const budget = setTimeout(() => {
    log(`  ${label}: 入库时间预算（${budgetMs / 60000} 分钟）用完，停止写入 / ingest budget reached`);
    for (const p of procs) p.child.stdin!.write('stop\n');
  }, budgetMs);
  for (const p of procs) p.child.stdin!.write('go\n');
  const finals = (await Promise.all(procs.map((p) => p.waitFor('done')))) as Extract<WorkerMessage, { type: 'done' }>[];
  const seconds = (performance.now() - t0) / 1000;
  clearTimeout(budget);
  for (const p of procs) p.child.stdin!.end();
  await Promise.all(procs.map((p) => p.exited));
  const ingested = finals.reduce((a, f) => a + f.n, 0);
  const stepRates = steps.map((s, i) => ({
    upTo: s.upTo,
    docsPerSecond: Math.round((stepSize / (s.at - (i === 0 ? t0 : steps[i - 1]!.at))) * 1000),
  }));
  return {
    ingested,
    partial: finals.some((f) => f.stopped) && ingested < config.size,
    seconds,
    docsPerSecond: Math.round(ingested / seconds),
    steps: stepRates,
    generateSeconds: finals.reduce((a, f) => a + f.generateMs, 0) / 1000,
    writeSeconds: finals.reduce((a, f) => a + f.writeMs, 0) / 1000,
    loadAverage: {
      start: Math.round(loadStart * 10) / 10,
      mean: Math.round(((loads.reduce((a, b) => a + b, 0) + loadavg()[0]!) / (loads.length + 1)) * 10) / 10,
      end: Math.round(loadavg()[0]! * 10) / 10,
    },
  };
}

/** The LIKE '%…%' scan of a portal without a search index: every word in the title or the body, newest 20 and a count. */
async function likeSearch(database: Database, q: BenchQuery): Promise<number> {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`removed = 0`];
  for (const w of q.likeWords) {
    const pattern = `%${likeEscape(w)}%`;
    conditions.push(sql<SqlBool>`(title like ${pattern} escape '\\' or body like ${pattern} escape '\\')`);
  }
  if (q.orgRoots) conditions.push(sql<SqlBool>`org_path like ${`${likeEscape(q.orgRoots[0]!)}%`} escape '\\'`);
  if (q.year != null) conditions.push(sql<SqlBool>`year = ${q.year}`);
  if (q.topic != null) conditions.push(sql<SqlBool>`topic = ${q.topic}`);
  const where = sql.join(conditions, sql` and `);
  await sql`select id, title, url, published_at from srch_doc where ${where} order by published_at desc limit 20`.execute(database.db);
  const counted = await sql<{ n: number }>`select count(*) as n from srch_doc where ${where}`.execute(database.db);
  return Number(counted.rows[0]?.n ?? 0);
}

async function indexSize(database: Database, dialect: Dialect, sqliteFile: string): Promise<Record<string, number | string>> {
  if (dialect === 'sqlite') {
    const h = database.sqlite!;
    const out: Record<string, number | string> = {
      fileBytes: statSync(sqliteFile).size,
      walBytes: existsSync(`${sqliteFile}-wal`) ? statSync(`${sqliteFile}-wal`).size : 0,
      pageSize: Number(h.pragma('page_size', { simple: true })),
      pageCount: Number(h.pragma('page_count', { simple: true })),
      freelistCount: Number(h.pragma('freelist_count', { simple: true })),
    };
    try {
      // Pages per b-tree: the FTS5 indexes (srch_fts_*, srch_title_fts_*) vs. the content table and its indexes.
      const rows = h.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all() as { name: string; bytes: number }[];
      const sum = (f: (n: string) => boolean) => rows.filter((r) => f(r.name)).reduce((a, r) => a + r.bytes, 0);
      out.ftsBytes = sum((n) => n.startsWith('srch_fts'));
      out.titleFtsBytes = sum((n) => n.startsWith('srch_title_fts'));
      out.docTableBytes = sum((n) => n === 'srch_doc');
      out.docIndexBytes = sum((n) => n.startsWith('srch_doc_') || n.startsWith('sqlite_autoindex_srch_doc'));
      out.facetBytes = sum((n) => n === 'srch_facet');
    } catch (err) {
      out.dbstat = `unavailable: ${(err as Error).message}`;
    }
    return out;
  }
  const r = await sql<Record<string, number>>`
    select pg_total_relation_size('srch_doc') as "totalBytes",
           pg_relation_size('srch_doc') as "heapBytes",
           coalesce((select pg_total_relation_size(reltoastrelid) from pg_class where relname = 'srch_doc' and reltoastrelid <> 0), 0) as "toastBytes",
           pg_indexes_size('srch_doc') as "indexesBytes",
           pg_total_relation_size('srch_facet') as "facetBytes",
           pg_relation_size('srch_facet_tsv') as "ginBytes",
           pg_database_size(current_database()) as "databaseBytes"`.execute(database.db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

const bucket = (total: number) =>
  total === 0 ? '0' : total < 1000 ? '1–999' : total < 10_000 ? '1k–10k' : total < 100_000 ? '10k–100k' : '≥100k';

async function runOne(
  opts: Options,
  texts: Texts,
  orgs: Org[],
  queries: BenchQuery[],
  warmups: BenchQuery[],
  segmentation: Probe,
  dialect: Dialect,
  size: number,
): Promise<SearchRun> {
  const label = `${dialect} ${fmt(size)}`;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-search-'));
  if (!opts.keep) cleanupDirs.push(dir);
  const sqliteFile = join(dir, 'search.sqlite');
  const databaseUrl = dialect === 'postgres' ? await createPgDatabase(opts.pgUrl) : undefined;
  // SQLite has one writer: a second process waits for the lock of the first one's whole transaction (segmentation
  // included, since upsert segments), so --sqlite-workers > 1 only makes sense with --batch 1.
  const workers = dialect === 'postgres' ? opts.pgWorkers : opts.sqliteWorkers;
  log(`\n== ${label}：${workers} 个写入进程，每个事务 ${opts.batch} 篇（${dialect === 'sqlite' ? sqliteFile : databaseUrl}）`);

  let database = openDatabase({ databaseUrl, sqliteFile, poolSize: 2 });
  let open = true;
  try {
    await migrateToLatest(database);
    const server = dialect === 'postgres' ? await pgSettings(database) : undefined;
    if (dialect === 'sqlite') {
      // The ingest process is the only writer; release our handle so nothing else holds the file.
      await database.close();
      open = false;
    }
    const ing = await ingest(
      { databaseUrl, sqliteFile, size, seed: opts.seed, batch: opts.batch, threads: opts.threads },
      workers,
      opts.ingestBudgetMinutes * 60_000,
      label,
    );
    log(
      `  入库 ${fmt(ing.ingested)} 篇用时 ${ing.seconds.toFixed(1)} s：${fmt(ing.docsPerSecond)} 篇/s${ing.partial ? '（时间预算用完，未满）' : ''}`,
    );
    if (dialect === 'sqlite') {
      database = openDatabase({ sqliteFile });
      open = true;
    }

    const tAfter = performance.now();
    let afterStep: string;
    if (dialect === 'sqlite') {
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      afterStep = 'PRAGMA wal_checkpoint(TRUNCATE)';
    } else {
      await sql`vacuum analyze srch_doc, srch_facet`.execute(database.db);
      afterStep = 'VACUUM ANALYZE srch_doc, srch_facet';
    }
    const afterSeconds = (performance.now() - tAfter) / 1000;
    const provider = createSearchProvider(database);
    const stored = await provider.count();
    if (stored !== ing.ingested) throw new Error(`index holds ${stored} documents, ${ing.ingested} were written`);
    const index = await indexSize(database, dialect, sqliteFile);
    log(`  ${afterStep}：${afterSeconds.toFixed(1)} s；索引 ${JSON.stringify(index)}`);

    // Search: warm-up (not counted), then every query in turn.
    for (const q of warmups) await provider.search(firstPage(q));
    const results: QueryResult[] = [];
    for (const q of queries) {
      const t = performance.now();
      const r = await provider.search(firstPage(q));
      results.push({ ...q, searchMs: performance.now() - t, searchTotal: r.total, searchEstimate: r.totalIsEstimate });
    }
    const search = latency(results.map((r) => r.searchMs));
    log(`  搜索 ${search.n} 次：p50 ${search.p50Ms} ms，p95 ${search.p95Ms} ms，p99 ${search.p99Ms} ms`);

    // Baseline: LIKE, same queries, same filters, same database, after the search runs.
    const likeN = Math.min(queries.length, opts.likeQueries ?? (size >= 500_000 ? 50 : queries.length));
    let capped: string | null = likeN < queries.length ? `前 ${likeN} 条 / first ${likeN}` : null;
    for (const q of warmups.slice(0, 2)) await likeSearch(database, q);
    const likeStart = performance.now();
    for (const r of results.slice(0, likeN)) {
      if (performance.now() - likeStart > opts.likeBudgetSeconds * 1000) {
        capped = `${results.filter((x) => x.likeMs !== undefined).length} 条（时间预算 ${opts.likeBudgetSeconds} s）/ time budget`;
        break;
      }
      const t = performance.now();
      r.likeTotal = await likeSearch(database, r);
      r.likeMs = performance.now() - t;
    }
    const liked = results.filter((r) => r.likeMs !== undefined);
    const like = latency(liked.map((r) => r.likeMs!));
    log(`  LIKE ${like.n} 次：p50 ${like.p50Ms} ms，p95 ${like.p95Ms} ms，p99 ${like.p99Ms} ms`);

    const group = (key: (r: QueryResult) => string) => {
      const groups: Record<string, number[]> = {};
      for (const r of results) (groups[key(r)] ??= []).push(r.searchMs);
      return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, latency(v)]));
    };
    const r1 = (v: number) => Math.round(v * 10) / 10;
    return {
      dialect,
      size,
      ingested: ing.ingested,
      partial: ing.partial,
      at: new Date().toISOString(),
      commit: commit(),
      machine: machine(),
      settings: { batch: opts.batch, workers, threads: opts.threads, seed: opts.seed, queries: queries.length, likeQueries: liked.length },
      ingest: {
        seconds: r1(ing.seconds),
        docsPerSecond: ing.docsPerSecond,
        steps: ing.steps,
        generateSeconds: r1(ing.generateSeconds),
        writeSeconds: r1(ing.writeSeconds),
        afterSeconds: r1(afterSeconds),
        afterStep,
        loadAverage: ing.loadAverage,
      },
      search: {
        ...search,
        byFilter: group((r) => r.filter),
        byMatches: group((r) => (r.searchEstimate ? '>10k（估计）' : bucket(r.searchTotal))),
        zeroHits: results.filter((r) => r.searchTotal === 0).length,
      },
      like: { ...like, zeroHits: liked.filter((r) => r.likeTotal === 0).length, capped },
      index,
      server,
      segmentation,
      queries: results.map((r) => ({ ...r, searchMs: r1(r.searchMs), likeMs: r.likeMs === undefined ? undefined : r1(r.likeMs) })),
    };
  } finally {
    if (open) await database.close();
    if (!opts.keep) {
      if (databaseUrl) await dropPgDatabase(opts.pgUrl);
      rmSync(dir, { recursive: true, force: true });
      cleanupDirs = cleanupDirs.filter((d) => d !== dir);
    } else log(`  保留数据库 / kept: ${dialect === 'sqlite' ? sqliteFile : databaseUrl}`);
  }
}

/** The PostgreSQL settings a bulk load into its GIN index depends on (defaults: 128MB, 4MB, 64MB). */
async function pgSettings(database: Database): Promise<Record<string, string>> {
  const names = ['shared_buffers', 'gin_pending_list_limit', 'maintenance_work_mem'];
  const rows = await sql<{
    name: string;
    setting: string;
  }>`select name, current_setting(name) as setting from pg_settings where name in (${sql.join(names)})`.execute(database.db);
  return Object.fromEntries(names.map((n) => [n, rows.rows.find((r) => r.name === n)?.setting ?? '?']));
}

/** Single-process cost of building index rows (segmentation) for the first documents: the ceiling per core. */
function probe(texts: Texts, orgs: Org[], seed: number, n = 1000) {
  const t0 = performance.now();
  const docs = Array.from({ length: n }, (_, i) => makeDoc(texts, orgs, seed, i));
  const t1 = performance.now();
  toRow(docs[0]!); // loads the dictionary
  const t2 = performance.now();
  for (const d of docs) toRow(d);
  const t3 = performance.now();
  const chars = docs.reduce((a, d) => a + d.body.length, 0) / n;
  return {
    docs: n,
    meanBodyChars: Math.round(chars),
    generateMsPerDoc: Math.round(((t1 - t0) / n) * 1000) / 1000,
    segmentMsPerDoc: Math.round(((t3 - t2) / n) * 1000) / 1000,
    segmentDocsPerSecond: Math.round((n / (t3 - t2)) * 1000),
  };
}

export async function runSearchBenchmark(): Promise<void> {
  const opts = options(process.argv.slice(3));
  if (opts.reportOnly) return report([], opts, 0);
  if (opts.reuse) {
    const texts = await loadTexts();
    const orgs = orgTree();
    await rerunSearch(
      { reuse: opts.reuse, rounds: opts.rounds },
      makeQueries(texts, orgs, opts.seed, opts.queries),
      makeQueries(texts, orgs, opts.seed, 10, 2),
      { commit: commit(), resultsDir: join(root, 'bench/results') },
    );
    process.stdout.write('\n结果已写入 bench/results/search-rerun.json 与 bench/results/search-rerun.md\n');
    return;
  }
  if (opts.dialects.includes('sqlite')) {
    const fs = statfsSync(tmpdir());
    const free = fs.bavail * fs.bsize;
    // About 10 KB per document on SQLite (content and token columns ~6.5 KB, FTS5 ~3.3 KB), plus the WAL.
    const need = Math.max(...opts.sizes) * 16 * 1024;
    if (free < need) throw new Error(`${tmpdir()} has ${formatBytes(free)} free; the largest run may need ${formatBytes(need)}`);
  }
  const started = Date.now();
  log(`读取语料 / loading texts …`);
  const texts = await loadTexts();
  const orgs = orgTree();
  log(
    `  ${fmt(texts.laws)} 部法规、${fmt(texts.reports)} 份政府工作报告：${fmt(texts.titles.length)} 个标题、${fmt(texts.paragraphs.length)} 个段落；${orgs.length} 个机构`,
  );
  const queries = makeQueries(texts, orgs, opts.seed, opts.queries);
  const warmups = makeQueries(texts, orgs, opts.seed, 10, 2);
  const segmentation = probe(texts, orgs, opts.seed);
  log(
    `  分词探测（单进程，${segmentation.docs} 篇，平均正文 ${segmentation.meanBodyChars} 字）：toRow ${segmentation.segmentMsPerDoc} ms/篇 = ${fmt(segmentation.segmentDocsPerSecond)} 篇/s`,
  );

  const runs: SearchRun[] = [];
  for (const size of opts.sizes)
    for (const dialect of opts.dialects) runs.push(await runOne(opts, texts, orgs, queries, warmups, segmentation, dialect, size));
  await stopChildren();
  report(runs, opts, (Date.now() - started) / 1000);
}

// ------------------------------------------------------------------------------------------------ report

type Probe = ReturnType<typeof probe>;

const ms = (v: number) => (Number.isFinite(v) ? String(v) : '—');

function targetLines(runs: SearchRun[]): { label: string; value: string; target: string; verdict: string }[] {
  const run = runs.find((r) => r.dialect === TARGET.dialect && r.size === TARGET.size);
  const pgRun = runs.find((r) => r.dialect === 'postgres' && r.size === TARGET.size);
  const out = [];
  const partial = (r: SearchRun) => (r.partial ? `（仅入库 ${fmt(r.ingested)} 篇，预算用完 / partial）` : '');
  if (!run) {
    out.push({ label: 'SQLite 1M 入库', value: '未测 / not measured', target: `≥ ${fmt(TARGET.ingestDocsPerSecond)} 篇/s`, verdict: '—' });
    out.push({ label: 'SQLite 1M 搜索 p95', value: '未测 / not measured', target: `≤ ${TARGET.searchP95Ms} ms`, verdict: '—' });
  } else {
    const ingestMet = run.ingest.docsPerSecond >= TARGET.ingestDocsPerSecond;
    const searchMet = run.search.p95Ms <= TARGET.searchP95Ms;
    out.push({
      label: 'SQLite 1M 入库',
      value: `${fmt(run.ingest.docsPerSecond)} 篇/s${partial(run)}`,
      target: `≥ ${fmt(TARGET.ingestDocsPerSecond)} 篇/s`,
      verdict: ingestMet ? '达到 / met' : '未达到 / not met',
    });
    out.push({
      label: 'SQLite 1M 搜索 p95',
      value: `${run.search.p95Ms} ms${partial(run)}`,
      target: `≤ ${TARGET.searchP95Ms} ms`,
      verdict: run.partial
        ? `${searchMet ? '达到' : '未达到'}（于 ${fmt(run.ingested)} 篇）/ ${searchMet ? 'met' : 'not met'} at ${fmt(run.ingested)}`
        : searchMet
          ? '达到 / met'
          : '未达到 / not met',
    });
  }
  if (pgRun) {
    out.push({
      label: 'PostgreSQL 1M 入库（报告）',
      value: `${fmt(pgRun.ingest.docsPerSecond)} 篇/s${partial(pgRun)}`,
      target: '同上（参考）',
      verdict: pgRun.ingest.docsPerSecond >= TARGET.ingestDocsPerSecond ? '达到 / met' : '未达到 / not met',
    });
    out.push({
      label: 'PostgreSQL 1M 搜索 p95（报告）',
      value: `${pgRun.search.p95Ms} ms${partial(pgRun)}`,
      target: '同上（参考）',
      verdict: pgRun.search.p95Ms <= TARGET.searchP95Ms ? '达到 / met' : '未达到 / not met',
    });
  }
  return out;
}

function sizeOf(r: SearchRun): string {
  const i = r.index;
  if (r.dialect === 'sqlite') {
    const title = typeof i.titleFtsBytes === 'number' && i.titleFtsBytes > 0 ? `（另标题索引 ${formatBytes(i.titleFtsBytes)}）` : '';
    const fts = typeof i.ftsBytes === 'number' ? `，FTS5 ${formatBytes(i.ftsBytes)}${title}` : '';
    return `文件 ${formatBytes(Number(i.fileBytes))}（${fmt(Number(i.pageCount))} 页 × ${i.pageSize}）${fts}`;
  }
  const facet = typeof i.facetBytes === 'number' ? `，srch_facet ${formatBytes(i.facetBytes)}（含 GIN）` : '';
  return `srch_doc ${formatBytes(Number(i.totalBytes))}${facet}，GIN ${formatBytes(Number(i.ginBytes))}`;
}

function report(newRuns: SearchRun[], opts: Options, wallSeconds: number): void {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonFile = join(dir, 'search.json');
  // Keep the latest run of every (dialect, size): a 1M run and a 100k run made on different days both stay.
  const runs = mergeRuns(jsonFile, newRuns, opts.fresh);

  const columns = [
    '数据库',
    '文档数',
    '入库 篇/s',
    '搜索 p50',
    'p95',
    'p99',
    'LIKE p50',
    'p95',
    'p99',
    'LIKE 次数',
    'p95 倍数',
    '索引大小',
    '运行时间',
  ];
  const rows = runs.map((r) => [
    r.dialect === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL GIN',
    `${fmt(r.ingested)}${r.partial ? ` / ${fmt(r.size)}` : ''}`,
    `${fmt(r.ingest.docsPerSecond)}（${r.settings.workers} 进程${r.settings.threads ? ` × ${r.settings.threads} 分词线程` : ''}）`,
    ms(r.search.p50Ms),
    ms(r.search.p95Ms),
    ms(r.search.p99Ms),
    ms(r.like.p50Ms),
    ms(r.like.p95Ms),
    ms(r.like.p99Ms),
    r.like.n,
    Number.isFinite(r.like.p95Ms) ? `${Math.round(r.like.p95Ms / r.search.p95Ms)}×` : '—',
    sizeOf(r),
    r.at.slice(0, 16).replace('T', ' '),
  ]);
  const stepRows = runs.map((r) => [
    `${r.dialect} ${fmt(r.ingested)}`,
    r.ingest.steps.map((s) => `${fmt(s.upTo / 1000)}k:${fmt(s.docsPerSecond)}`).join(' '),
    [
      `生成 ${r.ingest.generateSeconds} s，写入 ${r.ingest.writeSeconds} s（各进程合计）`,
      `${r.ingest.afterStep} ${r.ingest.afterSeconds} s`,
      r.segmentation
        ? `同次分词探测 toRow ${r.segmentation.segmentMsPerDoc} ms/篇（${fmt(r.segmentation.segmentDocsPerSecond)} 篇/s/核）`
        : '',
      `负载 ${r.ingest.loadAverage.start}/${r.ingest.loadAverage.mean}/${r.ingest.loadAverage.end}`,
      r.server
        ? Object.entries(r.server)
            .map(([k, v]) => `${k} ${v}`)
            .join('，')
        : '',
    ]
      .filter(Boolean)
      .join('；'),
  ]);
  // Same query, both ways: how often the index finds fewer / as many / more documents than the substring scan.
  const versusLike = (r: SearchRun) => {
    // A capped total (search found more than COUNT_CAP) cannot be compared: counted apart.
    const estimated = r.queries.filter((q) => q.likeTotal !== undefined && q.searchEstimate).length;
    const both = r.queries.filter((q) => q.likeTotal !== undefined && !q.searchEstimate);
    const fewer = both.filter((q) => q.searchTotal < q.likeTotal!).length;
    const more = both.filter((q) => q.searchTotal > q.likeTotal!).length;
    const capped = r.like.capped ? `；LIKE 只测了 ${r.like.capped}` : '';
    const liked = r.queries.filter((q) => q.likeTotal !== undefined);
    const same = liked.length < r.search.n ? latency(liked.map((q) => q.searchMs)) : null;
    const sameLine = same ? `；同这 ${same.n} 条搜索 p50/p95 ${same.p50Ms}/${same.p95Ms} ms` : '';
    const est = estimated ? `（另 ${estimated} 条搜索命中超过 1 万、总数为估计，不比）` : '';
    return `${both.length} 条中：少于 LIKE ${fewer}，相同 ${both.length - fewer - more}，多于 LIKE ${more}${est}${sameLine}；无结果 搜索 ${r.search.zeroHits}/${r.search.n}、LIKE ${r.like.zeroHits}/${r.like.n}${capped}`;
  };
  const filters = ['none', 'org', 'year', 'topic', 'org+year'];
  const buckets = ['0', '1–999', '1k–10k', '10k–100k', '≥100k', '>10k（估计）'];
  const breakdown = (r: SearchRun, names: string[], m: Record<string, Latency>) =>
    names
      .filter((n) => m[n])
      .map((n) => `${n}: ${m[n]!.n}× ${m[n]!.p50Ms}/${m[n]!.p95Ms}`)
      .join('；');
  const breakdownRows = runs.map((r) => [
    `${r.dialect} ${fmt(r.ingested)}`,
    breakdown(r, filters, r.search.byFilter),
    breakdown(r, buckets, r.search.byMatches),
    versusLike(r),
  ]);
  const targets = targetLines(runs);

  const m = machine();
  const machineLine = `${m.cpu}，${m.cores} 核，${m.memoryGb} GB 内存，Node ${m.node}，${m.os}`;
  const table = renderTable([columns[0]!, ...columns.slice(1).map((title) => ({ title, align: 'right' as const }))], rows);
  const noise = '本机 2 核，与他人的测试共用，数字有噪声（“负载”为 1 分钟平均负载：开始/平均/结束）。';
  process.stdout.write(
    [
      '',
      '搜索基准 / search benchmark',
      `机器：${machineLine}`,
      wallSeconds ? `本次运行 ${Math.round(wallSeconds)} s。${noise}` : noise,
      '',
      table,
      renderTable(['运行', '每段入库速度（到第 N 千篇：篇/s）', '说明'], stepRows),
      renderTable(['运行', '按过滤（次数× p50/p95 ms）', '按命中数（次数× p50/p95 ms）', '命中数与 LIKE 比较'], breakdownRows),
      renderTable(
        ['目标（issue 3）', '测得', '目标', '结论'],
        targets.map((t) => [t.label, t.value, t.target, t.verdict]),
      ),
    ].join('\n'),
  );

  const at = new Date().toISOString();
  writeFileSync(jsonFile, `${JSON.stringify({ benchmark: 'search', at, targets, runs }, null, 2)}\n`);
  const mdRow = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const md = [
    '# 搜索基准（`npm run bench -- search`）',
    '',
    `- 更新：${at}（每个“数据库 × 文档数”保留最近一次运行；各行的时间、提交与机器见 search.json）`,
    `- 机器：${machineLine}`,
    `- ${noise}`,
    '- 语料：lawrefbook 3,475 部法规与政府工作报告的真实标题和段落随机重组（固定种子，可复现）：每篇 = 真实标题（可加“关于印发《…》的通知”“（2023年修订）”“（第N号）”等变化）+ 3–15 个真实段落；151 个虚构机构（宜州市及 8 个县区），主题、文种、年份 2000–2025、效力、发文字号（如 宜府办发〔2023〕5号）、索引号。',
    `- 入库：每个写入进程用 ${opts.threads} 个 worker 线程生成文档并分词建行（\`prepareDoc\`：jieba、opencc、拼音；线程优先级 nice 10，把 CPU 先让给唯一的写入线程），主线程按批次顺序经 \`createSearchProvider(…).upsertMany\` 写入，每个事务 ${newRuns[0]?.settings.batch ?? opts.batch} 篇（多行 upsert，每条语句 1,000 行；SQLite 的全文索引每条 INSERT 2,000 行，docs/adr/0008）；写入进程数见表（默认 1 个；SQLite 只有一个写者）。入库速度含分词与索引，不含随后的 WAL checkpoint / VACUUM ANALYZE（单列）。`,
    '- 分词探测：每次运行前在单进程里对前 1,000 篇调用 `toRow`（分词 + 建行，不写库），即每个核的入库上限；见“入库细节”。',
    '- 查询：真实标题（20%）与从真实标题/段落中取 1–4 个相邻词（80%），约一半带过滤（机构子树、年份、主题、机构+年份）；每次 `provider.search`（第 1 页 20 条 + 总数 + 分面）；先预热 10 条不计。总数超过 10,000 条时为估计（`totalIsEstimate`，分面只统计前 10,001 条命中），排序（标题含全部关键词在前，其余按发布日期从新到旧）只在前 2,000 条命中与前 2,000 条标题命中中进行；过滤条件作为索引词参与匹配（docs/adr/0002-search-at-scale.md、0003-search-filters-as-tokens.md、0004-search-ingest-one-column-index.md、0006-search-index-written-by-the-app.md、0007-search-no-pairs-across-words.md、0008-search-rows-per-statement.md、0009-sqlite-memory-mapped-reads.md（SQLite 以内存映射读取）。',
    "- 基线：同一次运行、同一数据库、同样的查询和过滤：`title LIKE '%词%' OR body LIKE '%词%'`（各词 AND），按发布时间取 20 条 + count(*)。50 万篇以上默认只测前 50 条，且总共最多 --like-budget 秒（默认 300 s），实际条数见“LIKE 次数”。",
    '',
    mdRow(columns),
    `|${columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map(mdRow),
    '',
    '## 目标（issue 3：1M 文档、SQLite）',
    '',
    mdRow(['项目', '测得', '目标', '结论']),
    '|---|---|---|---|',
    ...targets.map((t) => mdRow([t.label, t.value, t.target, t.verdict])),
    '',
    '## 入库细节',
    '',
    mdRow(['运行', '每段入库速度（到第 N 千篇：篇/s）', '说明']),
    '|---|---|---|',
    ...stepRows.map(mdRow),
    '',
    '## 搜索延迟分解（p50/p95 ms）',
    '',
    mdRow(['运行', '按过滤', '按命中数（搜索的 total）', '命中数与 LIKE 比较']),
    '|---|---|---|---|',
    ...breakdownRows.map(mdRow),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'search.md'), md);
  process.stdout.write('\n结果已写入 bench/results/search.json 与 bench/results/search.md\n');
}
