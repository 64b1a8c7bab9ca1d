import type { Command } from 'commander';
import { createSearchProvider } from '../platform/search/index.ts';
import { withServices, type CliIO } from './io.ts';

type Run = (work: () => Promise<void>) => Promise<void>;

export function registerSearch(program: Command, io: CliIO, run: Run): void {
  const search = program.command('search').description('站内搜索索引');
  search
    .command('reindex')
    .description('从已发布的文件、政策问答、意见征集和会议重建搜索索引（恢复备份、更换数据库或升级分词词典之后）')
    .action(() =>
      run(async () => {
        const counts = await withServices(io, async (s) => {
          // The document indexer clears the index first; the other kinds are added back after it.
          const version = Date.now();
          const documents = await s.indexer.reindexAll(version);
          const qa = await s.qaIndexer.reindexAll(version);
          const consultations = await s.consultationIndexer.reindexAll(version);
          const meetings = await s.meetingIndexer.reindexAll(version);
          return { documents, qa, consultations, meetings, indexed: await createSearchProvider(s.database).count() };
        });
        io.out(
          `已重建搜索索引：文件 ${counts.documents} 篇，政策问答 ${counts.qa} 条，意见征集 ${counts.consultations} 项，会议 ${counts.meetings} 次；索引现有 ${counts.indexed} 条。\n`,
        );
      }),
    );
}
