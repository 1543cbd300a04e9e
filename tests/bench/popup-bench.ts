import type { Page } from 'playwright-core';
import { createKeyword } from '../../lib/keywords/keyword';
import { ChromiumSession } from '../e2e/support/chromium';
import { writeKeywords } from '../e2e/support/seed';
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

/** Writes `keywords` × `perKeyword` papers (half of them read) straight into the extension's database. */
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
      const tx = db.transaction(['papers', 'matches', 'known', 'keywordStates'], 'readwrite');
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
          });
          tx.objectStore('known').put({ keywordId: `kw-${k}`, paperId: id, published });
          tx.objectStore('matches').put({
            keywordId: `kw-${k}`,
            paperId: id,
            firstSeenAt: start,
            published,
            listedAt: published,
          });
        }
      }
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
  await page.waitForFunction((k) => (window as unknown as Record<string, number>)[k] !== undefined, key, {
    timeout: 30_000,
  });
  const value = await page.evaluate((k) => (window as unknown as Record<string, number>)[k]!, key);
  await page.close();
  return value;
}

export interface PaintResult {
  papers: number;
  popupMs: number;
  blankMs: number;
}

/** Median time from opening the popup to its first painted paper card, next to a blank extension page. */
export async function popupPaint(keywords: number, perKeyword: number, runs: number): Promise<PaintResult> {
  const session = await ChromiumSession.launch();
  try {
    await session.context.addInitScript(PAINT_PROBE);
    await seedLibrary(session, keywords, perKeyword);
    await timeTo(session, session.url('popup.html'), '__firstCard'); // warm-up (caches, compile)
    const popup: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs; i++) {
      blank.push(await timeTo(session, session.url('manifest.json'), '__firstPaint'));
      popup.push(await timeTo(session, session.url('popup.html'), '__firstCard'));
    }
    return { papers: keywords * perKeyword, popupMs: median(popup), blankMs: median(blank) };
  } finally {
    await session.close();
    session.dispose();
  }
}
