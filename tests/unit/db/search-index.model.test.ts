import fc from 'fast-check';
import { assertModel, histories, modelSettings } from '../../support/model-run';
import { describe, expect, it } from 'vitest';
import { foldedWords, isStopWord } from '../../../lib/arxiv/search-words';
import type { ArxivEntry } from '../../../lib/arxiv/types';
import { storeRevisions } from '../../../lib/check/revisions';
import { newCycle } from '../../../lib/check/queue';
import type { AppDB } from '../../../lib/db/app-db';
import { clearDatabase } from '../../../lib/db/clear';
import { removeKeywordData, setSaved, storeMatches } from '../../../lib/db/papers';
import { pruneKeyword } from '../../../lib/db/retention';
import type { PaperRecord, SearchTermRecord } from '../../../lib/db/schema';
import { buildSearchTerms, newestKey, searchDoc, searchTables } from '../../../lib/db/search-index';
import { searchPaperIds } from '../../../lib/db/search-query';
import { restorePaperState } from '../../../lib/db/backup-papers';
import { entry, freshDb } from '../helpers';

/**
 * The search index under random histories of every write that adds, changes or deletes papers.
 * After each step the stored index must equal one rebuilt from the papers table, and searches
 * must return exactly what a plain scan of the papers (written out below) returns, in its order.
 * `MODEL_RUNS` and `MODEL_SEED` override the number of histories and the seed.
 */
const settings = modelSettings(200, 300_000);

const IDS = ['2611.00001', '2611.00002', '2611.10500', '0704.0001', 'hep-th/9901001', 'math.CA/0611800'];
const KEYWORDS = ['k1', 'k2', 'k3'];
const VOCABULARY = ['Graph', 'graphs', 'Schrödinger', 'schrodinger', 'Über', 'naïve', 'the', 'in', 'of', 'model'];
const MORE = ['x', 'modelling', 'lattice', 'Łukasz', 'random', 'walks', '12', '2611', 'hep', 'th', 'informed'];
const text = fc.array(fc.constantFrom(...VOCABULARY, ...MORE), { maxLength: 5 }).map((w) => w.join(' '));

const paper: fc.Arbitrary<ArxivEntry> = fc
  .record({
    id: fc.constantFrom(...IDS),
    version: fc.integer({ min: 1, max: 3 }),
    title: text,
    summary: text,
    names: fc.array(text, { minLength: 1, maxLength: 2 }),
    comment: fc.option(text, { nil: undefined }),
  })
  .map(({ names, ...rest }) => entry(rest.id, { ...rest, authors: names.map((name) => ({ name, affiliations: [] })) }));

/** A search: a few words of the vocabulary (or of an id), the last one perhaps cut short. */
const query = fc
  .tuple(fc.array(fc.constantFrom(...VOCABULARY, ...MORE, ...IDS), { minLength: 1, maxLength: 2 }), fc.nat(6))
  .map(([words, cut]) => {
    const last = words.at(-1)!;
    return [...words.slice(0, -1), last.slice(0, Math.max(1, last.length - cut))].join(' ').toUpperCase();
  });

/** What a search should return, found by reading every paper's text. */
function scan(papers: readonly PaperRecord[], search: string): string[] {
  const all = foldedWords(search);
  const words = [...new Set(all.filter((w, i) => i === all.length - 1 || !isStopWord(w)))];
  const fields = (p: PaperRecord) =>
    [
      [3, p.title],
      [2, [...p.authors.map((a) => a.name), p.id, p.comment ?? ''].join(' ')],
      [1, p.summary],
    ] as const;
  const weight = (p: PaperRecord, w: string) =>
    Math.max(
      0,
      ...fields(p).map(([v, t]) =>
        foldedWords(t).some((x) => !isStopWord(x) && (w.length > 1 ? x.startsWith(w) : x === w)) ? v : 0,
      ),
    );
  const df = words.map((w) => papers.filter((p) => weight(p, w) > 0).length);
  const scored = papers
    .filter((p) => words.every((w) => weight(p, w) > 0))
    .map((p) => ({
      id: p.id,
      score: words.reduce((sum, w, i) => sum + weight(p, w) * Math.log(1 + papers.length / df[i]!), 0),
    }));
  scored.sort((a, b) => b.score - a.score || (newestKey(b.id) > newestKey(a.id) ? 1 : -1));
  return scored.map((s) => s.id);
}

