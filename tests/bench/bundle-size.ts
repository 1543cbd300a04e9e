import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Size budgets of the popup's JavaScript, gzipped: what every opening loads, and with TeX on screen. */
export const POPUP_EAGER_BUDGET = 150 * 1024;
export const POPUP_WITH_TEX_BUDGET = 250 * 1024;

/** The JavaScript files a page of the built extension loads before it runs (entry and preloaded chunks). */
function eagerFiles(extensionDir: string, page: string): string[] {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => join(extensionDir, m[1]!));
}

/** The chunks `files` load later through dynamic import(), and the chunks those load, and so on. */
function lazyFiles(files: string[]): string[] {
  const seen = new Set(files);
  const lazy: string[] = [];
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/import\(\s*[`'"](\.{1,2}\/[^`'"]+\.js)[`'"]\s*\)/g)) {
      const target = join(dirname(file), match[1]!);
      if (seen.has(target)) continue;
      seen.add(target);
      lazy.push(target);
      queue.push(target);
    }
  }
  return lazy;
}

const gzip = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);

/** Gzipped bytes of the JavaScript a page of the built extension loads (entry and preloaded chunks). */
export function pageJsGzip(extensionDir: string, page: string): number {
  return gzip(eagerFiles(extensionDir, page));
}

/**
 * Gzipped bytes of a page's JavaScript including every chunk it may import later (for the popup:
 * KaTeX and its style, loaded when a paper has TeX), with the lazy chunks' names.
 */
export function pageJsGzipWithLazy(extensionDir: string, page: string): { bytes: number; lazy: string[] } {
  const eager = eagerFiles(extensionDir, page);
  const lazy = lazyFiles(eager);
  return { bytes: gzip([...eager, ...lazy]), lazy: lazy.map((file) => relative(extensionDir, file)) };
}

/** Gzipped bytes of one file of the built extension. */
export function fileGzip(extensionDir: string, file: string): number {
  return gzipSync(readFileSync(join(extensionDir, file))).length;
}
