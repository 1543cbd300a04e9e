import { codeLinks, describeCodeLink } from '../arxiv/code-links';
import { abstractUrl, isArxivId } from '../arxiv/ids';
import { venueOf } from '../arxiv/venue';
import type { PaperRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';

/** One keyword's part of the Markdown export, papers in the order they should be listed. */
export interface MarkdownSection {
  keyword: Keyword;
  papers: PaperRecord[];
}

const TABLE_HEADER = ['| **Title** | **Date** | **Abstract** | **Comment** |', '| --- | --- | --- | --- |'];

// Text up to this size stays in the cell; longer text folds into <details> to keep rows short.
const INLINE_MAX_WORDS = 8;
const INLINE_MAX_CHARS = 60;
// The visible part of folded text.
const PREVIEW_WORDS = 6;
const PREVIEW_CHARS = 40;

/**
 * The "Daily Papers" README that the GitHub Actions scripts used to write: a `Last update` line
 * (UTC day of `now`) and, per keyword, a table of title, submission date, abstract and comment.
 * Under a title, the venue and code at a glance: `Venue: ICLR 2026 · Code: [github.com/o/r](…)`.
 *
 * Paper text comes from arXiv and is shown as text, never as markup or table syntax:
 * - `&`, `<`, `>` become HTML entities, because cells hold `<details>` HTML;
 * - `|` becomes `\|` so a cell never splits; `[` and `]` in titles are escaped so the link holds;
 * - line breaks become spaces: arXiv hard-wraps abstracts at about 80 columns, so breaks carry
 *   no meaning and a `<br>` would only reproduce that wrapping;
 * - other backslashes are kept, so TeX such as `$\mathcal{O}(n)$` reaches the reader intact.
 */
export function papersToMarkdown(sections: readonly MarkdownSection[], now: Date): string {
  const parts = [`# Daily Papers\n\nLast update: ${now.toISOString().slice(0, 10)}`];
  for (const { keyword, papers } of sections) {
    parts.push([`## ${headingText(keyword.label)}`, '', ...TABLE_HEADER, ...papers.map(tableRow)].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

function tableRow(paper: PaperRecord): string {
  const glance = glanceLine(paper);
  const title = glance ? `${titleCell(paper)}<br>${glance}` : titleCell(paper);
  const cells = [title, cellText(paper.published.slice(0, 10)), foldable(paper.summary)];
  cells.push(foldable(paper.comment ?? ''));
  return `| ${cells.join(' | ')} |`;
}

/** A bold link to the abstract page, built from the validated id and never from a feed URL. */
function titleCell(paper: PaperRecord): string {
  const title = escapeMarkdown(escapeHtml(collapse(paper.title) || paper.id), /[[\]|]/);
  // A record with a malformed id (never expected) keeps its title rather than failing the export.
  return isArxivId(paper.id) ? `**[${title}](${abstractUrl(paper.id)})**` : `**${title}**`;
}

/**
 * The venue badge and code links of a paper, or '' when it has neither. The links are the
 * validated https ones of codeLinks; their text is escaped like any other (`_` would start emphasis).
 */
function glanceLine(paper: PaperRecord): string {
  const venue = venueOf(paper);
  const links = codeLinks(paper).map((url) => {
    const text = escapeMarkdown(describeCodeLink(url).text, /[_~]/);
    return `[${text}](${url})`;
  });
  const parts = [venue && `Venue: ${cellText(venue)}`, links.length > 0 && `Code: ${links.join(', ')}`];
  return parts.filter(Boolean).join(' · ');
}

/** Short text as is; long text behind a `<details>` whose summary shows its first words. */
function foldable(raw: string): string {
  const text = collapse(raw);
  const words = text.split(' ');
  if (words.length <= INLINE_MAX_WORDS && text.length <= INLINE_MAX_CHARS) return cellText(text);
  return `<details><summary>${cellText(preview(words))}</summary><p>${cellText(text)}</p></details>`;
}

function preview(words: readonly string[]): string {
  let cut = words.slice(0, PREVIEW_WORDS).join(' ');
  const chars = Array.from(cut); // by code point, so no emoji or rare CJK character is split
  if (chars.length > PREVIEW_CHARS) {
    const hard = chars.slice(0, PREVIEW_CHARS).join('');
    // End on a whole word when there is one; text without spaces (Chinese) is cut anywhere.
    cut = hard.includes(' ') ? hard.slice(0, hard.lastIndexOf(' ')) : hard;
  }
  // An unpaired `$` would open TeX math that never closes in the rendered summary.
  const dollars = [...cut.matchAll(/(?<!\\)\$/g)];
  if (dollars.length % 2 === 1) cut = cut.slice(0, dollars.at(-1)?.index).trimEnd();
  // The old scripts' summary word, for text that starts with long math.
  return cut === '' ? 'Show' : `${cut}…`;
}

function cellText(text: string): string {
  return escapeMarkdown(escapeHtml(text), /[|]/);
}

function headingText(label: string): string {
  // A `#` run after a space at the end would be read as the optional closing sequence of the heading.
  return escapeHtml(collapse(label)).replace(/ (#+)$/, ' \\$1');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Puts a backslash before each of the given characters. Backslashes already in front of one are
 * doubled: GFM reads `\\|` as an escaped backslash followed by a cell border, which would split
 * the TeX norm `\|x\|` into cells. See https://github.github.com/gfm/#tables-extension-
 */
function escapeMarkdown(text: string, special: RegExp): string {
  const pattern = new RegExp(String.raw`(\\*)(${special.source})`, 'g');
  return text.replace(pattern, (_, backslashes: string, char: string) => `${backslashes.repeat(2)}\\${char}`);
}
