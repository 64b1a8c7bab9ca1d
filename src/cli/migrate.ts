import type { Command } from 'commander';
import { migrateToLatest, migrationStatus } from '../platform/db/migrator.ts';
import { formatLocal } from '../modules/identity/index.ts';
import { config, describeTarget, openConfigured, type CliIO } from './io.ts';
import { renderTable } from './table.ts';

export function registerMigrate(program: Command, io: CliIO, run: (work: () => Promise<void>) => Promise<void>): void {
  const migrate = program.command('migrate').description('数据库迁移（不带子命令时等同于 migrate up）');
  migrate
    .command('up', { isDefault: true })
    .description('执行全部待执行的迁移（服务启动时也会自动执行）')
    .action(() => run(() => migrateUp(io)));
  migrate
    .command('status')
    .description('列出全部迁移及其执行时间')
    .option('--json', '以 JSON 输出')
    .action((options: { json?: boolean }) => run(() => status(io, Boolean(options.json))));
}

async function migrateUp(io: CliIO): Promise<void> {
  const cfg = config(io);
  const database = openConfigured(cfg, { mustExist: false });
  try {
    io.err(`数据库：${describeTarget(cfg)}\n`);
    const applied = await migrateToLatest(database);
    for (const name of applied) io.err(`  已执行 ${name}\n`);
    io.out(applied.length > 0 ? `迁移完成：执行了 ${applied.length} 个迁移。\n` : '数据库结构已是最新，无需迁移。\n');
  } finally {
    await database.close();
  }
}

async function status(io: CliIO, json: boolean): Promise<void> {
  const cfg = config(io);
  const database = openConfigured(cfg, { mustExist: true });
  try {
    const list = await migrationStatus(database);
    if (json) {
      io.out(
        `${JSON.stringify(
          list.map((m) => ({ name: m.name, executedAt: m.executedAt?.toISOString() ?? null })),
          null,
          2,
        )}\n`,
      );
      return;
    }
    io.out(
      renderTable(
        ['迁移', '执行时间'],
        list.map((m) => [m.name, m.executedAt ? formatLocal(m.executedAt.toISOString()) : '待执行']),
      ),
    );
    const pending = list.filter((m) => !m.executedAt).length;
    io.out(
      `共 ${list.length} 个迁移，${pending > 0 ? `${pending} 个待执行（运行 gongkai migrate）` : '全部已执行'}。数据库：${describeTarget(cfg)}\n`,
    );
  } finally {
    await database.close();
  }
}
