/**
 * The venue badge an arXiv comment gives, when it says the paper is in: "accepted at/to/by/in …",
 * "to appear in …", "published in …", "appeared in …", "presented at …", "In Proceedings of …",
 * a camera-ready version, or a clause that is only a venue ("ICLR 2026 (oral)", "38th Conference on
 * Neural Information Processing Systems (NeurIPS 2024)"). Never "submitted to …", "under review at
 * …", "if accepted": a paper that is not in yet gets no badge; nor does a venue that is another
 * version's or other papers' ("An earlier version appeared at …", "Accepted papers at … inspired this").
 */
import {
  acronymYear,
  bracketedAcronym,
  findAcronymYear,
  firstSentence,
  fitBadge,
  isAcronym,
  leadingName,
} from './venue-name';

interface Trigger {
  /** The start of a badge that names no acronym and year: "Accepted", "To appear", "Published". */
  verb: string;
  /** Matches up to the venue's first word; group 1 is the preposition when there is one. */
  pattern: RegExp;
}

// What the paper was accepted or published as, or for: "(oral)", "as a full paper", "for publication".
const ROLE = String.raw`(?:\s*\([^)]*\))?(?:\s+(?:as|for)(?:\s+[a-z][a-z-]*)+?)?`;
// "at X", "in: X", " - X"
const TO = String.raw`(?:\s+(at|to|by|in|into|for|on)\s*:?\s+|\s*[:–—]\s*|\s+-\s+)`;

const TRIGGERS: readonly Trigger[] = [
  // Also the misspellings "Accept by", "Acceptted to".
  { verb: 'Accepted', pattern: new RegExp(String.raw`\baccept(?:ed|ted|d)?${ROLE}${TO}`, 'gi') },
  {
    verb: 'To appear',
    pattern: /\b(?:to appear|will appear|appearing|forthcoming|to be published)\s+(in|at|on)\s*:?\s+/gi,
  },
  // Not "code published on GitHub".
  {
    verb: 'Published',
    pattern: new RegExp(
      String.raw`(?<!\b(?:code|data|datasets?|software|models?|weights)\s+)\b(?:published|appeared)${ROLE}${TO}`,
      'gi',
    ),
  },
  { verb: 'Presented', pattern: /\b(?:presented|to be presented)\s+(at|in)\s+/gi },
  { verb: 'Published', pattern: /(?<=^|[.,;]\s*)(?:in\s*)?(?=(?:the\s+)?(?:proc\.|proceedings\s+of)\s)/gi },
];
// "if accepted", "not yet accepted", "submitted to be published": a hope, not a fact.
const CONDITIONAL = /\b(?:if|once|unless|until|when|not(?: yet)?|before|submitted)\s+(?:been\s+|being\s+|to be\s+)?$/i;
// Where a venue phrase stops being about the venue the paper is in.
const NOT_YET = /\b(?:submitted|submission|under review|in review|for review|rejected|pending)\b/i;
// A sentence whose venue is not where this paper is: another version's ("An earlier version appeared
// at …", "Extended version of the paper published in …", "Conference version: …"; not "Accepted at X
// (extended version)"), a review's ("accepted for review", "under review") or other papers' ("Accepted
// papers at X inspired this").
const NOT_THIS_PAPER = new RegExp(
  [
    String.raw`\b(?:earlier|previous|prior|preliminary|extended|short(?:er)?|conference)\s+version\b(?:.*\b(?:accept|appear|publish|present)|\s*:)`,
    String.raw`\baccepted\s+for\s+review\b`,
    String.raw`\bunder\s+review\b`,
    String.raw`\baccepted\s+(?:papers|submissions|works|articles)\b`,
  ].join('|'),
  'i',
);
// A clause that is a venue and year and these words: "ICLR 2026 (oral)", "CVPR 2025 camera ready".
const VENUE_WORDS =
  /^(?:\s|[()[\],.:+&-]|accepted|camera|ready|camera-ready|version|paper|oral|spotlight|highlight|poster|presentation|main|conference|proceedings|track|findings|workshop|long|short|full|final|to appear|in press)*$/i;
