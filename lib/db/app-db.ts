import { Dexie, type Table } from 'dexie';
import type {
  AnnouncedRecord,
  CheckLogRecord,
  CounterRecord,
  CycleRecord,
  KeywordStateRecord,
  KnownRecord,
  LookupRecord,
  MatchRecord,
  MetaRecord,
  ReadMemoryRecord,
  NotificationTargetRecord,
  PaperRecord,
  SearchDocRecord,
  SearchTermRecord,
  SeenRecord,
} from './schema';
import { rebuildSearchIndex } from './search-index';
import { keywordUnread, SAVED, UNREAD } from './read-state';

export const DB_NAME = 'daily-papers';

/** The extension's IndexedDB database. Every schema change adds a version here (never edit one). */
export class AppDB extends Dexie {
  papers!: Table<PaperRecord, string>;
  matches!: Table<MatchRecord, [string, string]>;
  keywordStates!: Table<KeywordStateRecord, string>;
  known!: Table<KnownRecord, [string, string]>;
  announced!: Table<AnnouncedRecord, string>;
  lookups!: Table<LookupRecord, string>;
  meta!: Table<MetaRecord, string>;
  readMemory!: Table<ReadMemoryRecord, string>;
  cycles!: Table<CycleRecord, string>;
  checkLog!: Table<CheckLogRecord, number>;
  notificationTargets!: Table<NotificationTargetRecord, string>;
  searchDocs!: Table<SearchDocRecord, string>;
  searchTerms!: Table<SearchTermRecord, string>;
  counters!: Table<CounterRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      papers: 'id, read, saved',
      matches: '[keywordId+paperId], paperId, [keywordId+published]',
      keywordStates: 'keywordId',
    });
    // Version 2: retention needs a memory of ids ever seen; resumable checks, a check log and
    // notification targets are stored here too. Existing papers are all "seen".
    this.version(2)
      .stores({
        matches: '[keywordId+paperId], paperId, [keywordId+listedAt]',
        seen: 'id',
        cycles: 'key',
        checkLog: '++id, startedAt',
        notificationTargets: 'notificationId, createdAt',
      })
      .upgrade(async (tx) => {
        await tx
          .table<MatchRecord, [string, string]>('matches')
          .toCollection()
          .modify((m) => {
            m.listedAt = m.published;
          });
        const papers = await tx.table<PaperRecord, string>('papers').toArray();
        await tx
          .table<SeenRecord, string>('seen')
          .bulkPut(papers.map((p) => ({ id: p.id, firstSeenAt: p.firstSeenAt })));
      });
    // Version 3: news is decided per keyword. `known` remembers what each keyword's search has
    // returned (pruned papers included), `announced` what was ever announced; `lookups` holds
    // papers waiting for arXiv to say which keyword they belong to; `meta` keeps the queue of
    // requested checks and the data epoch; `readMemory` the read state of deleted papers. Every matched paper is known to its keyword; every
    // paper version 2 had seen is treated as announced, so that none is ever announced again.
    this.version(3)
      .stores({
        known: '[keywordId+paperId], [keywordId+published], paperId',
        announced: 'id',
        lookups: 'paperId',
        meta: 'key',
        readMemory: 'id',
      })
      .upgrade(async (tx) => {
        const matches = await tx.table<MatchRecord, [string, string]>('matches').toArray();
        await tx
          .table<KnownRecord, [string, string]>('known')
          .bulkPut(matches.map((m) => ({ keywordId: m.keywordId, paperId: m.paperId, published: m.published })));
        const seen = await tx.table<SeenRecord, string>('seen').toArray();
        await tx
          .table<AnnouncedRecord, string>('announced')
          .bulkPut(seen.map((s) => ({ id: s.id, cycleId: 'before-version-3', at: s.firstSeenAt })));
        // An interrupted check of version 2 has another shape: drop it, the next check starts anew.
        await tx.table('cycles').clear();
      });
    // Version 4: `seen` was read by version 3's upgrade; a table is dropped one version later
    // (Dexie reads a table in an upgrade only while a later version deletes it).
    this.version(4).stores({ seen: null });
    // Version 5: lists and unread counts are read from indexes, never from every id. Each match
    // carries a copy of its paper's read flag (see read-state.ts): a keyword's unread count is an
    // index count, its list two short index reads. "All new" and "Saved" are read by submission
    // date ([read+published], [saved+published]; ties by id, the primary key), which orders
    // old-style ids (hep-th/9901001) among new ones. [saved+id] lets the look-up of saved
    // papers' new versions read just the next batch of ids. `counters` holds the unread and
    // saved counts, kept with every change (counting an index range is slow in Chromium).
    this.version(5)
      .stores({
        papers: 'id, read, saved, [read+published], [saved+published], [saved+id]',
        matches: '[keywordId+paperId], paperId, [keywordId+listedAt], [keywordId+read+listedAt]',
        counters: 'key',
      })
      .upgrade(async (tx) => {
        const papers = tx.table<PaperRecord, string>('papers');
        const read = new Set(await papers.where('read').equals(1).primaryKeys());
        const unread = new Map<string, number>();
        await tx
          .table<MatchRecord, [string, string]>('matches')
          .toCollection()
          .modify((m) => {
            m.read = read.has(m.paperId) ? 1 : 0;
            if (m.read === 0) unread.set(m.keywordId, (unread.get(m.keywordId) ?? 0) + 1);
          });
        await tx
          .table<CounterRecord, string>('counters')
          .bulkPut([
            { key: UNREAD, value: await papers.where('read').equals(0).count() },
            { key: SAVED, value: await papers.where('saved').equals(1).count() },
            ...[...unread].map(([keywordId, value]) => ({ key: keywordUnread(keywordId), value })),
          ]);
      });
    // Version 6: the popup's search index (see search-index.ts), built here from the stored papers.
    this.version(6)
      .stores({ searchDocs: 'id', searchTerms: 'key' })
      .upgrade((tx) =>
        rebuildSearchIndex({
          papers: tx.table<PaperRecord, string>('papers'),
          searchDocs: tx.table<SearchDocRecord, string>('searchDocs'),
          searchTerms: tx.table<SearchTermRecord, string>('searchTerms'),
        }),
      );
    // Version 7: "Not interested" and the "For you" ranking. `hiddenAt` lists the hidden papers
    // (only they have one, so the index holds nothing else); `[read+score]` gives the unread papers
    // best first (only scored papers are in it). No data moves: both fields are new.
    this.version(7).stores({
      papers: 'id, read, saved, [read+published], [saved+published], [saved+id], hiddenAt, [read+score]',
    });
  }
}

let instance: AppDB | undefined;

/** The shared database, opened on first use (never at import time: WXT imports entrypoints in Node). */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}
