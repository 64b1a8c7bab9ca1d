// HTTP throughput of Gongkai next to a bare Fastify "hello world" (the ceiling of this machine), measured in
// the same run with autocannon as a separate process. Everything listens on 127.0.0.1 and stops by itself.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTable } from '../src/cli/table.ts';
import { freePort, machine, startChild, stopChildren, waitForHttp, type Machine } from './support.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const autocannonBin = join(root, 'node_modules/.bin/autocannon');

const num = (name: string, fallback: number, min: number, max: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}`);
  return n;
};

export type TargetResult = {
  target: string;
  url: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  totalRequests: number;
  statusCodes: Record<string, number>;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
};

function autocannon(url: string, seconds: number, connections: number): Promise<AutocannonJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(autocannonBin, ['--json', '-c', String(connections), '-d', String(seconds), '-t', '10', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 500)} ${err.slice(-500)}`));
      }
    });
  });
}

export async function runHttpBenchmark(): Promise<void> {
  const duration = num('BENCH_DURATION', 10, 1, 600);
  const warmup = num('BENCH_WARMUP', 2, 0, 60);
  const connections = num('BENCH_CONNECTIONS', 10, 1, 1000);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const targets: { name: string; server: 'hello' | 'gongkai'; path: string }[] = [
    { name: 'hello（Fastify 空服务，上限）', server: 'hello', path: '/' },
    { name: 'Gongkai /healthz', server: 'gongkai', path: '/healthz' },
    { name: 'Gongkai 门户首页 /', server: 'gongkai', path: '/' },
    { name: 'Gongkai 机构目录 /organisations', server: 'gongkai', path: '/organisations' },
  ];
  // Bound the whole run: if anything hangs, stop the servers and fail.
  const budgetMs = (targets.length * (duration + warmup + 15) + 90) * 1000;
  const watchdog = setTimeout(() => {
    process.stderr.write(`benchmark exceeded ${budgetMs / 1000} s; stopping\n`);
    void stopChildren().then(() => process.exit(1));
  }, budgetMs);
  watchdog.unref();

  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const [helloPort, gongkaiPort] = [await freePort(), await freePort()];
    startChild(process.execPath, ['--import', 'tsx', join(root, 'bench/hello-server.ts'), String(helloPort)], {
      name: 'hello-server',
      cwd: root,
    });
    startChild(process.execPath, [join(root, 'bin/gongkai.js'), 'serve'], {
      name: 'gongkai',
      cwd: dataDir, // no developer gongkai.config.json; the bundled 宜昌 divisions
      env: {
        ...process.env,
        PORT: String(gongkaiPort),
        HOST: '127.0.0.1',
        GONGKAI_DATA_DIR: join(dataDir, 'data'),
        GONGKAI_DIVISIONS_DIR: join(dataDir, 'no-divisions'),
        GONGKAI_LOG_LEVEL: 'warn',
        GONGKAI_ADMIN_PASSWORD: 'bench-admin-password',
        DATABASE_URL: databaseUrl,
        // bin/gongkai.js registers tsx without naming the tsconfig, so from another working directory the portal's
        // JSX would compile to React.createElement (see docs/operations.md); point tsx at the repository's tsconfig.
        TSX_TSCONFIG_PATH: join(root, 'tsconfig.json'),
      },
    });
    const base = { hello: `http://127.0.0.1:${helloPort}`, gongkai: `http://127.0.0.1:${gongkaiPort}` };
    await Promise.all([waitForHttp(`${base.hello}/`), waitForHttp(`${base.gongkai}/healthz`, 60_000)]);

    const results: TargetResult[] = [];
    for (const t of targets) {
      const url = base[t.server] + t.path;
      process.stderr.write(`→ ${t.name}: ${warmup} s warm-up, ${duration} s × ${connections} connections\n`);
      if (warmup > 0) await autocannon(url, warmup, connections);
      const r = await autocannon(url, duration, connections);
      results.push({
        target: t.name,
        url: t.path,
        requestsPerSecond: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        totalRequests: r.requests.total,
        statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
      });
    }
    report(results, {
      duration,
      warmup,
      connections,
      database: databaseUrl ? 'PostgreSQL' : 'SQLite',
      machine: machine(),
      commit: commit(),
    });
  } finally {
    clearTimeout(watchdog);
    await stopChildren();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

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

const share = (ratio: number) => (ratio < 0.1 ? (ratio * 100).toFixed(1) : String(Math.round(ratio * 100)));

type RunInfo = { duration: number; warmup: number; connections: number; database: string; machine: Machine; commit: string };

function report(results: TargetResult[], info: RunInfo): void {
  const ceiling = results[0]!.requestsPerSecond;
  const columns = ['目标', 'req/s', 'p50 ms', 'p99 ms', '非 2xx', '状态码', '占上限'];
  const rows = results.map((r) => [
    r.target,
    r.requestsPerSecond,
    r.p50Ms,
    r.p99Ms,
    r.non2xx,
    Object.entries(r.statusCodes)
      .map(([c, n]) => `${c}×${n}`)
      .join(' ') || '—',
    `${share(r.requestsPerSecond / ceiling)}%`,
  ]);
  const m = info.machine;
  const machineLine = `${m.cpu}，${m.cores} 核，${m.memoryGb} GB 内存，Node ${m.node}，${m.os}`;
  const settings = `autocannon ${info.connections} 个连接，每个目标预热 ${info.warmup} s 后测 ${info.duration} s；Gongkai 数据库 ${info.database}（提交 ${info.commit}）`;
  const table = renderTable([columns[0]!, ...columns.slice(1).map((title) => ({ title, align: 'right' as const }))], rows);
  process.stdout.write(`\nHTTP 基准\n机器：${machineLine}\n设置：${settings}\n\n${table}`);

  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(join(dir, 'http.json'), `${JSON.stringify({ benchmark: 'http', at, ...info, results }, null, 2)}\n`);
  const md = [
    '# HTTP 基准（`npm run bench -- http`）',
    '',
    `- 时间：${at}`,
    `- 机器：${machineLine}`,
    `- 设置：${settings}`,
    '- 上限：同一次运行中、同一台机器上的 Fastify 空服务（`bench/hello-server.ts`）；autocannon 与服务器共用 CPU。',
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'http.md'), md);
  process.stdout.write(`\n结果已写入 bench/results/http.json 与 bench/results/http.md\n`);
}
