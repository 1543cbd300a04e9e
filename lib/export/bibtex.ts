import { codeLinks } from '../arxiv/code-links';
import { abstractUrl, isArxivId, isDoi } from '../arxiv/ids';
import { venueOf } from '../arxiv/venue';
import type { PaperRecord } from '../db/schema';
import { asciiWords } from './ascii';
import { texValue } from './tex-escape';

// Words skipped when a title's first word goes into a citation key, as Google Scholar does.
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'at', 'by', 'with', 'from']);
// "Jr." and the like follow the family name; they are not it.
const NAME_SUFFIX = /,?\s+(?:jr|sr|ii|iii|iv)\.?$/i;
// Used when the first author's name has no ASCII letters (e.g. 李飞飞): keys must stay ASCII for classic BibTeX.
const FALLBACK_NAME = 'arxiv';

/**
 * The usual citation key: first author's family name, year, first significant title word,
 * ASCII-folded, e.g. `bubeck2023sparks` for "Sparks of Artificial General Intelligence".
 */
export function citationKey(paper: PaperRecord): string {
  const name = familyName(paper.authors[0]?.name ?? '') || FALLBACK_NAME;
  const year = /^\d{4}/.exec(paper.published)?.[0] ?? '';
  return `${name}${year}${titleWord(paper.title)}`;
}

/**
 * One `@misc` entry in the form arXiv's own "Export BibTeX citation" gives, plus the DOI when known
 * and a `note` with the venue and code ("ICLR 2026. Code: \url{https://github.com/o/r}").
 * The title is double-braced so bibliography styles keep its capitals (acronyms, model names).
 */
export function paperToBibtex(paper: PaperRecord, key: string = citationKey(paper)): string {
  const validId = isArxivId(paper.id);
  const primary = paper.primaryCategory ?? paper.categories[0];
  const fields: Array<[string, string | undefined]> = [
    ['title', `{${texValue(paper.title)}}`],
    ['author', paper.authors.map((author) => authorName(author.name)).join(' and ') || undefined],
    ['year', /^\d{4}/.exec(paper.published)?.[0]],
    ['eprint', validId ? paper.id : texValue(paper.id)],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', primary === undefined ? undefined : texValue(primary)],
    ['url', validId ? abstractUrl(paper.id) : undefined],
    // Styles print doi verbatim, so it is not escaped; only a well-formed one without braces is kept.
    ['doi', paper.doi !== undefined && isDoi(paper.doi) && !/[{}]/.test(paper.doi) ? paper.doi : undefined],
    ['note', note(paper)],
  ];
  const lines = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}}`]));
  return `@misc{${key},\n${lines.join(',\n')}\n}`;
}

/**
 * A `.bib` file of the papers, in order. Keys are unique within the file: a key already used
 * gets a letter (`bubeck2023sparksa`, `…b`), the way BibTeX users disambiguate by hand.
 */
export function papersToBibtex(papers: readonly PaperRecord[]): string {
  const used = new Set<string>();
  const entries = papers.map((paper) => {
    const base = citationKey(paper);
    let key = base;
    for (let n = 1; used.has(key); n++) key = base + letters(n);
    used.add(key);
    return paperToBibtex(paper, key);
  });
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}

/**
 * The venue and the paper's own code (its first link), or undefined. The link goes in `\url`
 * verbatim: codeLinks keeps only letters, digits and `/ . _ ~ + -`, none of which breaks it.
 */
function note(paper: PaperRecord): string | undefined {
  const venue = venueOf(paper);
  const code = codeLinks(paper)[0];
  const link = code && `Code: \\url{${code}}`;
  if (!venue) return link;
  // "Published in IEEE Trans. Robot." already ends its sentence.
  return link ? `${texValue(venue)}${venue.endsWith('.') ? '' : '.'} ${link}` : texValue(venue);
}

function familyName(fullName: string): string {
  const name = fullName.trim().replace(NAME_SUFFIX, '');
  // arXiv writes "First Last"; some sources write "Last, First".
  const family = name.includes(',') ? name.split(',')[0] : name.split(/\s+/).at(-1);
  return asciiWords(family ?? '').join('');
}

function titleWord(title: string): string {
  // Math and TeX commands make poor key words ("mathcal").
  const words = asciiWords(title.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' '));
  return words.find((word) => !STOP_WORDS.has(word)) ?? '';
}

function authorName(name: string): string {
  const value = texValue(name);
  // BibTeX splits the author list on " and "; a name containing the word must be braced whole.
  return /\sand\s/i.test(name) ? `{${value}}` : value;
}

/** 1 → a, 26 → z, 27 → aa. */
function letters(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    rest--;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}
