/**
 * Short names of venues, from the words of a comment or journal reference that name one:
 * "the 28th European Conference on Artificial Intelligence (ECAI 2025)" → "ECAI 2025".
 */
import { abbreviateVenue, isAbbreviation } from './venue-words';

/** Badges are at most this long; longer names are abbreviated, then cut at a word. */
export const BADGE_MAX = 40;

// A word of a venue's acronym: NeurIPS, CoRL, 3DV, IEA/AIE, LREC-COLING.
const WORD = String.raw`[A-Za-z0-9]+(?:[/&+-][A-Za-z0-9]+)*`;
// A year after an acronym: "ICLR 2026", "AISTATS2025", "MICCAI-2024", "KDD '26", "ICML'24", "AAAI-26",
// "(BIBM 24)"; never the start of a longer number ("TRBAM-26-01711") nor "COVID-19".
const YEAR = String.raw`(?:(?:[\s-]|\s?['’])?((?:19|20)\d\d)|(?:\s?['’]|-(?=[23]\d)|\s(?=\d\d\)))(\d\d))(?!\d|-\d)`;
// Up to two words (ECML PKDD, ACM MM), the last one possibly in brackets: "Representations (ICLR) 2026".
const ACRONYM_YEAR = new RegExp(String.raw`(?<![A-Za-z0-9])((?:${WORD}\s+)?\(?${WORD})\)?${YEAR}`, 'g');
const PAREN_ACRONYM = new RegExp(String.raw`\((${WORD}(?:\s${WORD})?)\)`, 'g');
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s|$)/;
const FIRST_YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/;

/**
 * Two capitals or more, not a number, a unit nor a plural: ICLR, NeurIPS, 3DV, IEA/AIE, but not
 * Nature, 10GB or LLMs ("Workshop on Agents & LLMs 2026").
 */
export function isAcronym(word: string): boolean {
  const capitals = word.match(/[A-Z]/g)?.length ?? 0;
  return capitals >= 2 && /^[A-Za-z]/.test(word.replace(/^\d[A-Z]/, 'X')) && !/^[A-Z]+s$/.test(word);
}

/** Where a venue's acronym and year were found in a text. */
export interface AcronymYear {
  /** "ACRONYM YEAR": "KDD '26" → "KDD 2026"; a second acronym before it is kept ("ECML PKDD 2026"). */
  name: string;
  start: number;
  end: number;
}

/** The first acronym followed by a year in a text, or undefined when there is none. */
export function findAcronymYear(text: string): AcronymYear | undefined {
  for (const match of text.matchAll(ACRONYM_YEAR)) {
    const words = match[1]!.replace('(', '').split(/\s+/);
    // Not a word before the acronym, nor an edition in Roman numerals ("XXII SITRAER 2025").
    while (words.length > 0 && (!isAcronym(words[0]!) || /^[IVXL]+$/.test(words[0]!))) words.shift();
    if (words.length === 0 || !words.every(isAcronym)) continue;
    const start = match.index + match[0].indexOf(words[0]!);
    return { name: `${words.join(' ')} ${match[2] ?? `20${match[3]}`}`, start, end: match.index + match[0].length };
  }
  return undefined;
}

/** The name of the first acronym followed by a year ("ICLR 2026"), or undefined. */
export function acronymYear(text: string): string | undefined {
  return findAcronymYear(text)?.name;
}

/**
 * An acronym in brackets, with the first year of the text when it has one: "2025 IEEE
 * International Conference on Robotics and Automation (ICRA)" → "ICRA 2025".
 */
export function bracketedAcronym(text: string): string | undefined {
  for (const match of text.matchAll(PAREN_ACRONYM)) {
    if (!match[1]!.split(' ').every(isAcronym)) continue;
    const year = FIRST_YEAR.exec(text)?.[1];
    return year ? `${match[1]} ${year}` : match[1];
  }
  return undefined;
}

/**
 * The words that name the venue at the start of a phrase, without what usually follows them
 * (places, dates, volumes, licences): "the 40th Annual AAAI Conference on AI, Philadelphia" →
 * "AAAI Conference on AI". Empty when the phrase does not start with a name.
 */
export function leadingName(phrase: string): string {
  const start = phrase
    .replace(/^[\s:–—"“*_-]+/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/^(?:journal|conference)\s+(?=[A-Z])/, '')
    .replace(/^(?:proc\.|proceedings)\s+(?:(?:of|on)\s+)?(?:the\s+)?/i, '')
    .replace(/^(?:(?:19|20)\d\d,?\s+)?(?:\d+(?:st|nd|rd|th)\s+|(?:annual)\s+)*/i, '')
    .split(
      /\s*[,;([]\s*|\s[–—-]\s|\s+(?:under|as)\s|\s+(?:on|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\s+(?!(?:19|20)\d\d\b)\d/,
    )[0]!;
  const name = firstSentence(start)
    .replace(/[.:]?["”*_]*$/, '') // "Published in *Neural Networks*."
    .trim();
  // Venue names are capitalised; "a journal soon", "July 08" and "publication 27 November" are not one.
  return /^[A-Z0-9]/.test(name) && !MONTH.test(name) ? name : '';
}

/** Text up to the end of its first sentence (a `;`, or a period that ends no abbreviation). */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(/;|(\S*)\.(?=\s|$)/g)) {
    if (match[0] === ';') return text.slice(0, match.index);
    if (!isAbbreviation(match[1]!.replace(/^\W+/, ''))) return text.slice(0, match.index + match[1]!.length);
  }
  return text;
}

/**
 * A badge from a prefix ("Published in"), a name and a suffix (" (oral)"), at most
 * {@link BADGE_MAX} characters: the name abbreviated the ISO 4 way when too long, then cut after a
 * whole word with "…".
 */
export function fitBadge(prefix: string, name: string, suffix = ''): string {
  const join = (text: string) => `${prefix ? `${prefix} ` : ''}${text}`;
  const max = BADGE_MAX - suffix.length;
  const full = join(name);
  if (full.length <= max) return full + suffix;
  const short = join(abbreviateVenue(name));
  if (short.length <= max) return short + suffix;
  const cut = short.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = space > prefix.length ? cut.slice(0, space) : cut.slice(0, max - 1);
  return `${head.replace(/[\s,;:&-]+$/, '')}…${suffix}`;
}
