import type { Page } from 'playwright-core';
import { createKeyword } from '../../lib/keywords/keyword';
import { ChromiumSession } from '../e2e/support/chromium';
import { alarmTimes } from '../e2e/support/engine-state';
import { checkStatus, writeKeywords } from '../e2e/support/seed';
import { median } from './table';

/** Records, in every page, when the first paper card (or, for other pages, anything) was painted. */
const PAINT_PROBE = `
  (() => {
    const painted = (key) => requestAnimationFrame(() => requestAnimationFrame(() => { window[key] = performance.now(); }));
    document.addEventListener('DOMContentLoaded', () => painted('__firstPaint'));
    new MutationObserver((_, observer) => {
      if (document.querySelector('article')) { observer.disconnect(); painted('__firstCard'); }
    }).observe(document, { childList: true, subtree: true });
  })();
`;

/**
 * Writes `keywords` × `perKeyword` papers (half of them read, one in 50 saved) straight into the
 * extension's database, in the shape of the current schema version.
 */
async function seedLibrary(session: ChromiumSession, keywords: number, perKeyword: number): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(session.url('popup.html')); // opens (and so creates) the database
  await page.waitForTimeout(500);
  const list = Array.from({ length: keywords }, (_, i) => ({ ...createKeyword(`topic ${i}`, 0), id: `kw-${i}` }));
  await writeKeywords(page, list);
  await page.evaluate(
    async ([kwCount, per]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['papers', 'matches', 'known', 'keywordStates', 'counters'], 'readwrite');
      // No named functions in here: the page runs this source as it is, without the bundler's helpers.
      const counts = new Map<string, number>();
      const start = Date.parse('2026-11-17T12:00:00Z');
      for (let k = 0; k < kwCount; k++) {
        tx.objectStore('keywordStates').put({
          keywordId: `kw-${k}`,
          initialized: true,
          lastTotal: per,
          coveredSince: 0,
        });
        for (let i = 0; i < per; i++) {
          const n = k * per + i;
          const id = `26${String(11 + (n % 2)).padStart(2, '0')}.${String(n).padStart(5, '0')}`;
          const published = new Date(start - n * 60_000).toISOString();
          tx.objectStore('papers').put({
            id,
            version: 1 + (n % 3 === 0 ? 1 : 0),
            title: `A study of topic ${k}, part ${i}: scaling $\\mathcal{O}(n \\log n)$ methods for large models`,
            summary: 'We study things. '.repeat(60),
            authors: Array.from({ length: 1 + (n % 7) }, (_, a) => ({ name: `Author ${a} Surname`, affiliations: [] })),
            published,
            updated: published,
            categories: ['cs.LG', 'cs.CL'],
            primaryCategory: 'cs.LG',
            comment: n % 4 === 0 ? '12 pages, accepted at a conference' : undefined,
            firstSeenAt: start,
            read: n % 2,
            saved: n % 50 === 0 ? 1 : 0,
            // A trained ranking's score and reason (version 7), spread over the library.
            score: ((n * 7919) % 1000) / 1000 - 0.5,
            scoreWhy: ['large models', 'scaling'],
          });
          tx.objectStore('known').put({ keywordId: `kw-${k}`, paperId: id, published });
          for (const [key, by] of [
            ['unread', 1 - (n % 2)],
            [`unread:kw-${k}`, 1 - (n % 2)],
            ['saved', n % 50 === 0 ? 1 : 0],
          ] as const) {
            counts.set(key, (counts.get(key) ?? 0) + by);
          }
          tx.objectStore('matches').put({
            keywordId: `kw-${k}`,
            paperId: id,
            firstSeenAt: start,
            published,
            listedAt: published,
            read: n % 2, // the paper's read flag, copied (version 5)
          });
        }
      }
      // The counters the product keeps with every change (database version 5).
      for (const [key, value] of counts) tx.objectStore('counters').put({ key, value });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [keywords, perKeyword] as const,
  );
  await page.close();
}

async function timeTo(session: ChromiumSession, url: string, key: '__firstCard' | '__firstPaint'): Promise<number> {
  const page: Page = await session.context.newPage();
  await page.setViewportSize({ width: 460, height: 600 });
  await page.goto(url);
  await waitFor(page, key);
  const value = await page.evaluate((k) => (window as unknown as Record<string, number>)[k]!, key);
  await page.close();
  return value;
}

