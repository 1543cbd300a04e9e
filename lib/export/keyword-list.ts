import { createKeyword, validateKeyword, type Keyword } from '../keywords/keyword';

/** A line of the list that was not imported, with the reason to show the user. */
export interface SkippedLine {
  /** 1-based, as editors number lines. */
  line: number;
  text: string;
  reason: string;
}

/**
 * Keywords from a plain list, one per line, e.g. the keyword list of an old Daily Papers setup.
 * Blank lines and lines starting with `#` are ignored. Lines that `validateKeyword` rejects
 * (too long, no letter, already in `existing`, compared case-insensitively) and repeats of an
 * earlier line are skipped with a reason; the rest become new keywords, in file order.
 */
export function parseKeywordList(
  text: string,
  existing: readonly Keyword[],
  now: number = Date.now(),
): { keywords: Keyword[]; skipped: SkippedLine[] } {
  const keywords: Keyword[] = [];
  const skipped: SkippedLine[] = [];
  const firstLine = new Map<string, number>();
  // Files saved on Windows start with a byte order mark and end lines with \r\n.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const validation = validateKeyword(trimmed, existing);
    if (!validation.ok) {
      skipped.push({ line, text: trimmed, reason: validation.message });
      return;
    }
    const lower = validation.text.toLocaleLowerCase();
    const earlier = firstLine.get(lower);
    if (earlier !== undefined) {
      skipped.push({ line, text: trimmed, reason: `Already listed on line ${earlier}.` });
      return;
    }
    firstLine.set(lower, line);
    keywords.push(createKeyword(validation.text, now));
  });
  return { keywords, skipped };
}
