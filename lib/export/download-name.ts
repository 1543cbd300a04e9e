import { asciiWords } from './ascii';

const EXTENSIONS = { markdown: 'md', bibtex: 'bib', json: 'json' } as const;

/** What the user exports. */
export type ExportKind = keyof typeof EXTENSIONS;

/** Long labels would make unwieldy names; whole words are kept up to this length. */
const MAX_SLUG_LENGTH = 40;

/**
 * The suggested file name of an export, e.g. `daily-papers-2026-11-22.md` or
 * `daily-papers-reward-model-2026-11-22.bib`. The date is the UTC day, the same as the
 * "Last update" line of the Markdown export, so that name and content agree.
 * A label without any ASCII letter or digit (e.g. Chinese) is left out rather than mangled.
 */
export function exportFileName(kind: ExportKind, now: Date, keywordLabel?: string): string {
  const day = now.toISOString().slice(0, 10);
  const slug = keywordLabel === undefined ? '' : slugify(keywordLabel);
  return `${['daily-papers', slug, day].filter((part) => part !== '').join('-')}.${EXTENSIONS[kind]}`;
}

function slugify(label: string): string {
  const words = asciiWords(label);
  let slug = '';
  for (const word of words) {
    const longer = slug === '' ? word : `${slug}-${word}`;
    if (longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  // A single very long word still deserves to appear, cut to size.
  return slug === '' ? (words[0] ?? '').slice(0, MAX_SLUG_LENGTH) : slug;
}
