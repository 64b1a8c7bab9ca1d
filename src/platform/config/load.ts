import { existsSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { settings, type Config, type Setting } from './schema.ts';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads settings from the environment, then from an optional JSON file (`GONGKAI_CONFIG`, default
 * ./gongkai.config.json, keyed by the same variable names); the environment wins. Lists every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const file = readConfigFile(env, cwd, problems);
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.name] ?? file[setting.name];
    if (raw === undefined || raw === '') {
      values[key] = setting.default;
      continue;
    }
    try {
      values[key] = setting.parse(String(raw).trim());
    } catch (err) {
      problems.push(`${setting.name}=${JSON.stringify(String(raw))}: ${(err as Error).message}`);
    }
  }
  for (const name of Object.keys(file)) {
    if (!Object.values(settings).some((s) => s.name === name)) {
      problems.push(`gongkai.config.json: 未知配置项 ${name} / unknown setting`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = resolve(cwd, values.dataDir as string);
  const databaseUrl = values.databaseUrl as string;
  return Object.freeze({
    ...(values as Omit<Config, 'database' | 'sqliteFile' | 'dataDir'>),
    dataDir,
    divisionsDir: resolve(cwd, values.divisionsDir as string),
    database: databaseUrl ? 'postgres' : 'sqlite',
    sqliteFile: join(dataDir, 'gongkai.sqlite'),
  }) as Config;
}

function readConfigFile(env: NodeJS.ProcessEnv, cwd: string, problems: string[]): Record<string, unknown> {
  const path = resolve(cwd, env.GONGKAI_CONFIG ?? 'gongkai.config.json');
  if (!existsSync(path)) {
    if (env.GONGKAI_CONFIG) problems.push(`GONGKAI_CONFIG: 文件不存在 / file not found: ${path}`);
    return {};
  }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (err) {
    problems.push(`${path}: 不是有效的 JSON 对象 / not a JSON object (${(err as Error).message})`);
    return {};
  }
}
