import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkScheduleItem, checkStatusItem } from '../../../../lib/check/check-status';
import { keywordQuery } from '../../../../lib/check/plan';
import { librarySummary } from '../../../../lib/db/paper-queries';
import { CHECK_ALARM, RETRY_ALARM } from '../../../../lib/check/schedule';
import type { Keyword } from '../../../../lib/keywords/keyword';
import type { RealSystem } from './system';
import { World } from './world';

/** What the model knows of one keyword. */
export interface ModelKeyword {
  keyword: Keyword;
  word: string;
  /** When its search was last set (added, or edited to another search). */
  searchSince: number;
  /** When the model first saw its fill done (undefined until then). */
  filledSeenAt?: number;
}

/** The model: what the user did and what the engine may and must announce. */
export class Model {
  keywords: ModelKeyword[] = [];
  /** Every paper ever announced, with the keyword and time. */
  announced = new Map<string, { keywordId: string; at: number }>();
  /** Papers the user saved or read (since the last "Clear all data"). */
  saved = new Set<string>();
  read = new Set<string>();
  /** arXiv had its one busy day of this history. */
  busyDay = false;
  /** Check log entries already read. */
  private logged = new Set<string>();
  /** Requests already checked for spacing. */
  private requestsSeen = 0;

  /**
   * The invariants that hold after every step. Announcements are read from the check log as they
   * appear: each must match its keyword's current search, be visible, have appeared after the
   * search was set, and never have been announced before.
   */
  async check(real: RealSystem): Promise<void> {
    const now = Date.now();
    for (const entry of await real.db.checkLog.toArray()) {
      const key = `${entry.startedAt}:${entry.id}`;
      if (this.logged.has(key)) continue;
      this.logged.add(key);
      // One check announces a paper once, under every keyword it is news for.
      const inThisCheck = new Set<string>();
      for (const [keywordId, ids] of Object.entries(entry.news ?? {})) {
        const k = this.keywords.find((m) => m.keyword.id === keywordId);
        expect(k, `news for a keyword the user does not have (${keywordId})`).toBeDefined();
        for (const id of ids) {
          const paper = real.world.papers.find((p) => p.id === id)!;
          expect(World.matches(paper, k!.word), `${id} announced for “${k!.word}”, which it does not match`).toBe(true);
          expect(paper.visibleAt, `${id} announced before arXiv listed it`).toBeLessThanOrEqual(now);
          expect(paper.visibleAt, `${id} was listed before “${k!.word}” was set`).toBeGreaterThan(k!.searchSince);
          if (inThisCheck.has(id)) continue;
          inThisCheck.add(id);
          expect(this.announced.get(id), `${id} announced twice`).toBeUndefined();
          this.announced.set(id, { keywordId, at: now });
        }
      }
    }
    // arXiv's rules: 3 s between requests, nothing before Retry-After.
    const requests = real.world.requests;
    for (let i = Math.max(1, this.requestsSeen); i < requests.length; i++) {
      const gap = requests[i]!.at - requests[i - 1]!.at;
      expect(gap, `two requests ${gap} ms apart`).toBeGreaterThanOrEqual(3_000); // arXiv's rule
    }
    for (const request of requests.slice(this.requestsSeen)) {
      expect(request.at, 'a request before Retry-After').toBeGreaterThanOrEqual(request.notBefore);
    }
    this.requestsSeen = requests.length;
    // Saved papers are never lost; read ones stay read while they are stored.
    for (const id of this.saved) expect((await real.db.papers.get(id))?.saved, `saved paper ${id} lost`).toBe(1);
    for (const id of [...this.read]) {
      const paper = await real.db.papers.get(id);
      if (!paper) this.read.delete(id);
      else expect(paper.read, `read paper ${id} unread again`).toBe(1);
    }
    // Every match carries its paper's list flag (the lists and unread counts read that copy): its
    // read flag, or 2 for a hidden paper.
    const stored = await real.db.papers.toArray();
    const papers = new Map(stored.map((p) => [p.id, p.read]));
    const copies = new Map(stored.map((p) => [p.id, p.hiddenAt === undefined ? p.read : 2]));
    const matches = await real.db.matches.toArray();
    for (const m of matches) {
      expect(m.read, `list copy of ${m.keywordId}/${m.paperId}`).toBe(copies.get(m.paperId));
    }
    // The counters the popup and the badge show equal a count of the tables.
    const counted = (await real.db.counters.toCollection().primaryKeys()).filter((key) => key.startsWith('unread:'));
    const keywordIds = [...new Set([...matches.map((m) => m.keywordId), ...counted.map((key) => key.slice(7))])];
    const summary = await librarySummary(real.db, keywordIds);
    expect(summary.unread, 'unread counter').toBe([...papers.values()].filter((read) => read === 0).length);
    expect(summary.saved, 'saved counter').toBe(stored.filter((p) => p.saved === 1).length);
    expect(summary.hidden, 'hidden counter').toBe(stored.filter((p) => p.hiddenAt !== undefined).length);
    for (const k of keywordIds) {
      const naive = matches.filter((m) => m.keywordId === k && m.read === 0).length;
      expect(summary.unreadByKeyword.get(k), `unread counter of ${k}`).toBe(naive);
    }
    for (const k of this.keywords) {
      const state = await real.db.keywordStates.get(k.keyword.id);
      if (k.filledSeenAt === undefined && state?.initialized && state.query === keywordQuery(k.keyword))
        k.filledSeenAt = now;
    }
    if (real.paused) return;
    // At rest: nothing runs, and the popup's next check is the alarm that will fire.
    const status = await checkStatusItem.getValue();
    expect(status.running, 'the status says a check runs while none does').toBe(false);
    const alarms = (await fakeBrowser.alarms.getAll()).filter((a) => a.name === CHECK_ALARM || a.name === RETRY_ALARM);
    const next = Math.min(...alarms.map((a) => a.scheduledTime));
    const { nextCheckAt } = await checkScheduleItem.getValue();
    if (alarms.length > 0) expect(nextCheckAt, 'the next-check line is not the next alarm').toBe(next);
  }

