import { describe, expect, it } from 'vitest';
import { buildKeywordQuery, validateRawQuery, type KeywordQueryInput } from '../../../lib/arxiv/keyword-query';
import type { KeywordTerm, MatchField } from '../../../lib/keywords/keyword';

function keyword(text: string, more: Partial<KeywordQueryInput> = {}, mode: KeywordTerm['mode'] = 'phrase') {
  return { terms: [{ text, mode }], field: 'title-abstract' as MatchField, categories: [], exclude: [], ...more };
}
const inTitle = (text: string, mode: KeywordTerm['mode'] = 'phrase') => keyword(text, { field: 'title' }, mode);

describe('buildKeywordQuery', () => {
  const built: [string, KeywordQueryInput, string][] = [
    [
      'hyphen becomes a space',
      keyword('self-supervised learning'),
      '(ti:"self supervised learning" OR abs:"self supervised learning")',
    ],
    ['unicode dashes too', inTitle('state\u2013space models'), 'ti:"state space models"'],
    ['quotes the user typed', keyword('“diffusion models”'), '(ti:"diffusion models" OR abs:"diffusion models")'],
    ['straight quotes the user typed', inTitle('"reward model"'), 'ti:"reward model"'],
    ['scare quotes inside', inTitle(`the "attention" 'trick'`), 'ti:"the attention trick"'],
    ['parentheses', inTitle('large language models (LLMs)'), 'ti:"large language models LLMs"'],
    ['a colon that is not a field', inTitle('BERT: pre-training'), 'ti:"BERT pre training"'],
    ['operators stay literal in a phrase', inTitle('graph AND tree OR ANDNOT'), 'ti:"graph and tree or andnot"'],
    ['accents are kept', inTitle('Schrödinger  equation'), 'ti:"Schrödinger equation"'],
    ['emoji inside text are dropped', inTitle('rocket 🚀 science'), 'ti:"rocket science"'],
    ['emoji with variation selectors too', inTitle('love ❤️science 1️⃣'), 'ti:"love science 1"'],
    ['decimals survive', inTitle('GPT-3.5'), 'ti:"GPT 3.5"'],
    ['abstract field', keyword('reward model', { field: 'abstract' }), 'abs:"reward model"'],
    ['all fields', keyword('reward model', { field: 'all' }), 'all:"reward model"'],
    ['author', keyword('Geoffrey Hinton', { field: 'author' }), 'au:"Geoffrey Hinton"'],
    ['author with underscore', keyword('del_maestro', { field: 'author' }), 'au:"del maestro"'],
    ['author surname first', keyword('Hinton, G.', { field: 'author' }), 'au:"Hinton, G"'],
    ['loose words in the title', inTitle('graph  neural', 'words'), '(ti:graph AND ti:neural)'],
    [
      'loose words in title or abstract',
      keyword('graph-neural', {}, 'words'),
      '((ti:graph OR abs:graph) AND (ti:neural OR abs:neural))',
    ],
    ['one loose word', keyword('transformers', {}, 'words'), '(ti:transformers OR abs:transformers)'],
    ['a loose word with a dot is quoted', inTitle('GPT 3.5', 'words'), '(ti:GPT AND ti:"3.5")'],
    [
      'several terms are ORed',
      {
        ...inTitle('x'),
        terms: [
          { text: 'reward model', mode: 'phrase' },
          { text: ' ', mode: 'phrase' },
          { text: 'RLHF', mode: 'phrase' },
        ],
      },
      '(ti:"reward model" OR ti:"RLHF")',
    ],
    [
      'categories, case normalised',
      { ...inTitle('diffusion'), categories: ['cs.cv', 'HEP-TH', 'cond-mat.Mes-Hall'] },
      'ti:"diffusion" AND (cat:cs.CV OR cat:hep-th OR cat:cond-mat.mes-hall)',
    ],
    ['one category', { ...inTitle('diffusion'), categories: ['astro-ph.GA'] }, 'ti:"diffusion" AND cat:astro-ph.GA'],
    [
      'exclusions in the same field',
      { ...keyword('graph'), exclude: ['survey', '', 'a review'] },
      '(ti:"graph" OR abs:"graph") ANDNOT (ti:"survey" OR abs:"survey" OR ti:"a review" OR abs:"a review")',
    ],
    [
      'everything together',
      { ...inTitle('LLM'), categories: ['cs.CL'], exclude: ['medical'] },
      'ti:"LLM" AND cat:cs.CL ANDNOT ti:"medical"',
    ],
    [
      'a raw query replaces the fields',
      { ...inTitle('ignored'), rawQuery: ' ti:a  AND cat:cs.CL ' },
      'ti:a AND cat:cs.CL',
    ],
  ];
  it.each(built)('%s', (_name, input, query) => {
    expect(buildKeywordQuery(input)).toEqual({ ok: true, query });
  });

  const long = 'a'.repeat(500);
  const rejected: [string, KeywordQueryInput, string][] = [
    [
      'a field prefix',
      inTitle('ti:diffusion'),
      'Remove the colon from "ti:diffusion": use the "Where to match" setting instead.',
    ],
    ['emoji only', inTitle('🚀'), '"🚀" has no letters or digits to search for.'],
    ['symbols only', inTitle('+++ ###'), '"+++ ###" has no letters or digits to search for.'],
    ['punctuation only', inTitle('?!'), '"?!" has no letters or digits to search for.'],
    [
      'a wildcard',
      inTitle('transform*'),
      'Remove the "*" from "transform*": arXiv has no documented wildcards (it already matches plurals).',
    ],
    [
      'a boolean expression',
      inTitle('(graph OR tree)'),
      '"(graph OR tree)" looks like a search expression: add each alternative as its own term.',
    ],
    [
      'an operator among loose words',
      inTitle('graph OR tree', 'words'),
      'Remove "OR" from "graph OR tree": loose words are all required already; add alternatives as separate terms.',
    ],
    [
      'a lower-case operator among loose words',
      inTitle('graph and tree', 'words'),
      'Remove "and" from "graph and tree": loose words are all required already; add alternatives as separate terms.',
    ],
    [
      'quotes among loose words',
      inTitle('"graph neural" nets', 'words'),
      'Quotes ask for a phrase: switch "graph neural" nets to phrase mode, or remove the quotes.',
    ],
    [
      'two quoted phrases in one term',
      inTitle('"graph" "tree"'),
      'Split "graph" "tree" into one term per quoted phrase.',
    ],
    ['500 characters', inTitle(long), `Keep each term under 200 characters ("${'a'.repeat(39)}…" has 500).`],
    ['blank', inTitle('   '), 'Add at least one term to search for.'],
    ['no terms at all', { ...inTitle('x'), terms: [] }, 'Add at least one term to search for.'],
    [
      'a bad category',
      { ...inTitle('x'), categories: ['cs,CL'] },
      '"cs,CL" is not an arXiv category: write it like cs.CL, math.CA or hep-th.',
    ],
    [
      'a category with a space',
      { ...inTitle('x'), categories: ['cs CL'] },
      '"cs CL" is not an arXiv category: write it like cs.CL, math.CA or hep-th.',
    ],
    ['an exclusion of emoji', { ...inTitle('x'), exclude: ['🙈'] }, '"🙈" has no letters or digits to search for.'],
    [
      'a query too long',
      {
        ...inTitle('x'),
        terms: Array.from({ length: 8 }, (_, i) => ({ text: `${i}${'b'.repeat(150)}`, mode: 'phrase' as const })),
      },
      'This keyword makes a search of 1278 characters; keep it under 1000 by removing terms, categories or exclusions.',
    ],
    [
      'a bad raw query',
      { ...inTitle('x'), rawQuery: 'ti:a AND' },
      'The query ends with "AND": add a term after it or remove it.',
    ],
  ];
  it.each(rejected)('rejects %s', (_name, input, message) => {
    expect(buildKeywordQuery(input)).toEqual({ ok: false, message });
  });

  it('is encoded as arXiv documents it', () => {
    const built = buildKeywordQuery(keyword('self-supervised learning'));
    if (!built.ok) throw new Error(built.message);
    expect(new URLSearchParams({ search_query: built.query }).toString()).toBe(
      'search_query=%28ti%3A%22self+supervised+learning%22+OR+abs%3A%22self+supervised+learning%22%29',
    );
  });
});

