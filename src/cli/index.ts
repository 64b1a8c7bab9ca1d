import { processIO } from './io.ts';
import { runCli, type CliState } from './program.ts';

// `gongkai …` (bin/gongkai.js). Every command but `serve` ends the process when it is done, so an open handle
// (a database pool, a pending timer) can never keep a finished command hanging.
const state: CliState = { exitCode: 0, keepAlive: false };
const code = await runCli(process.argv, processIO(), state);
if (code !== 0 || !state.keepAlive) {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