  /** After "Clear all data": every table is empty. */
  async checkCleared(real: RealSystem): Promise<void> {
    for (const table of real.db.tables) {
      const count = await table.count();
      expect(count, `${table.name} is not empty after Clear all data`).toBe(table.name === 'meta' ? 1 : 0);
    }
  }

  /**
   * At the end of a history in which arXiv recovered: every paper that became news under the
   * rule was announced exactly once (announcements are once per paper: "twice" fails above). News for K: K's search matches it, and arXiv listed it after
   * K's fill was seen done (papers listed between the search change and that moment may go
   * either way, and are checked only by the invariants above).
   */
  expectComplete(real: RealSystem, windowStart: number): void {
    const words = this.keywords.map((k) => k.word);
    for (const k of this.keywords) {
      if (!k.keyword.enabled || k.filledSeenAt === undefined) continue;
      for (const paper of real.world.visible(Date.now())) {
        if (!World.matches(paper, k.word) || paper.visibleAt <= k.filledSeenAt || paper.published < windowStart)
          continue;
        // A combined query's papers go to the keywords whose rules they meet; only a paper that
        // no keyword claims is taken to arXiv keyword by keyword. So a paper that arXiv's index
        // alone connects to this keyword, while another keyword claims it, is this one's news
        // only through that other keyword (the local rules are meant to be at least as lenient
        // as arXiv's; the aliases of the simulated arXiv are where they are not).
        if (!paper.words.includes(k.word) && words.some((w) => paper.words.includes(w))) continue;
        expect(
          this.announced.has(paper.id),
          `${paper.id} (${paper.words.join(' ')}) was never announced for “${k.word}”`,
        ).toBe(true);
      }
    }
  }

  cleared(): void {
    this.keywords = [];
    this.saved.clear();
    this.read.clear();
  }
}