describe('validateRawQuery', () => {
  const valid: [string, string][] = [
    ['ti:graph AND (abs:"neural network" OR cat:cs.LG)', 'ti:graph AND (abs:"neural network" OR cat:cs.LG)'],
    ['  au:del_maestro\n ANDNOT  ti:checkerboard ', 'au:del_maestro ANDNOT ti:checkerboard'],
    [
      'cat:hep-th AND submittedDate:[202501010000 TO 202501312359]',
      'cat:hep-th AND submittedDate:[202501010000 TO 202501312359]',
    ],
    [
      '((ti:a OR ti:b) AND lastUpdatedDate:[202501010000 TO 202501010000])',
      '((ti:a OR ti:b) AND lastUpdatedDate:[202501010000 TO 202501010000])',
    ],
  ];
  it.each(valid)('accepts %s', (raw, query) => {
    expect(validateRawQuery(raw)).toEqual({ ok: true, query });
  });

  const invalid: [string, string][] = [
    ['(ti:a OR ti:b', 'Unclosed "(" at position 1.'],
    ['ti:a OR ti:b)', 'Unmatched ")" at position 13.'],
    ['ti:"graph neural', 'Unclosed quote at position 4.'],
    ['"graph neural"', 'Put a field before the phrase at position 1, e.g. all:"graph neural".'],
    [
      'foo:bar',
      'Unknown field "foo:" at position 1: use ti, au, abs, co, jr, cat, rn, all, id, submittedDate or lastUpdatedDate.',
    ],
    [
      'ti:(a b)',
      'Write ti:a AND ti:b instead of ti:(…) at position 1: arXiv no longer accepts a field before parentheses.',
    ],
    ['ti:a AND', 'The query ends with "AND": add a term after it or remove it.'],
    ['()', 'Empty parentheses at position 1.'],
    ['ti:a AND ()', 'Empty parentheses at position 10.'],
    ['AND ti:a', 'The query cannot start with "AND".'],
    ['ti:a AND OR ti:b', 'Two operators in a row at position 6: "AND OR".'],
    ['ti:a (OR ti:b)', 'Missing AND, OR or ANDNOT before "(" at position 6.'],
    ['ti:a AND (OR ti:b)', '"OR" at position 11 has nothing before it.'],
    ['ti:a ti:b', 'Missing AND, OR or ANDNOT before "ti:b" at position 6.'],
    ['graph', '"graph" at position 1 has no field: write all:graph or ti:graph.'],
    ['ti:a and ti:b', 'Write the operator "and" at position 6 in capitals: AND.'],
    ['ti:a NOT ti:b', '"NOT" at position 6 is not an arXiv operator: use ANDNOT.'],
    [
      'ti:self-supervised',
      '"self-supervised" at position 4 has a hyphen, which arXiv reads as NOT: write ti:"self supervised".',
    ],
    ['ti:tran*', 'Remove "*" from "tran*" at position 4: arXiv does not document it.'],
    ['ti:', '"ti:" at position 1 has nothing to search for.'],
    ['ti:""', 'Empty phrase at position 4.'],
    ['ti:a"b"', 'Unexpected quote at position 5: put a space before it.'],
    ['cat:cs,CL', '"cs,CL" at position 5 is not an arXiv category: write it like cs.CL, math.CA or hep-th.'],
    [
      'submittedDate:[2025 TO 2026]',
      'Write the date range at position 1 as submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM], e.g. submittedDate:[202501010000 TO 202501312359].',
    ],
    ['submittedDate:[202601010000 TO 202501312359]', 'The date range at position 1 ends before it starts.'],
    ['   ', 'Type a search query.'],
  ];
  it.each(invalid)('rejects %s', (raw, message) => {
    expect(validateRawQuery(raw)).toEqual({ ok: false, message });
  });

  it('rejects a query over 1000 characters', () => {
    expect(validateRawQuery(`ti:${'a'.repeat(1000)}`)).toEqual({
      ok: false,
      message: 'Keep the query under 1000 characters (it has 1003).',
    });
  });
});
