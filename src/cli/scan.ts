// `gongkai scan <file|dir|->`: the pre-publication scanner on files, folders (recursive) or stdin text.
// Exit code 0 when nothing blocks publication, 1 when a blocking finding exists, 2 when a path cannot be read.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  CATEGORY_NAMES,
  SEVERITY_NAMES,
  compileDictionary,
  parseDictionaryFile,
  scanFile,
  scanText,
  type Finding,
  type ScanOptions,
} from '../modules/review/scanner/index.ts';
import { CliError, type CliIO } from './io.ts';
import { renderTable } from './table.ts';

type Run = (work: () => Promise<void>) => Promise<void>;
type ScanCliOptions = { json?: boolean; dictionary?: string; allowPhones?: string; allowEmailDomains?: string; maxMb?: string };

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Files under `path` (itself if a file), depth-first, skipping hidden entries. */
function filesUnder(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

export function describeLocation(f: Finding): string {
  const l = f.location;
  const parts: string[] = [];
  if (l.field) parts.push(l.field);
  if (l.page !== undefined) parts.push(`第 ${l.page} 页`);
  if (l.sheet) parts.push(`${l.sheet}!${l.cell ?? ''}`);
  else if (l.cell) parts.push(l.cell);
  if (f.category === 'unreadable') parts.push('整个文件');
  else if (f.category !== 'metadata') parts.push(`字符 ${f.start}–${f.end}`);
  return parts.join(' ');
}

export function registerScan(program: Command, io: CliIO, run: Run, stdin: () => Promise<Uint8Array> = readStdin): void {
  program
    .command('scan')
    .description('发布前审查扫描：身份证号、手机号、银行卡号、密级标志、敏感词等（有阻断性问题时退出码为 1）')
    .argument('<target>', '文件、文件夹（递归扫描）或 -（从标准输入读取文字）')
    .option('--json', '以 JSON 输出')
    .option('--dictionary <file>', '词典文件：每行一个敏感词，或“错误表述,正确表述”')
    .option('--allow-phones <list>', '允许出现的公开办公电话，逗号分隔')
    .option('--allow-email-domains <list>', '允许出现的邮箱域名，逗号分隔（默认 gov.cn）')
    .option('--max-mb <n>', '单个文件大小上限（MB，默认 50）')
    .action((target: string, options: ScanCliOptions) =>
      run(async () => {
        const list = (s?: string) => (s ? s.split(/[,，]/).map((x) => x.trim()).filter(Boolean) : undefined);
        const scanOptions: ScanOptions = { allowPhones: list(options.allowPhones), allowEmailDomains: list(options.allowEmailDomains) };
        if (options.dictionary) {
          let text: string;
          try {
            text = readFileSync(resolve(io.cwd, options.dictionary), 'utf8');
          } catch {
            throw new CliError(`无法读取词典文件：${options.dictionary}`, 2);
          }
          scanOptions.dictionary = compileDictionary(parseDictionaryFile(text));
        }
        const maxBytes = options.maxMb ? Math.round(Number(options.maxMb) * 1_048_576) : undefined;
        if (maxBytes !== undefined && !(maxBytes > 0)) throw new CliError('--max-mb 须为正数', 2);
        const results: { file: string; findings: Finding[] }[] = [];
        if (target === '-') {
          const text = new TextDecoder().decode(await stdin());
          results.push({ file: '-', findings: scanText(text, scanOptions) });
        } else {
          const root = resolve(io.cwd, target);
          let files: string[];
          try {
            files = filesUnder(root);
          } catch {
            throw new CliError(`找不到文件或文件夹：${target}`, 2);
          }
          for (const path of files) {
            const name = path === root ? target : relative(root, path);
            results.push({ file: name, findings: await scanFile(readFileSync(path), name, { ...scanOptions, maxBytes }) });
          }
        }
        const all = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, f })));
        const blocking = all.filter(({ f }) => f.blocking).length;
        if (options.json) {
          io.out(`${JSON.stringify({ files: results.length, findings: all.map(({ file, f }) => ({ file, ...f })), blocking }, null, 2)}\n`);
        } else {
          if (all.length > 0) {
            io.out(
              renderTable(
                ['文件', '位置', '类别', '级别', '打码后', '说明'],
                all.map(({ file, f }) => [file, describeLocation(f), CATEGORY_NAMES[f.category], SEVERITY_NAMES[f.severity], f.masked, f.message.zh]),
              ),
            );
          }
          io.out(`已扫描 ${results.length} 个文件：发现 ${all.length} 处，其中阻断发布 ${blocking} 处。\n`);
        }
        if (blocking > 0) throw new CliError(`有 ${blocking} 处阻断发布的问题，须打码或经审核人说明理由后放行。`, 1);
      }),
    );
}
