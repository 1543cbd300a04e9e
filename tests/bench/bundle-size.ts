import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of the JavaScript a page of the built extension loads (entry and preloaded chunks). */
export function pageJsGzip(extensionDir: string, page: string): number {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  const sources = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return sources.reduce((sum, src) => sum + gzipSync(readFileSync(join(extensionDir, src))).length, 0);
}

/** Gzipped bytes of one file of the built extension. */
export function fileGzip(extensionDir: string, file: string): number {
  return gzipSync(readFileSync(join(extensionDir, file))).length;
}
