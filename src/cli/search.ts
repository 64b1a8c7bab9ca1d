import { InvalidArgumentError, type Command } from 'commander';
import { createSearchProvider, defaultPrepareThreads, inlinePreparer, startPreparePool } from '../platform/search/index.ts';
import { withServices, type CliIO } from './io.ts';

type Run = (work: () => Promise<void>) => Promise<void>;

/** Below this many published documents a rebuild segments on its own thread: starting threads (~1–2 s) would cost more. */
export const THREADED_REINDEX_FROM = 2000;

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('须为 0–64 的整数');
  return n;
}

export function registerSearch(program: Command, io: CliIO, run: Run): void {
  const search = program.command('search').description('站内搜索索引');
  search
    .command('reindex')
    .description('从已发布的文件、政策问答、意见征集和会议重建搜索索引（恢复备份、更换数据库或升级分词词典之后）')
    .option(
      '--threads <n>',
      `为文件分词的线程数（默认：CPU 核数减 1，即本机 ${defaultPrepareThreads()}；已发布文件少于 ${THREADED_REINDEX_FROM} 篇时默认 0）；0 = 在主线程分词`,
      parseThreads,
    )
    .action((options: { threads?: number }) =>
      run(async () => {
        const counts = await withServices(io, async (s) => {
          const published = await s.database.db
            .selectFrom('doc_document')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('public_state', '=', 'published')
            .executeTakeFirstOrThrow();
          const threads = options.threads ?? (Number(published.n) >= THREADED_REINDEX_FROM ? defaultPrepareThreads() : 0);
          const pool = threads > 0 ? await startPreparePool(threads) : inlinePreparer();
          try {
            // The document indexer clears the index first; the other kinds are added back after it.
            const version = Date.now();
            const documents = await s.indexer.reindexAll(version, { pool });
            const qa = await s.qaIndexer.reindexAll(version);
            const consultations = await s.consultationIndexer.reindexAll(version);
            const meetings = await s.meetingIndexer.reindexAll(version);
            return { documents, qa, consultations, meetings, threads, indexed: await createSearchProvider(s.database).count() };
          } finally {
            await pool.close();
          }
        });
        io.out(
          `已重建搜索索引：文件 ${counts.documents} 篇，政策问答 ${counts.qa} 条，意见征集 ${counts.consultations} 项，会议 ${counts.meetings} 次；索引现有 ${counts.indexed} 条。` +
            `（分词：${counts.threads > 0 ? `${counts.threads} 个线程` : '主线程'}）\n`,
        );
      }),
    );
}
