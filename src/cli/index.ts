import { Command } from 'commander';
import { main } from '../main.ts';

const program = new Command('gongkai').description('Gongkai 政务公开平台');
program.command('serve').description('启动 Web 服务').action(async () => {
  await main();
});
await program.parseAsync(process.argv);
