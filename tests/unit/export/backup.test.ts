import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup } from '../../../lib/export/backup';
import { keyword, oldPaper, paper, texPaper, twinPaper } from './sample-papers';

const now = new Date('2026-11-22T08:00:00Z');
const settings = { schedule: { mode: 'follow-arxiv' }, notifications: true, papersPerKeyword: 100, theme: 'dark' };
const keywords = [
  keyword('Reward Model'),
  keyword('Raw', { id: 'kw-raw', terms: [], rawQuery: 'cat:cs.CL AND ti:"reward"', field: 'all' }),
];
const papers = [texPaper, oldPaper, twinPaper];

/** A valid backup as parsed JSON, with one part changed. */
function backupWith(change: (data: Record<string, unknown>) => void): string {
  const data = JSON.parse(createBackup({ keywords, settings, papers, now })) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data);
}

/** The keywords or papers of parsed backup data, as plain objects open to any edit. */
function list(data: Record<string, unknown>, name: 'keywords' | 'papers'): Array<Record<string, unknown>> {
  return data[name] as Array<Record<string, unknown>>;
}

describe('createBackup and parseBackup', () => {
  it('give back exactly what was backed up', () => {
    const text = createBackup({ keywords, settings, papers, now });
    expect(parseBackup(text)).toEqual({
      ok: true,
      backup: {
        format: 'daily-papers-backup',
        version: 1,
        exportedAt: '2026-11-22T08:00:00.000Z',
        keywords,
        settings,
        papers,
      },
    });
  });

  it('writes a readable file that names its format and version first', () => {
    const text = createBackup({ keywords: [], settings: {}, papers: [], now });
    expect(text.startsWith('{\n  "format": "daily-papers-backup",\n  "version": 1,\n')).toBe(true);
  });

  it('writes each paper on a line of its own', () => {
    const lines = createBackup({ keywords, settings, papers, now }).split('\n');
    const first = lines.indexOf('  "papers": [');
    expect(lines.slice(first + 1, first + 1 + papers.length).map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual(
      papers,
    );
    expect(lines.slice(first + 1 + papers.length)).toEqual(['  ]', '}', '']);
  });

  it('ignores fields it does not know', () => {
    const result = parseBackup(backupWith((data) => (list(data, 'papers')[0]!.colour = 'red')));
    expect(result.ok && result.backup.papers[0]).toEqual(texPaper);
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(parseBackup(`\uFEFF${createBackup({ keywords, settings, papers, now })}`).ok).toBe(true);
  });

  it('keeps a hidden paper’s label and leaves out what the ranking derives', () => {
    const hidden = paper('2511.00009', { read: 1, readAt: 5, hiddenAt: 6, score: 0.8, scoreWhy: ['graphs'] });
    const text = createBackup({ keywords, settings, papers: [hidden], now });
    expect(text).not.toMatch(/score/);
    const result = parseBackup(text);
    expect(result.ok && result.backup.papers).toEqual([paper('2511.00009', { read: 1, readAt: 5, hiddenAt: 6 })]);
    // The record handed in is not changed.
    expect(hidden.score).toBe(0.8);
  });
});

describe('parseBackup rejects with a message saying what is wrong', () => {
  it.each([
    [
      'invalid JSON',
      '{"format": "daily-papers-backup",',
      'This file is not valid JSON, so it is not a Daily Papers backup.',
    ],
    ['an empty object', '{}', 'This is not a Daily Papers backup (no "format": "daily-papers-backup" field).'],
    ['a JSON list', '[1, 2]', 'This is not a Daily Papers backup (no "format": "daily-papers-backup" field).'],
    [
      'a package.json',
      JSON.stringify({ name: 'daily-papers', version: '0.1.0', dependencies: { zod: '4.6.7' } }),
      'This is not a Daily Papers backup (no "format": "daily-papers-backup" field).',
    ],
    [
      "another extension's export",
      JSON.stringify({ format: 'zotero-connector-backup', version: 1 }),
      'This is not a Daily Papers backup (its "format" is "zotero-connector-backup", not "daily-papers-backup").',
    ],
    [
      'version 99',
      backupWith((data) => (data.version = 99)),
      'This backup comes from a newer version of Daily Papers (backup version 99). Update the extension, then import it again.',
    ],
    ['no version', backupWith((data) => delete data.version), 'This backup has no valid "version" number.'],
    ['no keyword list', backupWith((data) => delete data.keywords), 'The backup has no "keywords".'],
    ['papers not a list', backupWith((data) => (data.papers = {})), 'The backup has a "papers" that is not a list.'],
    [
      'a keyword with empty terms',
      backupWith((data) => (list(data, 'keywords')[0]!.terms = [])),
      'Keyword 1 has no search terms.',
    ],
    [
      'a keyword with a blank term',
      backupWith((data) => (list(data, 'keywords')[1]!.terms = [{ text: ' ', mode: 'phrase' }])),
      'Keyword 2 has an empty search term.',
    ],
    [
      'a keyword without label',
      backupWith((data) => delete list(data, 'keywords')[1]!.label),
      'Keyword 2 has no "label".',
    ],
    [
      'an unknown match field',
      backupWith((data) => (list(data, 'keywords')[0]!.field = 'body')),
      'Keyword 1 has an invalid "field" "body" (expected one of "title-abstract", "title", "abstract", "all", "author").',
    ],
    [
      'a keyword that is not an object',
      backupWith((data) => ((data.keywords as unknown[])[1] = 'reward model')),
      'Keyword 2 is not an object.',
    ],
    [
      'two keywords with one id',
      backupWith((data) => (list(data, 'keywords')[1]!.id = list(data, 'keywords')[0]!.id)),
      'Keyword 2 has the same id as keyword 1.',
    ],
    [
      'a paper with id "abc"',
      backupWith((data) => (list(data, 'papers')[2]!.id = 'abc')),
      'Paper 3 has an invalid arXiv id "abc".',
    ],
    [
      'a paper with a bad date',
      backupWith((data) => (list(data, 'papers')[0]!.published = 'yesterday')),
      'Paper 1 has an invalid date "yesterday".',
    ],
    [
      'a paper with a read flag of 2',
      backupWith((data) => (list(data, 'papers')[1]!.read = 2)),
      'Paper 2 has an invalid "read" 2 (expected one of 0, 1).',
    ],
    [
      'an author without name',
      backupWith((data) => (list(data, 'papers')[0]!.authors = [{ affiliations: [] }])),
      'Paper 1 has no "authors[0].name".',
    ],
  ])('%s', (_, text, message) => {
    expect(parseBackup(text)).toEqual({ ok: false, message });
  });

  it('reports the first wrong paper among many', () => {
    const many = Array.from({ length: 6 }, (_, i) => paper(`2511.0000${i}`));
    const text = createBackup({ keywords, settings, papers: many, now }).replace('"2511.00004"', '"abc"');
    expect(parseBackup(text)).toEqual({ ok: false, message: 'Paper 5 has an invalid arXiv id "abc".' });
  });
});
