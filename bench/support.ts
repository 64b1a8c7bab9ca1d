// Shared by benchmarks: child processes that never outlive the run, free ports, readiness, machine facts.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, platform, release, arch } from 'node:os';

const children = new Set<ChildProcess>();

/** Starts a child process that is killed when the benchmark exits, fails or is interrupted. */
export function startChild(command: string, args: string[], options: SpawnOptions & { name: string }): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && code !== 0 && signal === null) process.stderr.write(`${options.name} exited with ${code}:\n${output}\n`);
  });
  return child;
}

let stopping = false;

/** Stops every child: SIGTERM, then SIGKILL for any still running after 3 s. */
export async function stopChildren(): Promise<void> {
  stopping = true;
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (c) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            c.kill('SIGKILL');
            resolve();
          }, 3000);
          c.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}

// Children never outlive us: on a normal exit, an interrupt or a crash.
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopChildren().then(() => process.exit(130));
  });
}

/** A TCP port nobody listens on right now (asked from the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `url` until it answers 2xx, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms (${last})`);
}

export type Machine = { cpu: string; cores: number; memoryGb: number; node: string; os: string };

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}

export type Latency = { n: number; p50Ms: number; p95Ms: number; p99Ms: number; meanMs: number; maxMs: number };

/** Percentiles (nearest rank), mean and maximum of latency samples in ms, rounded to 0.1 ms. */
export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]! : NaN);
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    n: s.length,
    p50Ms: r1(at(50)),
    p95Ms: r1(at(95)),
    p99Ms: r1(at(99)),
    meanMs: r1(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
    maxMs: r1(s.at(-1) ?? NaN),
  };
}

/**
 * The runs a results file keeps: its earlier runs (none when `fresh`, or when it is missing or unreadable), each
 * replaced by a new run of the same database and size, then the new ones; smallest size first.
 */
export function mergeRuns<T extends { dialect: string; size: number }>(jsonFile: string, newRuns: T[], fresh = false): T[] {
  let previous: T[] = [];
  if (!fresh && existsSync(jsonFile)) {
    try {
      previous = (JSON.parse(readFileSync(jsonFile, 'utf8')) as { runs?: T[] }).runs ?? [];
    } catch {
      previous = [];
    }
  }
  const key = (r: T) => `${r.dialect}:${r.size}`;
  const replaced = new Set(newRuns.map(key));
  return [...previous.filter((r) => !replaced.has(key(r))), ...newRuns].sort(
    (a, b) => a.size - b.size || a.dialect.localeCompare(b.dialect),
  );
}
