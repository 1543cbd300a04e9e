/**
 * Words of venue names and their ISO 4 abbreviations (the List of Title Word Abbreviations, as in
 * "IEEE Trans. Intell. Transp. Syst."), used to fit a long name on a badge, and the abbreviations
 * after which a period does not end a sentence ("Accepted in Phys. Rev. D"). Only the words that
 * come up in arXiv comments and journal references: https://www.issn.org/services/online-services/access-to-the-ltwa/
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  advanced: 'Adv.',
  advances: 'Adv.',
  american: 'Am.',
  annual: 'Annu.',
  applications: 'Appl.',
  applied: 'Appl.',
  artificial: 'Artif.',
  association: 'Assoc.',
  astronomy: 'Astron.',
  astrophysics: 'Astrophys.',
  automation: 'Autom.',
  biomedical: 'Biomed.',
  communications: 'Commun.',
  computational: 'Comput.',
  computer: 'Comput.',
  computing: 'Comput.',
  conference: 'Conf.',
  discovery: 'Discov.',
  engineering: 'Eng.',
  european: 'Eur.',
  information: 'Inf.',
  intelligence: 'Intell.',
  intelligent: 'Intell.',
  international: 'Int.',
  journal: 'J.',
  knowledge: 'Knowl.',
  language: 'Lang.',
  learning: 'Learn.',
  letters: 'Lett.',
  linguistics: 'Linguist.',
  machine: 'Mach.',
  mathematical: 'Math.',
  mathematics: 'Math.',
  medical: 'Med.',
  mining: 'Min.',
  monthly: 'Mon.',
  networks: 'Netw.',
  notices: 'Not.',
  physical: 'Phys.',
  physics: 'Phys.',
  proceedings: 'Proc.',
  processing: 'Process.',
  recognition: 'Recognit.',
  research: 'Res.',
  review: 'Rev.',
  robotics: 'Robot.',
  royal: 'R.',
  science: 'Sci.',
  sciences: 'Sci.',
  society: 'Soc.',
  software: 'Softw.',
  statistics: 'Stat.',
  symposium: 'Symp.',
  systems: 'Syst.',
  technology: 'Technol.',
  transactions: 'Trans.',
  transportation: 'Transp.',
};
// ISO 4 drops articles, conjunctions and prepositions from abbreviated titles.
const DROPPED = new Set(['and', 'of', 'on', 'the', 'for', 'in', 'with']);

// Abbreviations common in journal names beyond those above (Phys. Rev. Lett., Astrophys. J.).
const MORE_ABBREVIATIONS = 'Acad Chem Class Cosmol Grav Jpn Mol Natl Nucl Opt Vol No'.split(' ');
const SHORT_FORMS = new Set([...Object.values(ABBREVIATIONS).map((word) => word.slice(0, -1)), ...MORE_ABBREVIATIONS]);

/** True when a word written before a period is an abbreviation, so the period ends no sentence. */
export function isAbbreviation(word: string): boolean {
  return /^[A-Z]$/.test(word) || SHORT_FORMS.has(word);
}

/** A venue name with its title words abbreviated the ISO 4 way: "Trans. Mach. Learn. Res.". */
export function abbreviateVenue(name: string): string {
  const words = name.split(' ');
  const kept = words.filter((word, i) => i === 0 || !DROPPED.has(word.toLowerCase()));
  return kept.map((word) => ABBREVIATIONS[word.toLowerCase()] ?? word).join(' ');
}