async function waitFor(page: Page, key: '__firstCard' | '__firstPaint'): Promise<void> {
  await page.waitForFunction((k) => (window as unknown as Record<string, number>)[k] !== undefined, key, {
    timeout: 30_000,
  });
}

/**
 * Clicks "Mark read" on the first unread card and times it until the card says "Mark unread" and
 * that frame is painted; with `idle`, times only the next painted frame (the baseline: what any
 * click costs the page).
 */
async function timeMarkRead(page: Page, idle: boolean): Promise<number> {
  // No named functions inside: the page runs this source as it is, without the bundler's helpers.
  return page.evaluate(async (justFrame) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('article button')].find(
      (b) => b.textContent === 'Mark read',
    );
    if (!button) throw new Error('No unread card to mark read');
    const card = button.closest('article')!;
    const start = performance.now();
    if (!justFrame) {
      await new Promise<void>((resolve, reject) => {
        setTimeout(() => reject(new Error('The card did not change within 10 s')), 10_000);
        const observer = new MutationObserver(() => {
          if ([...card.querySelectorAll('button')].some((b) => b.textContent === 'Mark unread')) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(card, { subtree: true, childList: true, characterData: true });
        button.click();
      });
    }
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    return performance.now() - start;
  }, idle);
}

/** The lists timed: "All new", "For you", the first keyword's tab and "Saved". */
export const BENCH_TABS = { 'All new': 'new', 'For you': 'foryou', 'a keyword tab': 'kw-0', Saved: 'saved' } as const;
export type BenchTab = keyof typeof BENCH_TABS;

export interface PaintResult {
  papers: number;
  /** Median time to the first painted card, per list. */
  popupMs: Record<BenchTab, number>;
  blankMs: number;
  /** Median "Mark read" click → updated card painted, in a keyword tab, and an idle frame there. */
  markReadMs?: number;
  idleFrameMs?: number;
}

/**
 * Waits until the worker is at rest: no check running and no training of the ranking asked for or
 * under way (both follow the seeded keywords). The popup is timed as it opens on most days, not
 * in the seconds after a check when the worker trains and writes scores.
 */
async function workerAtRest(session: ChromiumSession): Promise<void> {
  let calm = 0;
  for (let i = 0; i < 240 && calm < 3; i++) {
    const alarms = await alarmTimes(session);
    const running = (await checkStatus(session))?.running === true;
    calm = running || 'ranking' in alarms ? 0 : calm + 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The probe page is a popup too: it is not left open while others are timed.
  await (await session.probe()).close();
}

/**
 * Median time from opening the popup to its first painted paper card in each list, next to a
 * blank extension page; with `markRead`, also the median time a "Mark read" click takes to show.
 */
export async function popupPaint(
  keywords: number,
  perKeyword: number,
  runs: number,
  markRead = false,
): Promise<PaintResult> {
  const session = await ChromiumSession.launch();
  try {
    await session.context.addInitScript(PAINT_PROBE);
    await seedLibrary(session, keywords, perKeyword);
    await workerAtRest(session);
    const tabUrl = (tab: string) => session.url(`popup.html?keyword=${tab}`);
    await timeTo(session, tabUrl('new'), '__firstCard'); // warm-up (caches, compile)
    const times = Object.fromEntries(Object.keys(BENCH_TABS).map((tab) => [tab, [] as number[]]));
    const blank: number[] = [];
    for (let i = 0; i < runs; i++) {
      blank.push(await timeTo(session, session.url('manifest.json'), '__firstPaint'));
      for (const [name, tab] of Object.entries(BENCH_TABS)) {
        times[name]!.push(await timeTo(session, tabUrl(tab), '__firstCard'));
      }
    }
    const result: PaintResult = {
      papers: keywords * perKeyword,
      popupMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<BenchTab, number>,
      blankMs: median(blank),
    };
    if (markRead) {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 460, height: 600 });
      await page.goto(tabUrl('kw-0'));
      await waitFor(page, '__firstCard');
      const clicks: number[] = [];
      const frames: number[] = [];
      for (let i = 0; i < Math.max(5, runs * 2); i++) {
        await page.waitForTimeout(400); // the counts and the previous change settle
        frames.push(await timeMarkRead(page, true));
        clicks.push(await timeMarkRead(page, false));
      }
      await page.close();
      Object.assign(result, { markReadMs: median(clicks), idleFrameMs: median(frames) });
    }
    return result;
  } finally {
    await session.close();
    session.dispose();
  }
}
