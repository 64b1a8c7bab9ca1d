// Content-addressed blob storage for attachments: a blob's key is derived from the SHA-256 of its bytes, so the
// same file uploaded twice, or copied into a new edition, is stored once. The port is small so that an
// S3-compatible implementation can replace the filesystem one (DESIGN.md §3) without touching callers.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredBlob {
  sha256: string;
  /** Where the blob lives inside the store (`ab/cd/<sha256>`); kept in the database as `storage_key`. */
  key: string;
  size: number;
  /** False when an identical blob was already stored. */
  created: boolean;
}

export interface FileStore {
  put(data: Uint8Array): Promise<StoredBlob>;
  /** The blob's bytes, or null when there is none under this key. */
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; removing a missing blob is not an error. */
  delete(key: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `ab/cd/abcd…`: two directory levels keep any one directory small. */
export function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Blobs under `<root>/ab/cd/<sha256>`. Writes go to a temporary file in the same directory and are renamed into
 * place, so a reader (in this or another instance sharing the directory) never sees a partial blob and a crash
 * leaves at worst a stray temporary file.
 */
export class FsFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    // Keys are only ever made by blobKey; anything else (../, absolute paths) is refused.
    const parts = key.split('/');
    if (parts.length !== 3 || !SHA256.test(parts[2]!) || blobKey(parts[2]!) !== key) throw new Error(`invalid blob key: ${key}`);
    return join(this.root, ...parts);
  }

  async put(data: Uint8Array): Promise<StoredBlob> {
    const sha256 = sha256Of(data);
    const key = blobKey(sha256);
    const target = this.path(key);
    if (await this.exists(key)) return { sha256, key, size: data.length, created: false };
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { sha256, key, size: data.length, created: true };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
