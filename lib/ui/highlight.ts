import type { Keyword } from '../keywords/keyword';

/** A piece of text, marked when it matched a highlighted term. */
export interface TextPart {
  text: string;
  mark: boolean;
}

// A hyphen, dash or space between two words of a phrase: arXiv reads "large-language" as "large language".
const SEPARATOR = String.raw`[\s\u2010-\u2015-]+`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The phrases of a raw arXiv query worth highlighting: quoted phrases and field:word terms. */
function rawQueryTerms(rawQuery: string): string[] {
  const phrases = [...rawQuery.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
  const words = [...rawQuery.replace(/"[^"]*"/g, ' ').matchAll(/\b(?:ti|abs|all):([\p{L}\p{N}_-]+)/gu)];
  return [...phrases, ...words.map((m) => (m[1] ?? '').replace(/_/g, ' '))];
}

/** The texts of a keyword that appear in titles and abstracts (none for an author keyword). */
export function keywordTerms(keyword: Keyword): string[] {
  if (keyword.rawQuery?.trim()) return rawQueryTerms(keyword.rawQuery);
  if (keyword.field === 'author') return [];
  return keyword.terms.flatMap((term) => (term.mode === 'words' ? term.text.split(/\s+/) : [term.text]));
}

/**
 * One case-insensitive pattern for all terms, longest first so a phrase wins over its words. A
 * term must start a word ("AI" does not light up "maintain") but may end inside one ("model"
 * marks "models").
 */
export function highlightPattern(terms: readonly string[]): RegExp | undefined {
  const parts = [...new Set(terms.map((t) => t.trim()).filter((t) => /[\p{L}\p{N}]/u.test(t)))]
    .sort((a, b) => b.length - a.length)
    .map((t) =>
      t
        .split(/[\s\u2010-\u2015-]+/)
        .map(escapeRegExp)
        .join(SEPARATOR),
    );
  if (parts.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/** Splits text into marked and unmarked parts. */
export function splitHighlights(text: string, pattern: RegExp | undefined): TextPart[] {
  if (!pattern || text === '') return [{ text, mark: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (match[0] === '') continue;
    if (start > last) parts.push({ text: text.slice(last, start), mark: false });
    parts.push({ text: match[0], mark: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

/**
 * A lookup of the highlight pattern for a paper, from the keywords that matched it: the selected
 * keyword in its own tab, the paper's keywords in "All new" and "Saved". Each set is built once.
 */
export function highlighterFor(keywords: readonly Keyword[]): (keywordIds: readonly string[]) => RegExp | undefined {
  const cache = new Map<string, RegExp | undefined>();
  return (keywordIds) => {
    const key = [...keywordIds].sort().join(' ');
    if (!cache.has(key)) {
      const terms = keywords.filter((k) => keywordIds.includes(k.id)).flatMap(keywordTerms);
      cache.set(key, highlightPattern(terms));
    }
    return cache.get(key);
  };
}
