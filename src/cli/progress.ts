import cliProgress from 'cli-progress';
import type { CliIO } from './io.ts';

/** Progress of long work: a bar on a terminal, plain lines when stderr is a pipe or a log file. */
export type Progress = {
  /** A new phase with `total` units (rows, pages); `label` names it. */
  start(label: string, total: number): void;
  /** Units done so far in the current phase. */
  update(done: number): void;
  /** Ends the phase; plain-line mode prints `label: done/total`. */
  stop(): void;
  /** A free-form note (warnings), printed on its own line. */
  note(text: string): void;
};

export function createProgress(io: CliIO): Progress {
  if (io.tty && io.env.GONGKAI_NO_PROGRESS !== '1') return barProgress(io);
  let label = '';
  let total = 0;
  let done = 0;
  return {
    start(l, t) {
      label = l;
      total = t;
      done = 0;
    },
    update(d) {
      done = d;
    },
    stop() {
      io.err(`  ${label}：${done}/${total}\n`);
    },
    note: (text) => io.err(`  ${text}\n`),
  };
}

function barProgress(io: CliIO): Progress {
  const bar = new cliProgress.SingleBar(
    { format: '  {label} [{bar}] {done}/{all}', barsize: 30, hideCursor: true, clearOnComplete: false, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  let all = 0;
  return {
    start(label, total) {
      if (running) bar.stop();
      all = total;
      bar.start(Math.max(total, 1), total === 0 ? 1 : 0, { label: label.padEnd(22), done: 0, all });
      running = true;
    },
    update: (done) => bar.update(Math.min(done, Math.max(all, 1)), { done, all }),
    stop() {
      if (running) bar.stop();
      running = false;
    },
    note(text) {
      if (running) bar.stop();
      running = false;
      io.err(`  ${text}\n`);
    },
  };
}

/** A progress that shows nothing (for nested work and tests). */
export const silentProgress: Progress = { start() {}, update() {}, stop() {}, note() {} };
