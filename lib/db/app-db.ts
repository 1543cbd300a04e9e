import { Dexie, type Table } from 'dexie';
import type {
  CheckLogRecord,
  CycleRecord,
  KeywordStateRecord,
  MatchRecord,
  NotificationTargetRecord,
  PaperRecord,
  SeenRecord,
} from './schema';

export const DB_NAME = 'daily-papers';

/** The extension's IndexedDB database. Every schema change adds a version here (never edit one). */
export class AppDB extends Dexie {
  papers!: Table<PaperRecord, string>;
  matches!: Table<MatchRecord, [string, string]>;
  keywordStates!: Table<KeywordStateRecord, string>;
  seen!: Table<SeenRecord, string>;
  cycles!: Table<CycleRecord, string>;
  checkLog!: Table<CheckLogRecord, number>;
  notificationTargets!: Table<NotificationTargetRecord, string>;

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
  }
}

let instance: AppDB | undefined;

/** The shared database, opened on first use (never at import time: WXT imports entrypoints in Node). */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}
