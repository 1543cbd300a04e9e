/**
 * Words as arXiv's search compares them, approximated locally: case, accents and punctuation do
 * not matter, common English stop words are skipped, and words are reduced to a stem so that
 * `models` meets `model` and `learning` meets `learn`. arXiv's index uses an English analyzer
 * (Porter stemming), which conflates more than this light stemmer; `similarStems` makes up for
 * most of the difference.
 */

// Letters that NFD does not split into a base letter and a mark.
const UNSPLIT: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };

// The stop words of the English analyzer that arXiv's search is built on.
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** Whether a folded word is one of the English stop words that arXiv's search skips. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Lower case without accents: `Schrödinger` → `schrodinger`. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłæœßđıþð]/g, (letter) => UNSPLIT[letter] ?? letter);
}

/** Folded words of a text; possessive `'s` is dropped and any other punctuation separates words. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .replace(/['\u2019]s\b/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * A light stemmer: plural -s/-es/-ies, -ing and -ed, a final -y/-e, and a doubled consonant left
 * by a removed suffix (`modelling` → `model`). Applied to both sides, so only consistency matters.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}i`;
  else if (w.length > 3 && /[^sui]s$/.test(w)) w = w.slice(0, -1);
  const base = w.replace(/(?:ing|ed)$/, '');
  if (base !== w && base.length >= 3 && /[aeiouy]/.test(base)) {
    w = /([^aeiouy])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  w = w.replace(/y$/, 'i');
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stems of a text that a search can match, in order. */
export function searchWords(text: string): string[] {
  return foldedWords(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/**
 * Whether two stems may be the same word to arXiv. Besides equality, a long shared beginning
 * counts (`transform`/`transformer`, `general`/`generation`), which Porter stemming conflates
 * and the light stemmer does not; a false match only costs a misfiled paper, a missed one is lost.
 */
export function similarStems(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  let common = 0;
  while (common < shorter && a[common] === b[common]) common += 1;
  return common >= Math.max(5, shorter - 2);
}
