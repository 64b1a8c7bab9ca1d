import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, cliActor, withServices, type CliIO } from './io.ts';
import { renderTable } from './table.ts';

type Run = (work: () => Promise<void>) => Promise<void>;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
const KINDS: Record<string, string> = { holiday: '放假', workday: '调休上班', ordinary: '工作日（调整）' };
const SOURCES: Record<string, string> = { 'chinese-days': '内置（chinese-days）', import: '导入', manual: '手工标记' };

function integer(text: string, what: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new CliError(`${what}应为整数：${text}`);
  return Number(text);
}

export function registerCalendar(program: Command, io: CliIO, run: Run): void {
  const calendar = program.command('calendar').description('工作日历：节假日、调休上班日与期限计算（含管理员调整与导入的年度安排）');

  calendar
    .command('add-working-days')
    .description('起算日之后的第 n 个工作日（起算日不计入）；跨入未载入安排的年份时在日期后标 provisional')
    .argument('<date>', '起算日，YYYY-MM-DD')
    .argument('<n>', '工作日数（0–3650）')
    .action((date: string, n: string) =>
      run(async () => {
        const days = integer(n, '工作日数');
        const r = await withServices(io, async (s) => s.calendar.addWorkingDays(date, days));
        io.out(`${r.date}${r.provisional ? ' provisional' : ''}\n`);
      }),
    );

  calendar
    .command('import')
    .description('导入一年的节假日安排（holiday-cn JSON：{year, papers, days: [{name, date, isOffDay}]}），替换该年的调整')
    .argument('<file>', 'JSON 文件')
    .option('--source-title <title>', '来源文件标题（默认“国务院办公厅关于YYYY年部分节假日安排的通知”）')
    .option('--source-number <number>', '来源文件文号，如 国办发明电〔2025〕7号')
    .action((file: string, options: { sourceTitle?: string; sourceNumber?: string }) =>
      run(async () => {
        let content: string;
        try {
          content = await readFile(resolve(io.cwd, file), 'utf8');
        } catch {
          throw new CliError(`无法读取文件：${file}`);
        }
        const r = await withServices(io, (s) => s.calendar.importSchedule(cliActor(), content, options));
        io.out(`已导入 ${r.year} 年节假日安排：${r.days} 天（放假 ${r.holidays} 天，调休上班 ${r.workdays} 天），替换原有调整 ${r.replaced} 条。\n`);
      }),
    );

  calendar
    .command('list')
    .description('列出某年的节假日、调休上班日和手工调整')
    .requiredOption('--year <year>', '年份，如 2026')
    .option('--json', '以 JSON 输出')
    .action((options: { year: string; json?: boolean }) =>
      run(async () => {
        const year = integer(options.year, '年份');
        const days = await withServices(io, (s) => s.calendar.days(year));
        if (options.json) {
          io.out(`${JSON.stringify(days, null, 2)}\n`);
          return;
        }
        const rows = days.items.map((d) => [d.date, weekday(d.date), KINDS[d.kind] ?? d.kind, d.name ?? '', d.source === 'override' ? `调整：${d.sourceTitle ?? ''}${d.sourceNumber ? `（${d.sourceNumber}）` : ''}` : (SOURCES[d.source ?? ''] ?? '')]);
        if (rows.length > 0) io.out(renderTable(['日期', '星期', '类型', '名称', '来源'], rows));
        io.out(
          days.scheduled
            ? `${year} 年：节假日安排已载入，共 ${rows.length} 个特殊日期。\n`
            : `${year} 年：节假日安排尚未载入，期限只按周末推算（暂定）。请用 gongkai calendar import 导入。\n`,
        );
      }),
    );

  calendar
    .command('years')
    .description('各年度节假日安排是否已载入及其来源')
    .action(() =>
      run(async () => {
        const status = await withServices(io, (s) => s.calendar.yearStatus());
        const rows = status.items.map((y) => [String(y.year), y.scheduled ? '已载入' : '未载入（暂定）', y.source ? (SOURCES[y.source] ?? y.source) : '', y.sourceTitle ?? '', y.loadedAt?.slice(0, 10) ?? '']);
        io.out(renderTable(['年份', '状态', '来源', '来源文件', '载入日期'], rows));
        if (!status.nextYearScheduled) io.out(`提示：${status.nextYear} 年的节假日安排尚未载入。\n`);
      }),
    );
}
