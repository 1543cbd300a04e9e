import { Dexie, type Table } from 'dexie';
import type { KeywordStateRecord, MatchRecord, PaperRecord } from './schema';

export const DB_NAME = 'daily-papers';

/** The extension's IndexedDB database. Every schema change adds a version here (never edit one). */
export class AppDB extends Dexie {
  papers!: Table<PaperRecord, string>;
  matches!: Table<MatchRecord, [string, string]>;
  keywordStates!: Table<KeywordStateRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      papers: 'id, read, saved',
      matches: '[keywordId+paperId], paperId, [keywordId+published]',
      keywordStates: 'keywordId',
    });
  }
}

let instance: AppDB | undefined;

/** The shared database, opened on first use (never at import time: WXT imports entrypoints in Node). */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}
