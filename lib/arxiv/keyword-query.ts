/**
 * A keyword as an arXiv `search_query`, built only from the syntax arXiv documents: field
 * prefixes, AND / OR / ANDNOT, parentheses and double-quoted phrases. Since November 2025 arXiv
 * rejects anything else (`ti:(a b)`, unbalanced quotes) with an error feed.
 * See https://info.arxiv.org/help/api/user-manual.html#query_details
 */
import type { Keyword, MatchField } from '../keywords/keyword';
import { MAX_QUERY_LENGTH, validateRawQuery, type QueryBuild } from './raw-query';
import { cleanTerm, normaliseCategory, shown } from './search-term';

export { MAX_QUERY_LENGTH, validateRawQuery, type QueryBuild };

export type KeywordQueryInput = Pick<Keyword, 'terms' | 'field' | 'categories' | 'exclude' | 'rawQuery'>;

const PREFIXES: Record<MatchField, readonly string[]> = {
  'title-abstract': ['ti', 'abs'],
  title: ['ti'],
  abstract: ['abs'],
  all: ['all'],
  author: ['au'],
};

/** Several alternatives as one operand: OR is associative, so nested groups are flattened. */
function anyOf(alternatives: readonly string[]): string {
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? (unique[0] ?? '') : `(${unique.join(' OR ')})`;
}

/** A cleaned phrase searched in the field: one alternative per prefix. */
function phraseAlternatives(field: MatchField, text: string): string[] {
  return PREFIXES[field].map((prefix) => `${prefix}:"${text}"`);
}

/**
 * Loose words, each required somewhere in the field. A word with inner punctuation (`e.g.`,
 * `O'Brien`) is quoted so that no parser can split it.
 */
function wordsAlternatives(field: MatchField, text: string): string[] {
  const words = [...new Set(text.split(' '))].map((word) => (/^[\p{L}\p{M}\p{N}]+$/u.test(word) ? word : `"${word}"`));
  const each = words.map((word) => anyOf(PREFIXES[field].map((prefix) => `${prefix}:${word}`)));
  return each.length === 1
    ? PREFIXES[field].map((prefix) => `${prefix}:${words[0] ?? ''}`)
    : [`(${each.join(' AND ')})`];
}

/**
 * The `search_query` for a keyword, or a message saying what to change. A keyword with a raw
 * query is validated as written; otherwise its terms are ORed, its categories ANDed as a group,
 * and its exclusions (phrases in the same field) removed with ANDNOT.
 */
export function buildKeywordQuery(keyword: KeywordQueryInput): QueryBuild {
  if (keyword.rawQuery !== undefined && keyword.rawQuery.trim() !== '') return validateRawQuery(keyword.rawQuery);
  const terms: string[] = [];
  for (const term of keyword.terms) {
    if (term.text.trim() === '') continue; // an empty row in the form, not a search
    const clean = cleanTerm(term.text, term.mode, keyword.field);
    if (!clean.ok) return clean;
    terms.push(
      ...(term.mode === 'phrase'
        ? phraseAlternatives(keyword.field, clean.text)
        : wordsAlternatives(keyword.field, clean.text)),
    );
  }
  if (terms.length === 0) return { ok: false, message: 'Add at least one term to search for.' };
  const parts = [anyOf(terms)];

  const categories: string[] = [];
  for (const typed of keyword.categories) {
    if (typed.trim() === '') continue;
    const category = normaliseCategory(typed);
    if (category === undefined) {
      return {
        ok: false,
        message: `"${shown(typed)}" is not an arXiv category: write it like cs.CL, math.CA or hep-th.`,
      };
    }
    categories.push(`cat:${category}`);
  }
  if (categories.length > 0) parts.push('AND', anyOf(categories));

  const excluded: string[] = [];
  for (const typed of keyword.exclude) {
    if (typed.trim() === '') continue;
    const clean = cleanTerm(typed, 'phrase', keyword.field);
    if (!clean.ok) return clean;
    excluded.push(...phraseAlternatives(keyword.field, clean.text));
  }
  // Only AND and ANDNOT join the groups at the top level, so their order of evaluation cannot
  // change the result.
  if (excluded.length > 0) parts.push('ANDNOT', anyOf(excluded));

  const query = parts.join(' ');
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      message: `This keyword makes a search of ${query.length} characters; keep it under ${MAX_QUERY_LENGTH} by removing terms, categories or exclusions.`,
    };
  }
  return { ok: true, query };
}
