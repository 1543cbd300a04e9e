import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/arxiv/parse-feed';
import { venueOf } from '../../../lib/arxiv/venue';
import { BADGE_MAX } from '../../../lib/arxiv/venue-name';
import { fixture } from '../fixtures';

// Comments of real arXiv papers (2020–2026), as the API gives them.
const ACCEPTED: ReadonlyArray<[comment: string, badge: string]> = [
  // A venue's acronym and year, however it is written.
  ['Accepted at NeurIPS 2025', 'NeurIPS 2025'],
  ['accepted at ICLR 2026', 'ICLR 2026'],
  ['Accepted to NeurIPS2025', 'NeurIPS 2025'],
  ["Accepted to KDD'24", 'KDD 2024'],
  ["Accepted by WSDM'26", 'WSDM 2026'],
  ["Accepted by IEEE IV'25", 'IEEE IV 2025'],
  ['Accepted at ECML PKDD 2026 (Research Track)', 'ECML PKDD 2026'],
  ['Accepted by ACM MM 2024', 'ACM MM 2024'],
  ['Accepted to IJCNN 2024 (International Joint Conference on Neural Networks)', 'IJCNN 2024'],
  ['Accepted by EMNLP 2024(Main)', 'EMNLP 2024'],
  ['Accepted by the 28th European Conference on Artificial Intelligence (ECAI 2025)', 'ECAI 2025'],
  ['Accepted to International Conference on Learning Representations (ICLR) 2026', 'ICLR 2026'],
  ['Accepted to The Twelfth International Conference on Learning Representations, ICLR 2024', 'ICLR 2024'],
  [
    "12 pages,6 figures, Accepted by ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD '26)",
    'KDD 2026',
  ],
  [
    'Accepted in 38th International Conference on Industrial, Engineering & Other Applications of Applied Intelligent Systems (IEA/AIE 2025), Kitakyushu, Japan, Jul 2025',
    'IEA/AIE 2025',
  ],
  [
    '8 pages, 6 figures, accepted at the 2025 IEEE International Conference on Robotics & Automation (ICRA)',
    'ICRA 2025',
  ],
  [
    'This paper has been accepted as a conference paper at the 2025 IEEE International Geoscience and Remote Sensing Symposium (IGARSS)',
    'IGARSS 2025',
  ],
  [
    'Accepted as a full paper at DASFAA 2026 (The 31st International Conference on Database Systems for Advanced Applications)',
    'DASFAA 2026',
  ],
  ['10 pages main text, 20 pages appendix. Accepted at ICLR 2026', 'ICLR 2026'],
  [
    'This paper has been accepted for NeurIPS 2024. Code and data are available at https://github.com/ameliawong1996/From_News_to_Forecast',
    'NeurIPS 2024',
  ],
  ['Accepted KDD 2026 Research Track Paper', 'KDD 2026'],
  ['6 pages, IJCNN 2026 accepted', 'IJCNN 2026'],
  ['Acceptted to ICDE 2025', 'ICDE 2025'],
  ['8 pages, 8 figures, Accept by RA-L 2025', 'RA-L 2025'],
  // Tracks and distinctions.
  ['Accepted at ICASSP 2026 Oral', 'ICASSP 2026 (oral)'],
  ['Accepted to PAKDD 2025 (Oral Presentation)', 'PAKDD 2025 (oral)'],
  ['8 pages, 6 figures; accepted by AAAI 2026 as an Oral paper', 'AAAI 2026 (oral)'],
  ['Accepted at ICLR 2025 as Spotlight. 18 pages including appendix', 'ICLR 2025 (spotlight)'],
  ['Camera-ready version. Accepted as a findings paper at CVPR 2026. 8 pages, 4 figures', 'CVPR 2026 Findings'],
  [
    'Accepted to ICML 2025 Workshop on Actionable Interpretability. Code is available at https://github.com/AITRICS/DeltaSHAP',
    'ICML 2025 workshop',
  ],
  ['accepted at RLxF @ ICML 2026', 'ICML 2026 workshop'],
  ['Accepted for Oral Presentation at AIM-FM Workshop at NeurIPS 2024', 'NeurIPS 2024 workshop (oral)'],
  [
    'Accepted at 5th Workshop on Graphs and more Complex Structures For Learning and Reasoning (GCLR), The 40th AAAI Conference on Artificial Intelligence (AAAI-26)',
    'AAAI 2026 workshop',
  ],
  [
    'Published at the sixth Conference on Health, Inference, and Learning (CHIL 2025), PMLR 287:502-526, 2025. Models & Methods Track - Best Paper Award. https://proceedings.mlr.press/v287/oh25a.html',
    'CHIL 2025',
  ],
  // Only a venue: in the comment of an accepted paper, never of a submitted one.
  ['ICML 2026 Camera Ready', 'ICML 2026'],
  ['12 pages, 8 tables, 2 figures, CVPR 2025 Camera Ready paper', 'CVPR 2025'],
  ['NeurIPS 2023 Camera-ready version fix typos in appendix', 'NeurIPS 2023'],
  ['ICLR2025 Spotlight https://agenttrek.github.io', 'ICLR 2025 (spotlight)'],
  ['28 pages, 4 figures, ICML 2026', 'ICML 2026'],
  ['ACL 2025 (Findings)', 'ACL 2025 Findings'],
  ['AISTATS 2025 (Oral)', 'AISTATS 2025 (oral)'],
  ["AISTATS'25", 'AISTATS 2025'],
  ['ACM MM2024 Oral', 'ACM MM 2024 (oral)'],
  ['NeurIPS 2025 (to appear), 32 pages, 9 figures', 'NeurIPS 2025'],
  ['38th Conference on Neural Information Processing Systems (NeurIPS 2024)', 'NeurIPS 2024'],
  [
    '8 pages, 2 figures, 4 tables. International Conference on Neuromorphic Systems (ICONS) 2024, Accepted',
    'ICONS 2024',
  ],
  ['MICCAI 2025 (early accept, top 9%)', 'MICCAI 2025'],
  // Appeared, published, presented, proceedings.
  ['16 pages. Appeared in KDD 2024', 'KDD 2024'],
  ['Published as a conference paper at NeurIPS 2024', 'NeurIPS 2024'],
  ['8 pages,2 figures,published to AAAI 2025', 'AAAI 2025'],
  [
    'Presented at the GPU-Accelerated and Scalable Optimization (ScaleOpt) Workshop, NeurIPS 2025',
    'NeurIPS 2025 workshop',
  ],
  [
    '13 pages, 6 figures, In Proceedings of the 31st ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA) 2022',
    'ISSTA 2022',
  ],
  [
    'To appear in Proceedings of the 32nd ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD 2026)',
    'KDD 2026',
  ],
  ['10 pages, 3 figures, 1 table, 3 algorithms. To appear at IJCNN 2026', 'IJCNN 2026'],
  ["31 pages. Preprint, to appear in KDD'26", 'KDD 2026'],
  [
    '16 pages, 8 figures. This is the preprint version of the paper and supplemental material to appear in AAAI, 2026. Please cite the final published version.',
    'AAAI 2026',
  ],
  // No acronym and year: the venue's name, with what the comment says of it.
  ['18 pages, 14 figures, published in Physical Review D', 'Published in Physical Review D'],
  ['to appear in IEEE Wireless Communications Letters', 'To appear in IEEE Wireless Commun. Lett.'],
  ['64 pages, 8 figures; to be published in Statistica Sinica', 'To appear in Statistica Sinica'],
  ['14 pages, accepted by TKDE', 'Accepted in TKDE'],
  ['53 pages. Accepted to JMLR', 'Accepted at JMLR'],
  ['Accepted in Transactions on Machine Learning Research', 'Accepted in Trans. Mach. Learn. Res.'],
  ['32 pages. Published in Transactions on Machine Learning Research', 'Published in Trans. Mach. Learn. Res.'],
  [
    '17 pages, 10 figures, accepted for publication in IEEE Transactions on Intelligent Transportation Systems',
    'Accepted in IEEE Trans. Intell. Transp.…',
  ],
  [
    'Accepted in IEEE Transactions on Intelligent Transportation Systems (T-ITS); 11 pages, 6 figures, 4 tables',
    'Accepted in T-ITS',
  ],
  [
    '25 pages, 20 figures, 7 tables; accepted for publication in the Journal of Bridge Engineering',
    'Accepted in J. Bridge Eng.',
  ],
  [
    'Published in: IEEE Internet of Things Journal ( Volume: 11, Issue: 10, 15 May 2024)',
    'Published in IEEE Internet Things J.',
  ],
  [
    'This is the author-accepted manuscript of a paper published in Automated Software Engineering Journal',
    'Published in Automated Softw. Eng. J.',
  ],
  ['Accepted to Robotics: Science and Systems 2026', 'Accepted at Robotics: Sci. Syst. 2026'],
  ['Published in "Medical Image Analysis"', 'Published in Medical Image Analysis'],
  [
    '6 pages, 4 figures, to be presented at the 5th International Conference on Electrical, Communication and Computer Engineering (ICECCE)',
    'Presented at ICECCE',
  ],
  ['Accepted by Bioinformatics on July 11th', 'Accepted in Bioinformatics'],
  // Other versions and papers named after this paper's own acceptance.
  ['Accepted at NeurIPS 2024 (extended version with appendix)', 'NeurIPS 2024'],
  ['Journal version accepted at TPAMI; the conference version appeared at CVPR 2023', 'Accepted at TPAMI'],
  ['Accepted paper at ICML 2025', 'ICML 2025'],
];

