import { resolve } from 'node:path';
import type { Command } from 'commander';
import { settings, type Config, type Setting } from '../platform/config/schema.ts';
import { config as loadFor, describeTarget, maskUrl, type CliIO } from './io.ts';
import { renderTable } from './table.ts';

const secret = new Set(['GONGKAI_ADMIN_PASSWORD']);
const paths = new Set(['GONGKAI_DATA_DIR', 'GONGKAI_DIVISIONS_DIR']);

export function registerConfig(program: Command, io: CliIO, run: (work: () => Promise<void>) => Promise<void>): void {
  program
    .command('config')
    .description('列出全部配置项：变量、当前值、来源、默认值与说明（密码已隐藏）')
    .option('--json', '以 JSON 输出')
    .action((options: { json?: boolean }) => run(async () => showConfig(io, Boolean(options.json))));
}

export type SettingView = { name: string; value: string; source: 'env' | 'file' | 'default'; default: string; description: string };

/** Every setting with its effective value; secrets masked, the database password hidden. */
export function describeSettings(cfg: Config, env: NodeJS.ProcessEnv, cwd: string): SettingView[] {
  return (Object.entries(settings) as [keyof Config & keyof typeof settings, Setting<unknown>][]).map(([key, s]) => {
    let value = String(cfg[key] ?? '');
    if (secret.has(s.name) && value) value = '******（已设置）';
    if (s.name === 'DATABASE_URL') value = maskUrl(value);
    const fromEnv = env[s.name] !== undefined && env[s.name] !== '';
    // Paths are resolved against the working directory, so compare them resolved.
    const effectiveDefault = paths.has(s.name) ? resolve(cwd, String(s.default)) : s.default;
    const source = fromEnv ? 'env' : cfg[key] !== effectiveDefault ? 'file' : 'default';
    return { name: s.name, value, source, default: String(s.default), description: s.description };
  });
}

const sourceNames = { env: '环境变量', file: '配置文件', default: '默认' };

function showConfig(io: CliIO, json: boolean): void {
  const cfg = loadFor(io);
  const views = describeSettings(cfg, io.env, io.cwd);
  if (json) {
    io.out(`${JSON.stringify(views, null, 2)}\n`);
    return;
  }
  const show = (v: string) => (v === '' ? '（空）' : v);
  io.out(
    renderTable(
      ['变量', '当前值', '来源', '默认值', '说明'],
      views.map((v) => [v.name, show(v.value), sourceNames[v.source], show(v.default), v.description]),
    ),
  );
  io.out(
    `\n数据库：${describeTarget(cfg)}\n数据目录：${cfg.dataDir}\n配置文件：${io.env.GONGKAI_CONFIG ?? 'gongkai.config.json'}（可选；环境变量优先）\n`,
  );
}
