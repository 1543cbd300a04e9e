import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../lib/arxiv/parse-feed';
import type { ArxivEntry } from '../../lib/arxiv/types';
import type { Label } from '../../lib/ranking/ranker';
import { seededRandom } from './model-run';

/**
 * A labelled library for judging the "For you" ranking offline, built from real arXiv text.
 *
 * How it is built, honestly: the project holds only 13 recorded arXiv entries (tests/fixtures/arxiv),
 * so papers are recombined from them. They are grouped into five sub-topics (testing of ML models,
 * of web APIs, of GUIs and mobile apps, of cyber-physical systems and hardware; condensed matter and
 * astrophysics). A paper of a sub-topic gets:
 * - a title: one of the sub-topic's phrases (written for this corpus) and a run of up to 9 words of
 *   one of its real titles;
 * - an abstract of 5–9 real sentences, each from the sub-topic's abstracts with probability 0.3 and
 *   from any recorded abstract otherwise, with one word in four swapped for an "own" word; two
 *   topic phrases (from any sub-topic three times in ten); and a sentence of 15–30 own words.
 *   Own words are the recorded abstracts' words and a long tail of made-up ones, drawn with
 *   log-uniform ranks (Zipf's law). Without them, recombined sentences repeat: 5,000 papers would
 *   have 10,000 distinct terms where real abstracts have hundreds of thousands, which would flatter
 *   the timings;
 * - 1–6 real authors, from the sub-topic's papers with probability 0.7.
 * Lengths match the recorded papers' (about 1,300 characters of abstract, 3.5 authors). Publication
 * times are random, so newest-first order knows nothing of topics. The user saves papers of "web
 * API testing" and marks papers of its close neighbour "GUI testing" as not interested; the ground
 * truth is the sub-topic.
 *
 * What it measures is that the pipeline learns a topic from a few marks against near neighbours
 * sharing words ("testing", "test cases"); real libraries are noisier, and numbers on it say nothing
 * about how much users will like the ranking.
 */

// Vitest's DOM environment gives import.meta.url a web address; it defines __dirname instead.
const HERE = import.meta.url.startsWith('file:') ? dirname(fileURLToPath(import.meta.url)) : __dirname;

const FIXTURES = [
  'current-query-testing-10.xml',
  'current-id-oldstyle-astro-ph-0601001.xml',
  'legacy-2016-id-v2-doi.xml',
  'legacy-2016-query-au-ti.xml',
];

interface Topic {
  name: string;
  share: number;
  sources: string[];
  phrases: string[];
}

export const LIKED_TOPIC = 'web API testing';
export const DISLIKED_TOPIC = 'GUI testing';

const TOPICS: Topic[] = [
  {
    name: 'ML model testing',
    share: 0.25,
    sources: ['2202.12139', '2405.13786'],
    phrases: ['neural coverage', 'mutation score', 'adversarial example', 'metamorphic relation', 'image classifier'],
  },
  {
    name: LIKED_TOPIC,
    share: 0.15,
    sources: ['2204.08348', '2503.05378', '2302.03287'],
    phrases: ['REST API', 'HTTP request', 'OpenAPI specification', 'status code', 'microservice endpoint'],
  },
  {
    name: DISLIKED_TOPIC,
    share: 0.2,
    sources: ['1202.4527', '1812.11470'],
    phrases: ['GUI widget', 'Android activity', 'event sequence', 'screen transition', 'touch gesture'],
  },
  {
    name: 'cyber-physical testing',
    share: 0.25,
    sources: ['2005.14124', '2502.07719', '1205.1866'],
    phrases: ['water treatment testbed', 'programmable logic controller', 'lane keeping', 'scan chain'],
  },
  {
    name: 'physics',
    share: 0.15,
    sources: ['1111.2011', 'cond-mat/0603029', 'astro-ph/0601001'],
    phrases: ['quantum critical point', 'charge density wave', 'transit survey', 'quenched disorder'],
  },
];

const CONNECTORS = ['We focus on %.', 'Our study concerns %.', 'Experiments consider %.', 'This matters for %.'];
const STOP = ['the', 'of', 'and', 'in', 'a', 'to', 'we', 'is', 'for', 'on', 'with', 'that', 'by', 'this'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'so', 'vi', 'de', 'po', 'ar', 'en', 'is', 'ul', 'om'];

