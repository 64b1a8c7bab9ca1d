import type { Command } from 'commander';
import { CliError, withServices, type CliIO } from './io.ts';

type Run = (work: () => Promise<void>) => Promise<void>;

const problemNames: Record<string, string> = { gap: '序号不连续', broken_link: '前序哈希不符', altered_entry: '条目被改动' };

export function registerLedger(program: Command, io: CliIO, run: Run): void {
  const ledger = program.command('ledger').description('发布存证链：每次发布、撤回、撤销都记入哈希链');
  ledger
    .command('verify')
    .description('校验整条存证链，并核对每份在线文件的内容与发布时记录的哈希是否一致（不一致时退出码为 1）')
    .option('--json', '以 JSON 输出')
    .action((options: { json?: boolean }) =>
      run(async () => {
        const report = await withServices(io, (s) => s.verifyLedger());
        if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
        else {
          for (const p of report.chainProblems) io.out(`第 ${p.seq} 条：${problemNames[p.problem] ?? p.problem}\n`);
          for (const a of report.alteredEditions)
            io.out(`文件 ${a.documentId} 的版本 ${a.editionId} 与第 ${a.seq} 条存证记录不一致（发布后被改动）\n`);
          if (report.ok)
            io.out(`存证链完好：共 ${report.entries} 条，末条哈希 ${report.headHash ?? '（空）'}；在线文件内容均与存证一致。\n`);
        }
        if (!report.ok)
          throw new CliError(
            `存证链校验未通过：链问题 ${report.chainProblems.length} 处，内容不一致 ${report.alteredEditions.length} 份。`,
          );
      }),
    );
}
