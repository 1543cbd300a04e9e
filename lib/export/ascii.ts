/** Letters that Unicode decomposition leaves whole, with their usual ASCII spelling. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The lower-case ASCII words of a text, accents removed: "Sébastien Ødegård" → ["sebastien", "odegard"].
 * Letters of other scripts (李飞飞) have no ASCII form and are dropped, so the result may be empty.
 * Used where only ASCII is safe: citation keys (classic BibTeX) and file names.
 */
export function asciiWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => UNDECOMPOSED[c] ?? '');
  return folded.split(/[^a-z0-9]+/).filter((word) => word !== '');
}
