// The files of a bulk import: a folder walked recursively (or one file), each importable file sniffed;
// JSONL (.jsonl, .ndjson, .jsonl.gz) streamed one record a line, so a 59 MB corpus is never held whole.
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { checkFile, DEFAULT_MAX_IMPORT_FILE_BYTES, extensionOf } from '../../../platform/files/index.ts';

export type ImportKind = 'docx' | 'pdf' | 'html' | 'markdown' | 'text' | 'jsonl';

export interface ImportSource {
  path: string;
  kind: ImportKind;
  buffer: Buffer;
  /** JSONL: the 1-based line number and the parsed record. */
  line?: number;
  record?: Record<string, unknown>;
}

export interface ImportFailure {
  path: string;
  kind: 'failed';
  reason: string;
  line?: number;
}

export type ImportItem = ImportSource | ImportFailure;

export interface ReadImportOptions {
  /** Largest single file (JSONL files are streamed and exempt; each line is limited instead). */
  maxFileBytes?: number;
  maxLineBytes?: number;
}

const FILE_KINDS = new Set<string>(['docx', 'pdf', 'html', 'markdown', 'text']);
const FILE_EXTENSIONS = new Set(['docx', 'pdf', 'html', 'htm', 'md', 'markdown', 'txt']);
const JSONL = /\.(jsonl|ndjson)(\.gz)?$/i;

async function* jsonlLines(path: string, maxLineBytes: number): AsyncGenerator<ImportItem> {
  const input = createReadStream(path);
  const gunzip = /\.gz$/i.test(path) ? createGunzip() : null;
  if (gunzip) input.on('error', (error) => gunzip.destroy(error));
  const stream = gunzip ? input.pipe(gunzip) : input;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let n = 0;
  const emit = (text: string): ImportItem | null => {
    n++;
    const line = text.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (!line.trim()) return null;
    if (Buffer.byteLength(line) > maxLineBytes)
      return { path, kind: 'failed', line: n, reason: `line is larger than ${maxLineBytes} bytes` };
    try {
      const record: unknown = JSON.parse(line);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a JSON object');
      return { path, kind: 'jsonl', buffer: Buffer.from(line, 'utf8'), line: n, record: record as Record<string, unknown> };
    } catch (error) {
      return { path, kind: 'failed', line: n, reason: `invalid JSON: ${(error as Error).message}` };
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const parts = (pending + decoder.write(chunk)).split('\n');
      pending = parts.pop()!;
      for (const part of parts) {
        const item = emit(part);
        if (item) yield item;
      }
      if (pending.length > maxLineBytes) throw new Error(`line ${n + 1} is larger than ${maxLineBytes} bytes`);
    }
    const item = emit(pending + decoder.end());
    if (item) yield item;
  } catch (error) {
    yield { path, kind: 'failed', line: n + 1, reason: `cannot read: ${(error as Error).message}` };
  } finally {
    input.destroy();
    gunzip?.destroy();
  }
}

async function* oneFile(path: string, size: number, maxFileBytes: number): AsyncGenerator<ImportItem> {
  const ext = extensionOf(path);
  if (!FILE_EXTENSIONS.has(ext)) {
    yield {
      path,
      kind: 'failed',
      reason: ext ? `not an importable document type (.${ext})` : 'not an importable document type (no extension)',
    };
    return;
  }
  if (size > maxFileBytes) {
    yield { path, kind: 'failed', reason: `file is larger than ${maxFileBytes} bytes` };
    return;
  }
  const buffer = await readFile(path);
  const check = await checkFile(buffer, path, { maxBytes: maxFileBytes });
  if (!check.ok) yield { path, kind: 'failed', reason: check.reason };
  else if (!FILE_KINDS.has(check.type.kind))
    yield { path, kind: 'failed', reason: `content is ${check.type.ext}, which is not importable as a document` };
  else yield { path, kind: check.type.kind as ImportKind, buffer };
}

/**
 * Yields the importable files under `root` (a folder, walked recursively in name order, or one file).
 * Hidden files and symbolic links are skipped; anything else that cannot be imported is yielded as a failure
 * with its reason, so a caller can report it.
 */
export async function* readImportSources(root: string, options: ReadImportOptions = {}): AsyncGenerator<ImportItem> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_IMPORT_FILE_BYTES;
  const maxLineBytes = options.maxLineBytes ?? 16 * 1024 * 1024;
  const info = await lstat(root);
  if (info.isFile()) {
    if (JSONL.test(root)) yield* jsonlLines(root, maxLineBytes);
    else yield* oneFile(root, info.size, maxFileBytes);
    return;
  }
  if (!info.isDirectory()) throw new Error(`${root} is neither a file nor a folder`);
  const entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    const path = join(root, entry.name);
    if (entry.isDirectory() || entry.isFile()) yield* readImportSources(path, options);
  }
}
