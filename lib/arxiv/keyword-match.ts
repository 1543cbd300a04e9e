/**
 * Which keywords a paper belongs to, decided locally. One combined OR query fetches the papers of
 * many keywords; this re-applies each keyword's rules to the results. It leans towards yes: a
 * paper wrongly filed under a second keyword is a nuisance, a paper filed under none is lost.
 * So terms match leniently (`similarStems`) while exclusions need an exact stem match.
 */
import type { Keyword, MatchField } from '../keywords/keyword';
import { foldedWords, searchWords, similarStems } from './search-words';
import type { ArxivEntry } from './types';

export type MatchableEntry = Pick<
  ArxivEntry,
  'title' | 'summary' | 'authors' | 'categories' | 'comment' | 'journalRef'
>;
export type MatchableKeyword = Pick<Keyword, 'terms' | 'field' | 'categories' | 'exclude' | 'rawQuery'>;

type Same = (a: string, b: string) => boolean;
const exact: Same = (a, b) => a === b;

/** The texts a field covers; a phrase must sit inside one of them. */
function fieldTexts(field: Exclude<MatchField, 'author'>, entry: MatchableEntry): string[] {
  if (field === 'title') return [entry.title];
  if (field === 'abstract') return [entry.summary];
  if (field === 'title-abstract') return [entry.title, entry.summary];
  // arXiv's `all:` covers every field, including authors and categories.
  return [
    entry.title,
    entry.summary,
    entry.comment ?? '',
    entry.journalRef ?? '',
    ...entry.authors.map((author) => author.name),
    entry.categories.join(' '),
  ];
}

/**
 * The search words of a text, remembered: a combined query's answer is put to every keyword of
 * its group, so each title and abstract would otherwise be split and stemmed once per keyword and
 * term. Bounded; emptied when full.
 */
const wordsOfText = new Map<string, string[]>();
const WORDS_CACHE_SIZE = 5_000;

function textWords(text: string): string[] {
  let words = wordsOfText.get(text);
  if (words === undefined) {
    if (wordsOfText.size >= WORDS_CACHE_SIZE) wordsOfText.clear();
    words = searchWords(text);
    wordsOfText.set(text, words);
  }
  return words;
}

function hasPhrase(words: readonly string[], phrase: readonly string[], same: Same): boolean {
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, offset) => same(words[start + offset] ?? '', word))) return true;
  }
  return false;
}

/**
 * Whether a text term occurs in the field. Loose words may be spread over the texts of the field
 * (title or abstract), as `(ti:a OR abs:a) AND (ti:b OR abs:b)` allows.
 */
function textMatches(texts: readonly string[], term: string, mode: 'phrase' | 'words', same: Same): boolean {
  const wanted = searchWords(term);
  // Only stop words: a term cannot tell, so it matches; an exclusion must not remove anything.
  if (wanted.length === 0) return same !== exact;
  const perText = texts.map(textWords);
  if (mode === 'phrase') return perText.some((words) => hasPhrase(words, wanted, same));
  const all = perText.flat();
  return wanted.every((word) => all.some((candidate) => same(candidate, word)));
}

/**
 * A loose name match: the surname (the part before a comma, a last word, or all but a trailing
 * initial as in `Hinton_G`) must be among the author's words, and a given first name or initial
 * must start one of the author's other words. `Geoffrey Hinton`, `G. Hinton`, `Hinton, G.` and
 * `hinton_g` all match "Geoffrey E. Hinton".
 */
export function authorMatches(query: string, authorName: string): boolean {
  const [before, after] = query.split(',', 2);
  let surname = foldedWords(before ?? '');
  let initial = after === undefined ? undefined : foldedWords(after)[0]?.[0];
  if (after === undefined && surname.length > 1) {
    const last = surname.at(-1) ?? '';
    if (last.length === 1) {
      initial = last;
      surname = surname.slice(0, -1);
    } else {
      initial = surname[0]?.[0];
      surname = [last];
    }
  }
  if (surname.length === 0) return true; // nothing to compare: cannot tell
  const words = foldedWords(authorName);
  for (let start = 0; start + surname.length <= words.length; start += 1) {
    if (!surname.every((part, offset) => words[start + offset] === part)) continue;
    if (initial === undefined) return true;
    const others = words.filter((_, index) => index < start || index >= start + surname.length);
    if (others.some((word) => word.startsWith(initial))) return true;
  }
  return false;
}

function authorTermMatches(entry: MatchableEntry, term: string, mode: 'phrase' | 'words'): boolean {
  if (mode === 'phrase') return entry.authors.some((author) => authorMatches(term, author.name));
  const names = entry.authors.flatMap((author) => foldedWords(author.name));
  return foldedWords(term).every((word) => names.includes(word));
}

function termMatches(k: MatchableKeyword, entry: MatchableEntry, term: string, mode: 'phrase' | 'words', same: Same) {
  // arXiv joins author-name parts with underscores (`au:del_maestro`).
  if (k.field === 'author') return authorTermMatches(entry, term.replace(/_/g, ' '), mode);
  return textMatches(fieldTexts(k.field, entry), term, mode, same);
}

/**
 * Whether a paper from a combined query belongs to this keyword: in one of its categories (when
 * it lists any), matching one of its terms in its field, and free of its exclusions. A keyword
 * with a raw query answers 'unknown': arXiv's own search has to decide. `strict` compares stems
 * exactly instead of leniently: a paper that matches only leniently may not be in the keyword's
 * search.
 */
export function matchesKeyword(k: MatchableKeyword, entry: MatchableEntry, strict = false): boolean | 'unknown' {
  if (k.rawQuery !== undefined && k.rawQuery.trim() !== '') return 'unknown';
  const wanted = k.categories.map((category) => category.trim().toLowerCase()).filter((category) => category !== '');
  const has = entry.categories.map((category) => category.toLowerCase());
  if (wanted.length > 0 && has.length > 0 && !wanted.some((category) => has.includes(category))) return false;
  const terms = k.terms.filter((term) => term.text.trim() !== '');
  const same = strict ? exact : similarStems;
  if (terms.length > 0 && !terms.some((term) => termMatches(k, entry, term.text, term.mode, same))) {
    return false;
  }
  return !k.exclude.some((phrase) => phrase.trim() !== '' && termMatches(k, entry, phrase, 'phrase', exact));
}
