/**
 * Turning what a researcher typed into text that is safe inside an arXiv `search_query`.
 * Since November 2025 arXiv validates queries and answers malformed ones with an error feed, so
 * every character that could end a phrase or start query syntax is removed here, or the term is
 * rejected with a message saying what to change. See
 * https://info.arxiv.org/help/api/user-manual.html#query_details
 */
import type { MatchField } from '../keywords/keyword';

export const MAX_TERM_LENGTH = 200;

/** The field prefixes arXiv's `search_query` accepts. */
export const FIELD_PREFIXES = [
  'ti',
  'au',
  'abs',
  'co',
  'jr',
  'cat',
  'rn',
  'all',
  'id',
  'submittedDate',
  'lastUpdatedDate',
] as const;

export type CleanText = { ok: true; text: string } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Shows user input inside a message without flooding it. */
export function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

const DOUBLE_QUOTES = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;
const SURROUNDED =
  /^(?:["\u201c\u201d\u201e\u201f\u00ab\u00bb](.*)["\u201c\u201d\u201e\u201f\u00ab\u00bb]|['\u2018\u2019](.*)['\u2018\u2019])$/su;
const FIELD_COLON = new RegExp(`(?:^|[\\s(\\[{"'])(?:${FIELD_PREFIXES.join('|')}):`, 'i');
// Emoji pieces that Unicode counts as marks (variation selectors, keycap), which would otherwise
// survive as part of a word; emoji themselves are symbols and go with the other punctuation.
const EMOJI_MARKS = /\ufe0e|\ufe0f|\u20e3/g;
// What survives: letters with their accents, digits, and the punctuation that is part of words.
// Everything else becomes a space, which is how arXiv's search reads punctuation anyway; this
// includes every kind of dash, since inside arXiv's search a hyphen acts as NOT.
const UNSAFE = /[^\p{L}\p{M}\p{N}\s.'\u2019]/gu;
const UNSAFE_AUTHOR = /[^\p{L}\p{M}\p{N}\s.'\u2019,]/gu;
// Dots and apostrophes belong to a word only inside it (3.5, O'Brien), not as scare quotes.
const LOOSE_MARK = /(?<![\p{L}\p{N}])[.'\u2019]|[.'\u2019](?![\p{L}\p{N}])/gu;
const OPERATOR_WORD = /^(?:and|or|not|andnot)$/i;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * Cleans one term for use inside `field:"…"` (phrase) or as loose words ANDed within the field.
 * Punctuation and symbols become spaces, which is how arXiv's search treats them anyway, so the
 * meaning is kept; anything whose meaning would change (a field prefix, a wildcard, an operator
 * among loose words, a boolean expression) is rejected with a message instead.
 */
export function cleanTerm(input: string, mode: 'phrase' | 'words', field: MatchField): CleanText {
  const typed = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typed.length > MAX_TERM_LENGTH) {
    return fail(`Keep each term under ${MAX_TERM_LENGTH} characters ("${shown(typed)}" has ${typed.length}).`);
  }
  const surrounded = SURROUNDED.exec(typed);
  let text = surrounded ? (surrounded[1] ?? surrounded[2] ?? '') : typed;
  const quoteCount = (typed.match(DOUBLE_QUOTES) ?? []).length;
  if (quoteCount >= 4) {
    return fail(`Split ${shown(typed)} into one term per quoted phrase.`);
  }
  if (mode === 'words' && quoteCount > 0) {
    return fail(`Quotes ask for a phrase: switch ${shown(typed)} to phrase mode, or remove the quotes.`);
  }
  if (FIELD_COLON.test(text)) {
    return fail(`Remove the colon from "${shown(typed)}": use the "Where to match" setting instead.`);
  }
  if (text.includes('*')) {
    return fail(
      `Remove the "*" from "${shown(typed)}": arXiv has no documented wildcards (it already matches plurals).`,
    );
  }
  if (/[()[\]{}]/.test(text) && /\b(?:AND|OR|NOT|ANDNOT)\b/.test(text)) {
    return fail(`"${shown(typed)}" looks like a search expression: add each alternative as its own term.`);
  }
  // arXiv documents `au:del_maestro`: an underscore joins the parts of a name.
  if (field === 'author') text = text.replace(/_/g, ' ');
  text = text
    .replace(EMOJI_MARKS, ' ')
    .replace(field === 'author' ? UNSAFE_AUTHOR : UNSAFE, ' ')
    .replace(LOOSE_MARK, ' ');
  const words = text.split(/\s+/).filter((word) => SEARCHABLE.test(word));
  if (words.length === 0) return fail(`"${shown(typed)}" has no letters or digits to search for.`);
  if (mode === 'words') {
    const operator = words.find((word) => OPERATOR_WORD.test(word));
    if (operator) {
      return fail(
        `Remove "${operator}" from "${shown(typed)}": loose words are all required already; add alternatives as separate terms.`,
      );
    }
    return { ok: true, text: words.join(' ') };
  }
  // Inside quotes these words are literal, but lower case keeps any parser from reading them as
  // operators; arXiv's search ignores case, so nothing changes.
  return { ok: true, text: words.map((word) => (OPERATOR_WORD.test(word) ? word.toLowerCase() : word)).join(' ') };
}

const CATEGORY = /^([a-z]+(?:-[a-z]+)?)(?:\.([a-z]+(?:-[a-z]+)?))?$/;

/**
 * An arXiv category id in its canonical spelling (`cs.cl` → `cs.CL`, `HEP-TH` → `hep-th`), or
 * undefined when the text cannot be one. Two-letter subject classes are upper case (cs.CL,
 * math.CA, astro-ph.GA, q-bio.NC); longer ones are lower case (physics.optics, cond-mat.mes-hall).
 */
export function normaliseCategory(input: string): string | undefined {
  const match = CATEGORY.exec(input.trim().toLowerCase());
  if (!match) return undefined;
  const [, archive, subject] = match;
  if (subject === undefined) return archive;
  return `${archive}.${subject.length === 2 ? subject.toUpperCase() : subject}`;
}
