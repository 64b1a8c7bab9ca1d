import type { Command } from 'commander';
import { main } from '../main.ts';

export function registerServe(program: Command, run: (work: () => Promise<void>) => Promise<void>): void {
  program
    .command('serve')
    .description('启动 Web 服务（门户、管理后台与 API）；首次启动会建库、导入行政区划并创建管理员')
    .action(() => run(() => main()));
}