const NOT_YET: readonly string[] = [
  'Submitted to ICML 2025',
  '10 pages, 6 figures, submitted to NeurIPS 2024',
  '11 pages, 5 figures, submitted to ICML 2024 AI4Science workshop',
  '10 pages, 5 figures. Submitted to MICCAI 2025 (under review)',
  'Under review',
  'Currently under review at AAAI 2026',
  'This work has been submitted to the IEEE for possible publication',
  '12 pages, 4 figures. This work has been submitted to the IEEE for possible publication',
  'This work has been submitted to the IEEE Globecom 2026 for review',
  '8 pages, submitted to be published at the 27th IEEE International Conference on Intelligent Transportation Systems, September 24 - 27, 2024, Edmonton, Canada',
  'Submitted to IAAI-26',
  '10 pages, 5 figures',
  '62 pages including 16 figures and 9 tables. Submitted to Acta Astronomica.',
  'Accepted manuscript',
  '42 pages, 7 figures; author accepted manuscript',
  'Published version',
  '8 pages, 3 figures. Published version',
  'Technical Report',
  'GUI testing, Functional testing, Model-based, Mobile, Systematic literature review',
  'Microcontroller, FPGA, Testing, TMR, SOC',
  '4th Conference on Causal Learning and Reasoning. Code published in python package "UUMCdata" (https://pypi.org/project/UUMCdata/)',
  'The definitive Version of Record will be published in a journal soon',
  // Made up to show the rule: a condition, a disease, a model name, a plural acronym.
  'Will be released if accepted at ICLR 2026',
  'Not accepted at NeurIPS 2025; extended version',
  'Impact of COVID-19 on transport, 12 pages',
  'ResNet50 and VGG16 baselines',
  'Agents and LLMs 2026',
  // The venue of an earlier or shorter version, of other papers, or of a review: not this paper's.
  'An earlier version appeared at the NeurIPS 2023 workshop on Mathematical Reasoning and AI',
  'Extended version of the paper published in ICSE 2024',
  '12 pages. A preliminary version of this work was presented at the ICML 2023 Workshop on Structured Probabilistic Inference',
  'Journal extension; the conference version of this paper appeared in KDD 2022',
  'A short version of this paper was accepted at the ICLR 2024 Tiny Papers track',
  '14 pages, 5 figures. Previous version published at ECCV 2022',
  'Journal extension of our conference paper. Conference version: ICSE 2024',
  'Preprint under review. Accepted papers at NeurIPS 2024 inspired this.',
  'We study the accepted papers of ICLR 2024 and NeurIPS 2023',
  'Accepted for review at TMLR',
  'Extends our work accepted at ICLR 2024, currently under review',
];

