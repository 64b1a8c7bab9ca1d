// `npm run bench -- <name>`: runs one benchmark; each prints a table with its comparison and the machine,
// and keeps its latest result in bench/results/.
import { runHttpBenchmark } from './http.ts';
import { runSearchBenchmark } from './search.ts';
import { runScanBenchmark } from './scan.ts';

const benchmarks: Record<string, { description: string; run: () => Promise<void> }> = {
  http: {
    description: 'Gongkai 的 /healthz、门户首页、机构目录 与 Fastify 空服务（本机上限）的吞吐和延迟对比',
    run: runHttpBenchmark,
  },
  search: {
    description: '搜索：SQLite FTS5 / PostgreSQL 的入库速度和搜索延迟，与 LIKE 扫描对比（--sizes --db --queries）',
    run: runSearchBenchmark,
  },
  scan: {
    description: '发布前审查扫描：全部检测器 + 10k/100k 词典（Aho-Corasick）的 MB/s，与逐词正则对比；1000 页 PDF 含提取的耗时（--mb --pages）',
    run: runScanBenchmark,
  },
};

const name = process.argv[2];
const benchmark = name ? benchmarks[name] : undefined;
if (!benchmark) {
  process.stderr.write(
    `用法：npm run bench -- <名称>\n${Object.entries(benchmarks)
      .map(([n, b]) => `  ${n.padEnd(8)} ${b.description}`)
      .join('\n')}\n`,
  );
  process.stderr.write(
    '环境变量：BENCH_DURATION（秒，默认 10）、BENCH_WARMUP（秒，默认 2）、BENCH_CONNECTIONS（默认 10）、BENCH_DATABASE_URL（可选，用 PostgreSQL）\n',
  );
  process.exit(name ? 1 : 0);
}
try {
  await benchmark.run();
  process.exit(0);
} catch (err) {
  process.stderr.write(`基准失败：${(err as Error).message}\n`);
  process.exit(1);
}
