import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import { deleteOrphans } from '../../../lib/db/retention';
import { removeKeywordData, storeMatches } from '../../../lib/db/papers';
import { searchDoc } from '../../../lib/db/search-index';
import { blockOf, newestKey, rowKey } from '../../../lib/db/search-index';
import { searchPaperIds, searchWordsOf } from '../../../lib/db/search-query';
import { restorePaperState } from '../../../lib/db/backup-papers';
import { entry, freshDb } from '../helpers';

async function library(db: AppDB) {
  await storeMatches(
    db,
    'k1',
    [
      entry('2611.00001', { title: 'Spectral graph sparsification', summary: 'We sparsify graphs.' }),
      entry('2611.00002', {
        title: 'Waves',
        summary: 'An equation.',
        authors: [{ name: 'Erwin Schrödinger', affiliations: [] }],
      }),
      entry('2611.00003', { title: 'Walks', summary: 'We bound the mixing time of random walks.' }),
      entry('hep-th/9901001', { title: 'Strings', summary: 'Old paper.', comment: '12 pages, Nucl. Phys. B' }),
    ],
    1,
  );
}

describe('the search index', () => {
  it('finds words by their beginning, in any order, needing every word', async () => {
    const db = freshDb();
    await library(db);
    expect(await searchPaperIds(db, 'SPARSIF')).toEqual(['2611.00001']);
    expect(await searchPaperIds(db, 'walks random')).toEqual(['2611.00003']);
    expect(await searchPaperIds(db, 'rand wal')).toEqual(['2611.00003']);
    expect(await searchPaperIds(db, 'walks random nowhere')).toEqual([]);
    // A word inside another word is not a match: search is by words, not substrings.
    expect(await searchPaperIds(db, 'parsification')).toEqual([]);
    // One character is a whole word (`x`), not the beginning of every word in `x…`.
    expect(await searchPaperIds(db, 's')).toEqual([]);
    expect(await searchPaperIds(db, 'sp')).toEqual(['2611.00001']);
  });

  it('ignores accents and case, in the text and in the search', async () => {
    const db = freshDb();
    await library(db);
    expect(await searchPaperIds(db, 'schrodinger')).toEqual(['2611.00002']);
    expect(await searchPaperIds(db, 'SCHRÖDINGER')).toEqual(['2611.00002']);
    expect(await searchPaperIds(db, 'erwin schr')).toEqual(['2611.00002']);
  });

  it('finds old- and new-style ids and words of the comment', async () => {
    const db = freshDb();
    await library(db);
    expect(await searchPaperIds(db, '2611.00003')).toEqual(['2611.00003']);
    expect(await searchPaperIds(db, 'hep-th/9901001')).toEqual(['hep-th/9901001']);
    expect(await searchPaperIds(db, 'hep-th/9901')).toEqual(['hep-th/9901001']);
    expect(await searchPaperIds(db, 'nucl phys')).toEqual(['hep-th/9901001']);
  });

  it('skips stop words, except the word being typed, which may begin a longer one', () => {
    expect(searchWordsOf('The mixing of random walks')).toEqual(['mixing', 'random', 'walks']);
    expect(searchWordsOf('mixing in')).toEqual(['mixing', 'in']);
    expect(searchWordsOf('walks  walks')).toEqual(['walks']);
    expect(searchWordsOf(' .,; ')).toEqual([]);
    expect(searchDoc(entry('2611.00001', { title: 'The graph of a graph', summary: 'A graph is here.' }))).toEqual({
      id: '2611.00001',
      title: ['graph'],
      meta: ['ada', 'lovelace', '2611', '00001'],
      body: ['here'],
    });
  });

  it('ranks a title hit above an author hit above an abstract hit, then the newest first', async () => {
    const db = freshDb();
    await storeMatches(
      db,
      'k1',
      [
        entry('2611.00010', { title: 'Something', summary: 'About lattices.' }),
        entry('2611.00011', { title: 'Lattices', summary: 'Something.' }),
        entry('2611.00012', { title: 'Else', authors: [{ name: 'Ann Lattice', affiliations: [] }] }),
        entry('2611.00013', { title: 'Lattice models', summary: 'Something.' }),
        entry('math/0601001', { title: 'Lattice sums', summary: 'Old.' }),
        entry('0704.0001', { title: 'Lattice gauge', summary: 'Older.' }),
      ],
      1,
    );
    expect(await searchPaperIds(db, 'lattice')).toEqual([
      '2611.00013',
      '2611.00011',
      '0704.0001',
      'math/0601001',
      '2611.00012',
      '2611.00010',
    ]);
    // A word's postings are kept in blocks of ten thousand consecutive ids.
    expect(
      ['2611.01234', '2611.11234', '0704.0001', 'hep-th/9901001'].map((id) => rowKey('graph', blockOf(id))),
    ).toEqual(['graph 202611.0', 'graph 202611.1', 'graph 200704.0', 'graph 199901.0']);
  });

  it('weighs a rare word more than a common one', async () => {
    const db = freshDb();
    const common = Array.from({ length: 5 }, (_, i) => entry(`2611.0010${i}`, { title: `Graph ${i}` }));
    await storeMatches(
      db,
      'k1',
      [
        ...common,
        entry('2611.00201', { title: 'Graph', summary: 'A quasar.' }),
        entry('2611.00200', { title: 'Quasar', summary: 'A graph.' }),
      ],
      1,
    );
    // Both have both words; the older one has the rare word in its title, which counts more.
    expect(await searchPaperIds(db, 'graph quasar')).toEqual(['2611.00200', '2611.00201']);
    expect(await searchPaperIds(db, 'quasar graph')).toEqual(['2611.00200', '2611.00201']);
  });

  it('orders ids by submission, old style included', () => {
    const ids = ['2611.00002', 'hep-th/9901001', '0704.0001', 'math.CA/0611800', '2611.00010', '1501.00001'];
    expect([...ids].sort((a, b) => (newestKey(a) < newestKey(b) ? -1 : 1))).toEqual([
      'hep-th/9901001',
      'math.CA/0611800',
      '0704.0001',
      '1501.00001',
      '2611.00002',
      '2611.00010',
    ]);
    // A word's postings are kept in blocks of ten thousand consecutive ids.
    expect(
      ['2611.01234', '2611.11234', '0704.0001', 'hep-th/9901001'].map((id) => rowKey('graph', blockOf(id))),
    ).toEqual(['graph 202611.0', 'graph 202611.1', 'graph 200704.0', 'graph 199901.0']);
  });

  it('follows revisions, deletions, removed keywords and imported papers', async () => {
    const db = freshDb();
    await library(db);
    await storeMatches(db, 'k1', [entry('2611.00003', { version: 2, title: 'Walks', summary: 'Cover times.' })], 2);
    expect(await searchPaperIds(db, 'mixing')).toEqual([]);
    expect(await searchPaperIds(db, 'cover')).toEqual(['2611.00003']);
    await db.matches.delete(['k1', '2611.00001']);
    await deleteOrphans(db, ['2611.00001']);
    expect(await searchPaperIds(db, 'sparsification')).toEqual([]);
    const imported = {
      ...entry('2611.00099', { title: 'Imported quasars' }),
      firstSeenAt: 1,
      read: 1 as const,
      saved: 0 as const,
    };
    await restorePaperState(db, [imported]);
    expect(await searchPaperIds(db, 'quasars')).toEqual(['2611.00099']);
    await removeKeywordData(db, 'k1');
    expect(await searchPaperIds(db, 'walks')).toEqual([]);
    expect(await db.searchDocs.toCollection().primaryKeys()).toEqual(['2611.00099']);
  });
});