// Or the formal name before it: "38th Conference on Neural Information Processing Systems (NeurIPS 2024)".
const VENUE_TITLE =
  /^(?=.*\b(?:Conference|Symposium|Workshop|Meeting|Congress)\b)(?:\s|[(),:&-]|\d+(?:st|nd|rd|th)|(?:19|20)\d\d|[A-Z][\w/'-]*|of|on|and|for|in|the)*$/;

/** The badge a comment gives, or undefined when it does not say the paper was accepted or published. */
export function commentBadge(comment: string): string | undefined {
  const found = TRIGGERS.flatMap((trigger) =>
    [...comment.matchAll(trigger.pattern)].map((match) => ({ trigger, match })),
  ).sort((a, b) => a.match.index - b.match.index);
  for (const { trigger, match } of found) {
    if (CONDITIONAL.test(comment.slice(0, match.index))) continue;
    const phrase = firstSentence(comment.slice(match.index + match[0].length)).split(NOT_YET)[0]!;
    const before = comment.slice(0, match.index);
    const sentence = firstSentence(comment.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('. ')) + 1));
    if (NOT_THIS_PAPER.test(sentence)) continue;
    const badge = phraseBadge(trigger.verb, match, phrase, sentence);
    if (badge) return badge;
  }
  return bareVenue(comment);
}

/**
 * The badge for the venue phrase after a trigger: "Accepted at the 28th European Conference on AI
 * (ECAI 2025)" → "ECAI 2025"; "accepted by TKDE" → "Accepted in TKDE".
 */
function phraseBadge(verb: string, trigger: RegExpMatchArray, phrase: string, sentence: string) {
  // The trigger's words count for the track: "accepted as a findings paper at CVPR 2026".
  const said = trigger[0] + phrase;
  const named = acronymYear(phrase) ?? bracketedAcronym(phrase);
  if (named && /\d/.test(named)) return qualified(named, said, sentence);
  const name = named ?? leadingName(phrase);
  if (!name) return undefined;
  // "to appear in AAAI, 2026"
  const year = /(?<!\d)(?:19|20)\d\d(?!\d)/.exec(phrase)?.[0];
  if (year && name.split(' ').every(isAcronym)) return qualified(`${name} ${year}`, said, sentence);
  // Journals are published "in"; conferences "at", as the author wrote it.
  const journal = /\b(?:journal|transactions|letters|review|magazine|J|Trans|Lett|Rev)\b/i.test(name);
  const at = verb === 'Presented' || (verb !== 'Published' && !journal && /^(?:at|to|on)?$/i.test(trigger[1] ?? ''));
  return fitBadge(`${verb} ${at ? 'at' : 'in'}`, name);
}

/**
 * A venue and year in a clause that is nothing else (see {@link VENUE_WORDS}, {@link VENUE_TITLE}),
 * or anywhere in a sentence that says "accepted" or "camera-ready" but not how.
 */
function bareVenue(comment: string): string | undefined {
  for (const sentence of comment.split(/;|\.\s/)) {
    if (NOT_THIS_PAPER.test(sentence)) continue;
    const accepted = /\b(?:accept(?:ed|ted|d)?|camera[- ]?ready)\b/i.exec(sentence);
    const sure = accepted && !CONDITIONAL.test(sentence.slice(0, accepted.index));
    for (const clause of sentence.split(',')) {
      if (NOT_YET.test(clause)) continue;
      const found = findAcronymYear(clause);
      const rest = found ? clause.slice(0, found.start) + clause.slice(found.end) : '';
      if (found && (sure || VENUE_WORDS.test(rest) || VENUE_TITLE.test(rest))) {
        return qualified(found.name, clause, sentence);
      }
      // "2025 IEEE/ACM International Workshop on Deep Learning for Testing (DeepTest)"
      const bracketed = bracketedAcronym(clause);
      if (bracketed && /\d/.test(bracketed) && VENUE_TITLE.test(clause)) return qualified(bracketed, clause, sentence);
    }
  }
  return undefined;
}

/** The badge for a venue and year, with the track and distinction the text gives. */
function qualified(name: string, phrase: string, sentence: string): string {
  const track = /\bfindings\b/i.test(phrase) ? ' Findings' : /\bworkshops?\b|@/i.test(phrase) ? ' workshop' : '';
  const honour = /\b(oral|spotlight|highlight|best (?:student )?paper)\b/i.exec(sentence)?.[1]?.toLowerCase();
  return fitBadge('', `${name}${track}`, honour ? ` (${honour})` : '');
}
