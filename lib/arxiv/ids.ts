/**
 * arXiv identifiers and the only links the extension ever opens.
 * Links are built from validated ids, never taken from the feed, so a crafted feed cannot
 * make the popup open another site. See https://info.arxiv.org/help/arxiv_identifier.html
 */

// New style: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015 on).
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
// Old style: archive(.SUBJ)/YYMMNNN, e.g. hep-th/9901001, math.CA/0611800.
const OLD_STYLE = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}`;
const ID = `(?:${NEW_STYLE}|${OLD_STYLE})`;

const ID_ONLY = new RegExp(`^${ID}$`);
const ABS_URL = new RegExp(`^https?://(?:export\\.)?arxiv\\.org/abs/(${ID})(?:v(\\d+))?$`);
const DOI = /^10\.\d{4,9}\/[^\s"<>]+$/;

/** True for a bare arXiv id without version. */
export function isArxivId(value: string): boolean {
  return ID_ONLY.test(value);
}

/** Splits an entry id such as `http://arxiv.org/abs/2503.20673v2` into id and version. */
export function parseEntryId(entryId: string): { id: string; version: number } | undefined {
  const match = ABS_URL.exec(entryId.trim());
  const id = match?.[1];
  if (!id) return undefined;
  return { id, version: match[2] ? Number(match[2]) : 1 };
}

/** True when the value looks like a DOI that doi.org can resolve. */
export function isDoi(value: string): boolean {
  return DOI.test(value);
}

/** The abstract page of a paper (latest version). */
export function abstractUrl(id: string): string {
  if (!isArxivId(id)) throw new Error(`Not an arXiv id: ${id}`);
  return `https://arxiv.org/abs/${id}`;
}

/** The PDF of a paper (latest version). */
export function pdfUrl(id: string): string {
  if (!isArxivId(id)) throw new Error(`Not an arXiv id: ${id}`);
  return `https://arxiv.org/pdf/${id}`;
}

/** The doi.org resolver link for a DOI, or undefined when the DOI is not valid. */
export function doiUrl(doi: string): string | undefined {
  if (!isDoi(doi)) return undefined;
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}
