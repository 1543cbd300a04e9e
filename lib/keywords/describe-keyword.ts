import type { Keyword, MatchField } from './keyword';

/** How each match field reads in a sentence. */
export const FIELD_NAMES: Record<MatchField, string> = {
  'title-abstract': 'Title or abstract',
  title: 'Title',
  abstract: 'Abstract',
  all: 'All fields',
  author: 'Authors',
};

/**
 * One line saying what a keyword searches, for its row on the options page, e.g.
 * `Title or abstract: “reward model” or all of “RLHF policy” · in cs.CL, cs.LG · without “survey”`.
 */
export function describeKeyword(keyword: Keyword): string {
  if ((keyword.rawQuery ?? '').trim() !== '') return `Advanced query: ${keyword.rawQuery}`;
  const terms = keyword.terms
    .map((term) => (term.mode === 'phrase' ? `“${term.text}”` : `all of “${term.text}”`))
    .join(' or ');
  const parts = [`${FIELD_NAMES[keyword.field]}: ${terms}`];
  if (keyword.categories.length > 0) parts.push(`in ${keyword.categories.join(', ')}`);
  if (keyword.exclude.length > 0) parts.push(`without ${keyword.exclude.map((text) => `“${text}”`).join(', ')}`);
  return parts.join(' · ');
}
