// pg_dump / pg_restore, run with the password in the environment rather than on the command line.
import { spawn, spawnSync } from 'node:child_process';
import { CliError } from '../io.ts';

export function hasTool(name: 'pg_dump' | 'pg_restore'): boolean {
  const r = spawnSync(name, ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

/** The connection string without its password, plus PGPASSWORD, so `ps` never shows the password. */
function connection(databaseUrl: string, env: NodeJS.ProcessEnv): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...env, PGPASSWORD: password } : env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err) => reject(new CliError(`无法运行 ${tool}：${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new CliError(`${tool} 失败（退出码 ${code}）：\n${stderr.trim()}`));
    });
  });
}

export function pgDump(databaseUrl: string, file: string, env: NodeJS.ProcessEnv): Promise<void> {
  const c = connection(databaseUrl, env);
  return run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${c.url}`], c.env);
}

export function pgRestore(databaseUrl: string, file: string, env: NodeJS.ProcessEnv): Promise<void> {
  const c = connection(databaseUrl, env);
  return run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${c.url}`, file], c.env);
}
