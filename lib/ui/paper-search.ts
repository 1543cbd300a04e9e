import { foldText } from '../arxiv/search-words';
import type { PaperRecord } from '../db/schema';

/** The words of a search, folded like the text they are looked for in (case and accents ignored). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * A filter for the papers whose title, authors or abstract contain every word of the search
 * (anywhere, in any order), or undefined for an empty search.
 */
export function paperFilter(query: string): ((paper: PaperRecord) => boolean) | undefined {
  const words = searchTerms(query);
  if (words.length === 0) return undefined;
  return (paper) => {
    const text = foldText(`${paper.title}\n${paper.authors.map((a) => a.name).join('\n')}\n${paper.summary}`);
    return words.every((word) => text.includes(word));
  };
}