/** The 13 recorded entries, parsed by the project's own parser. */
export function recordedRankingEntries(): ArxivEntry[] {
  return FIXTURES.flatMap((name) => {
    const body = readFileSync(join(HERE, '..', 'fixtures', 'arxiv', name), 'utf8');
    const result = parseFeed(body);
    if (!result.ok) throw new Error(`ranking corpus: ${name} does not parse`);
    return result.feed.entries;
  });
}

/** A generated paper with its sub-topic (the ground truth) and its time (for newest-first order). */
export interface CorpusPaper extends ArxivEntry {
  topic: string;
}

export interface RankingCorpus {
  papers: CorpusPaper[];
  labels: Map<string, Label>;
}

/** `count` papers, `saved` of the liked sub-topic saved and `rejected` of its neighbour marked. */
export function rankingCorpus(count: number, saved = 20, rejected = 20, seed = 7): RankingCorpus {
  const random = seededRandom(seed);
  // Times come from a generator of their own, so that nothing ties them to the topics.
  const clock = seededRandom(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const entries = recordedRankingEntries();
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const sentences = (entry: ArxivEntry) => entry.summary.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
  const allSentences = entries.flatMap(sentences);
  const allAuthors = entries.flatMap((entry) => entry.authors);
  const start = Date.parse('2026-11-17T12:00:00Z');
  // Own words: the real words first, then a long tail of made-up ones, drawn with log-uniform
  // ranks (word k about as often as 1/k), as in tests/bench/search-library.ts.
  const realWords = [...new Set(entries.flatMap((entry) => entry.summary.split(/[^A-Za-z]+/)).filter(Boolean))];
  const vocabulary = realWords.concat(
    Array.from({ length: 30_000 }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''),
    ),
  );
  const zipfWord = () => vocabulary[Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1]!;
  const ownWord = () => (random() < 0.3 ? pick(STOP) : zipfWord());
  const reworded = (sentence: string) =>
    sentence
      .split(' ')
      .map((word) => (random() < 0.25 ? zipfWord() : word))
      .join(' ');

  const paper = (n: number, topic: Topic): CorpusPaper => {
    const own = topic.sources.map((id) => byId.get(id)!);
    const ownSentences = own.flatMap(sentences);
    const ownAuthors = own.flatMap((entry) => entry.authors);
    const titleWords = pick(own).title.split(' ');
    const from = Math.floor(random() * Math.max(1, titleWords.length - 3));
    const title = `${pick(topic.phrases)}: ${titleWords.slice(from, from + 5 + Math.floor(random() * 5)).join(' ')}`;
    const body = Array.from({ length: 5 + Math.floor(random() * 5) }, () =>
      reworded(pick(random() < 0.3 ? ownSentences : allSentences)),
    );
    body.push(`${Array.from({ length: 15 + Math.floor(random() * 16) }, ownWord).join(' ')}.`);
    for (let k = 0; k < 2; k++) {
      const phrase = random() < 0.7 ? pick(topic.phrases) : pick(pick(TOPICS).phrases);
      body.splice(Math.floor(random() * (body.length + 1)), 0, pick(CONNECTORS).replace('%', phrase));
    }
    const authors = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
      pick(random() < 0.7 ? ownAuthors : allAuthors),
    );
    const published = new Date(start - Math.floor(clock() * 60 * 86_400_000)).toISOString();
    return {
      ...own[0]!,
      id: `2611.${String(n).padStart(5, '0')}`,
      title,
      summary: body.join(' '),
      authors: [...new Set(authors)],
      published,
      updated: published,
      topic: topic.name,
    };
  };

  const papers = Array.from({ length: count }, (_, n) => {
    let r = random();
    const topic = TOPICS.find((t) => (r -= t.share) < 0) ?? TOPICS.at(-1)!;
    return paper(n, topic);
  });
  const labels = new Map<string, Label>();
  const mark = (topic: string, how: Label, many: number) =>
    papers
      .filter((p) => p.topic === topic && random() < 0.5)
      .slice(0, many)
      .forEach((p) => labels.set(p.id, how));
  mark(LIKED_TOPIC, 1, saved);
  mark(DISLIKED_TOPIC, -1, rejected);
  return { papers, labels };
}
