import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { reportError, type CliIO } from './io.ts';
import { chineseParseError } from './parse-errors.ts';
import { displayWidth } from './table.ts';
import { registerServe } from './serve.ts';
import { registerMigrate } from './migrate.ts';
import { registerUser } from './user.ts';
import { registerConfig } from './config.ts';
import { registerBackup } from './backup.ts';
import { registerRestore } from './restore.ts';
import { registerCompact } from './compact.ts';
import { registerImport } from './import.ts';
import { registerLedger } from './ledger.ts';
import { registerScan } from './scan.ts';
import { registerCalendar } from './calendar.ts';
import { registerSearch } from './search.ts';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

export type CliState = { exitCode: number; keepAlive: boolean };

/**
 * The `gongkai` command tree. Actions never exit the process: they record the exit code in `state`, so tests
 * can run commands in-process with their own environment and output.
 */
export function buildProgram(io: CliIO, state: CliState = { exitCode: 0, keepAlive: false }): Command {
  const program = new Command('gongkai')
    .description('Gongkai 政务公开平台：服务、数据库迁移、用户、配置、备份与恢复')
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (message, write) => write(chineseParseError(message)) })
    .configureHelp({ styleTitle: (t) => titles[t] ?? t, displayWidth, sortSubcommands: false })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .version(version, '-V, --version', '显示版本号')
    .showSuggestionAfterError(true)
    .exitOverride();
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      state.exitCode = reportError(io, err);
    }
  };
  registerServe(program, async (work) => {
    state.keepAlive = true;
    await run(work);
  });
  registerMigrate(program, io, run);
  registerUser(program, io, run);
  registerConfig(program, io, run);
  registerBackup(program, io, run);
  registerRestore(program, io, run);
  registerCompact(program, io, run);
  registerImport(program, io, run);
  registerLedger(program, io, run);
  registerScan(program, io, run);
  registerSearch(program, io, run);
  registerCalendar(program, io, run);
  return program;
}

/** Parses `argv` (node, script, …args) and runs the command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIO, state: CliState = { exitCode: 0, keepAlive: false }): Promise<number> {
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    return reportError(io, err);
  }
  return state.exitCode;
}