async function expectConsistent(db: AppDB, searches: readonly string[]): Promise<void> {
  const papers = await db.papers.toArray();
  const docs = papers.map(searchDoc);
  expect(await db.searchDocs.toArray()).toEqual(docs);
  // The order of a word's postings depends on the history; what they hold must not.
  const sorted = (rows: readonly SearchTermRecord[]) =>
    rows.map((r) => [r.key, r.postings.split(' ').sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  expect(sorted(await db.searchTerms.toArray())).toEqual(sorted(buildSearchTerms(docs)));
  for (const search of searches) expect(await searchPaperIds(db, search), search).toEqual(scan(papers, search));
}

type Real = { db: AppDB; now: number };
type Cmd = fc.AsyncCommand<object, Real>;

function command(name: string, effect: (real: Real) => Promise<unknown>, searches: readonly string[]): Cmd {
  return {
    check: () => true,
    async run(_model, real) {
      real.now += 1;
      await effect(real);
      await expectConsistent(real.db, searches);
    },
    toString: () => `${name} / ${searches.join(' | ')}`,
  };
}

const keyword = fc.constantFrom(...KEYWORDS);
const searches = fc.array(query, { minLength: 1, maxLength: 3 });
const commands = [
  fc
    .tuple(keyword, fc.array(paper, { maxLength: 4 }), searches)
    .map(([k, ps, s]) =>
      command(
        `store ${k} ${ps.map((p) => `${p.id}v${p.version}`).join(',')}`,
        (r) => storeMatches(r.db, k, ps, r.now),
        s,
      ),
    ),
  fc.tuple(fc.array(paper, { minLength: 1, maxLength: 3 }), searches).map(([ps, s]) =>
    command(
      `revise ${ps.map((p) => `${p.id}v${p.version}`).join(',')}`,
      ({ db, now }) =>
        db.transaction('rw', [db.papers, db.meta, ...searchTables(db)], () =>
          storeRevisions(
            { db, now },
            newCycle('all', 0, [], now),
            { key: 'revisions:x', kind: 'revisions', keywordIds: [], queries: {}, paperIds: ps.map((p) => p.id) },
            {
              entries: new Map(),
              unclaimed: [],
              heard: [],
              loose: new Map(),
              revisions: ps,
              totals: new Map(),
              fetchedAt: now,
              requests: 0,
              bytes: 0,
            },
          ),
        ),
      s,
    ),
  ),
  fc.tuple(fc.array(paper, { maxLength: 3 }), fc.boolean(), searches).map(([ps, saved, s]) =>
    command(
      `import ${ps.map((p) => p.id).join(',')}`,
      (r) =>
        restorePaperState(
          r.db,
          ps.map((p) => ({ ...p, firstSeenAt: r.now, read: saved ? 0 : 1, saved: saved ? 1 : 0 })),
        ),
      s,
    ),
  ),
  fc
    .tuple(fc.constantFrom(...IDS), fc.boolean(), searches)
    .map(([id, on, s]) => command(`save ${id} ${on}`, (r) => setSaved(r.db, id, on, r.now), s)),
  fc
    .tuple(keyword, fc.nat(3), searches)
    .map(([k, keep, s]) => command(`prune ${k} to ${keep}`, (r) => pruneKeyword(r.db, k, keep), s)),
  fc.tuple(keyword, searches).map(([k, s]) => command(`remove ${k}`, (r) => removeKeywordData(r.db, k), s)),
  searches.map((s) => command('clear', (r) => clearDatabase(r.db), s)),
];

describe('the search index under random histories', () => {
  it(
    `always equals a rebuilt index and answers like a scan, ${settings.runs} histories (seed ${settings.seed})`,
    async () => {
      await assertModel(
        fc.asyncProperty(histories(commands, settings, { maxCommands: 25 }), async (cmds) => {
          const real: Real = { db: freshDb(), now: 1 };
          try {
            await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
          } finally {
            real.db.close();
          }
        }),
        settings,
      );
    },
    settings.timeoutMs,
  );
});
