/**
 * English stop words for the ranking: the Glasgow list that scikit-learn ships as `english` (about 300
 * words, https://github.com/scikit-learn/scikit-learn/blob/main/sklearn/feature_extraction/_stop_words.py),
 * which is fuller than the few words arXiv's own search skips (`isStopWord` in lib/arxiv).
 *
 * Changed from that list, on purpose:
 * - kept as content words, because they name things in papers (the Glasgow list was made for
 *   general prose, and scikit-learn's docs warn about it): amount, bill, bottom, call, cry, describe,
 *   detail, empty, fire, front, full, interest, mill, move, name, part, side, system, thick, thin, top;
 * - left out the entries that folded words can never equal (`couldn't`, `hasn't`, `no one`: the
 *   apostrophe and the space split them) and the one-letter words (dropped anyway).
 */
const WORDS = `about above across after afterwards again against all almost alone along already also although
  always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be
  became because become becomes becoming been before beforehand behind being below beside besides between
  beyond both but by can cannot cant co con could de do done down due during each eg eight either eleven else
  elsewhere enough etc even ever every everyone everything everywhere except few fifteen fifty fill find first
  five for former formerly forty found four from further get give go had has have he hence her here hereafter
  hereby herein hereupon hers herself him himself his how however hundred ie if in inc indeed into is it its
  itself keep last latter latterly least less ltd made many may me meanwhile might mine more moreover most
  mostly much must my myself namely neither never nevertheless next nine no nobody none nor not nothing now
  nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per
  perhaps please put rather re same see seem seemed seeming seems serious several she should show since
  sincere six sixty so some somehow someone something sometime sometimes somewhere still such take ten than
  that the their them themselves then thence there thereafter thereby therefore therein thereupon these they
  third this those though three through throughout thru thus to together too toward towards twelve twenty two
  un under until up upon us very via was we well were what whatever when whence whenever where whereafter
  whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will
  with within without would yet you your yours yourself yourselves`;

const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Whether a folded word carries no topic for the ranking (`the`, `however`, `we`). */
export function isRankingStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
