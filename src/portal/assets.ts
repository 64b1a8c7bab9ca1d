// The portal's static files (CSS, client script) and their cache-busting URLs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const assetsDir = fileURLToPath(new URL('./assets/', import.meta.url));
export const ASSETS_PREFIX = '/assets/';

const versions = new Map<string, string>();

/** `/assets/<name>?v=<content hash>`, so a changed file is fetched again despite caching. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (!version) {
    version = createHash('sha256').update(readFileSync(`${assetsDir}${name}`)).digest('hex').slice(0, 10);
    versions.set(name, version);
  }
  return `${ASSETS_PREFIX}${name}?v=${version}`;
}