describe('venueOf: comments', () => {
  it.each(ACCEPTED)('%s → %s', (comment, badge) => {
    expect(venueOf({ comment })).toBe(badge);
  });

  it.each(NOT_YET)('no badge for %s', (comment) => {
    expect(venueOf({ comment })).toBeUndefined();
  });

  it('keeps every badge short', () => {
    for (const [comment] of ACCEPTED) expect(venueOf({ comment })!.length).toBeLessThanOrEqual(BADGE_MAX);
    const long =
      'Accepted for publication in the International Journal of Very Long and Winding Conference Names in Applied Everything';
    const badge = venueOf({ comment: long })!;
    expect(badge.length).toBeLessThanOrEqual(BADGE_MAX);
    expect(badge).toMatch(/^Accepted in Int\. J\. [^…]*[a-z.]…$/);
  });
});

describe('venueOf: journal references', () => {
  it.each([
    ['Phys. Rev. B 74, 024520 (2006)', 'Phys. Rev. B (2006)'],
    ['J. Chem. Phys. 115, 1626 (2001)', 'J. Chem. Phys. (2001)'],
    ['Annals Phys. 321 (2006) 2-111', 'Annals Phys. (2006)'],
    ['ActaAstron.56:1-50,2006', 'ActaAstron. (2006)'],
    ['Adv.Theor.Math.Phys.2:231-252,1998; Int.J.Theor.Phys.38:1113-1133,1999', 'Adv.Theor.Math.Phys. (1998)'],
    [
      'In Proc. ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA 2020), pages 14-26. ACM, 2020',
      'ISSTA 2020',
    ],
    [
      'International Journal of Software Engineering &amp; Applications (IJSEA), Vol.3, No.1, January 2012'.replace(
        '&amp;',
        '&',
      ),
      'IJSEA 2012',
    ],
    [
      '2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)',
      'ICSTW 2023',
    ],
  ])('%s → %s', (journalRef, badge) => {
    expect(venueOf({ journalRef })).toBe(badge);
  });

  it('says published even when the comment said submitted', () => {
    const entry = { comment: 'Submitted to Acta Astronomica.', journalRef: 'ActaAstron.56:1-50,2006' };
    expect(venueOf(entry)).toBe('ActaAstron. (2006)');
  });

  it("takes the comment's acronym when the reference spells the same venue out", () => {
    const journalRef =
      'InProceedings of the 31st ACM SIGSOFT International Symposium on Software Testing and Analysis 2022 Jul 18 (pp. 289-301)';
    expect(venueOf({ journalRef })).toBe('ACM SIGSOFT Int. Symp. Softw.… (2022)');
    const comment =
      '13 pages, 6 figures, In Proceedings of the 31st ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA) 2022';
    expect(venueOf({ journalRef, comment })).toBe('ISSTA 2022');
    expect(venueOf({ journalRef, comment: 'Accepted at ICSE 2021' })).toBe('ACM SIGSOFT Int. Symp. Softw.… (2022)');
  });
});

describe('venueOf on recorded arXiv answers', () => {
  it('badges the published and accepted papers of a feed, and only those', () => {
    const result = parseFeed(fixture('current-query-testing-10.xml'));
    if (!result.ok) throw new Error(result.error.message);
    const badges = Object.fromEntries(result.feed.entries.map((entry) => [entry.id, venueOf(entry)]));
    expect(badges).toEqual({
      '2202.12139': 'ICSTW 2022',
      '2405.13786': 'ICSTW 2023',
      '2005.14124': 'ISSTA 2020',
      '2204.08348': 'ISSTA 2022',
      '2302.03287': 'ICSTW 2023',
      '1202.4527': 'IJSEA 2012',
      '2503.05378': undefined,
      '1205.1866': undefined,
      '2502.07719': 'DeepTest 2025 workshop',
      '1812.11470': undefined,
    });
  });
});
