import type { FastifyRequest } from 'fastify';

export type MultipartFile = { filename: string; bytes: Buffer };
export type MultipartForm = {
  fields: Record<string, string>;
  files: Record<string, MultipartFile[]>;
  /** Set instead of throwing, so an HTML form can show it next to its fields and an API can answer 4xx. */
  problem?: 'notMultipart' | 'tooLarge' | 'malformed';
};

/** Reads a multipart body: text fields and files, each file within maxBytes; an empty file input is skipped. */
export async function readMultipartForm(request: FastifyRequest, maxBytes: number): Promise<MultipartForm> {
  const out: MultipartForm = { fields: {}, files: {} };
  if (!request.isMultipart()) return { ...out, problem: 'notMultipart' };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 6, fields: 60, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length === 0 && !part.filename) continue;
        (out.files[part.fieldname] ??= []).push({ filename: part.filename, bytes });
      } else out.fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { ...out, problem: 'tooLarge' };
    if (code.startsWith('FST_')) return { ...out, problem: 'malformed' };
    throw err;
  }
  return out;
}
