/**
 * Where a paper was accepted or published, as a short badge ("NeurIPS 2025", "ICLR 2026 (oral)",
 * "To appear in JHEP", "Phys. Rev. B (2006)"): from the journal reference, arXiv's field for the
 * published version, or else from what the comment says (see venue-comment.ts).
 */
import type { ArxivEntry } from './types';
import { commentBadge } from './venue-comment';
import { acronymYear, bracketedAcronym, fitBadge } from './venue-name';

// Links say nothing about the venue and their paths look like acronyms and years.
const LINKS = /\b(?:https?:\/\/|www\.)\S+|\\url\{[^}]*\}/gi;

/** The badge of a paper, or undefined when nothing says it was accepted or published. */
export function venueOf(entry: Pick<ArxivEntry, 'comment' | 'journalRef'>): string | undefined {
  const journalRef = clean(entry.journalRef);
  const comment = clean(entry.comment);
  const fromComment = comment ? commentBadge(comment) : undefined;
  if (!journalRef) return fromComment;
  // The reference is the published version; the comment may name it better ("ISSTA 2022" rather
  // than "ACM SIGSOFT Int. Symp. Softw.… (2022)") when it names the same year.
  const { badge, named, year } = journalBadge(journalRef);
  return !named && year && fromComment?.includes(year) ? fromComment : badge;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(LINKS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A journal reference names where the paper is published: its acronym and year, or the journal
 * without volume and pages ("Phys. Rev. B 74, 024520 (2006)" → "Phys. Rev. B (2006)").
 */
function journalBadge(full: string): { badge: string; named: boolean; year?: string } {
  // Papers published twice list both: "Adv.Theor.Math.Phys.2:231-252,1998; Int.J.Theor.Phys.38:…".
  const ref = full.split(';')[0]!.trim();
  const named = acronymYear(ref) ?? bracketedAcronym(ref);
  if (named && /\d/.test(named)) return { badge: fitBadge('', named), named: true };
  const year = ref.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g)?.at(-1);
  const name = ref
    .replace(/^in\s?(?=[A-Z])/i, '')
    .replace(/^(?:proc\.|proceedings)\s+(?:of\s+)?(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?/i, '')
    .split(/\s*,?\s*(?:\b(?:vol|no|pp|pages?)\b\.?|\d)/i)[0]!
    .trim();
  return { badge: name ? fitBadge('', name, year ? ` (${year})` : '') : fitBadge('', ref), named: false, year };
}
