import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect } from 'vitest';
import type { ArxivEntry } from '../../../../lib/arxiv/types';
import {
  checkScheduleItem,
  checkStatusItem,
  type CheckSchedule,
  type CheckStatus,
} from '../../../../lib/check/check-status';
import { getDb } from '../../../../lib/db/app-db';
import { updatePaperFlags } from '../../../../lib/db/read-state';
import { storeMatches } from '../../../../lib/db/papers';
import { createKeyword, type Keyword } from '../../../../lib/keywords/keyword';
import { keywordsItem } from '../../../../lib/keywords/keyword-store';
import { resetPopupStore } from '../../../../lib/ui/popup-store';
import { PopupApp } from '../../../../components/popup/popup-app';
import { entry } from '../../helpers';

// Without Vitest globals, Testing Library cannot unmount rendered pages by itself after each test.
afterEach(cleanup);

beforeEach(async () => {
  resetPopupStore();
  localStorage.clear();
  window.history.replaceState(null, '', '/popup.html');
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** A paper submitted `daysAgo` days before 2026-11-20, so that lists have a known order. */
export function paper(id: string, daysAgo: number, overrides: Partial<ArxivEntry> = {}): ArxivEntry {
  const published = new Date(Date.UTC(2026, 10, 20) - daysAgo * 86_400_000).toISOString();
  return entry(id, { published, updated: published, ...overrides });
}

/** Stores keywords made from labels (or given whole) and returns them. */
export async function storeKeywords(...items: (string | Keyword)[]): Promise<Keyword[]> {
  const keywords = items.map((item, i) => (typeof item === 'string' ? createKeyword(item, 1_000 + i) : item));
  await keywordsItem.setValue(keywords);
  return keywords;
}

/** Stores the papers a keyword matched, as a finished first check would (unread, initialized). */
export async function storePapers(keyword: Keyword, papers: readonly ArxivEntry[]): Promise<void> {
  const db = getDb();
  await storeMatches(db, keyword.id, papers, 1);
  await db.keywordStates.put({ keywordId: keyword.id, initialized: true, lastTotal: papers.length });
}

/** Sets the read or saved flag of stored papers (their matches follow, as in the product). */
export async function flag(ids: readonly string[], changes: { read?: 0 | 1; saved?: 0 | 1 }): Promise<void> {
  await updatePaperFlags(
    getDb(),
    ids.map((id) => ({ id, changes })),
  );
}

export async function storeStatus(status: Partial<CheckStatus>): Promise<void> {
  await checkStatusItem.setValue({ running: false, done: 0, total: 0, ...status });
}

export async function storeSchedule(schedule: CheckSchedule): Promise<void> {
  await checkScheduleItem.setValue(schedule);
}

/** Renders the popup at an address (`?view=tab&keyword=new`) and waits until it has loaded. */
export async function renderPopup(search = '') {
  window.history.replaceState(null, '', `/popup.html${search}`);
  const user = userEvent.setup();
  const view = render(<PopupApp />);
  await screen.findByRole('heading', { name: 'Daily Papers' });
  return { user, ...view };
}

/** The titles of the listed papers, top to bottom (waits for a list to show). */
export function titles(): string[] {
  return screen.queryAllByRole('article').map((card) => card.querySelector('.paper-title a')?.textContent ?? '');
}

/** Waits until the list shows exactly these titles. */
export async function expectTitles(expected: readonly string[]): Promise<void> {
  await waitFor(() => expect(titles()).toEqual(expected));
}

/** Queries inside the card of a paper. */
export function card(title: string) {
  return within(screen.getByRole('article', { name: title }));
}

/** Queries inside the card of a paper, once it is listed. */
export async function findCard(title: string) {
  return within(await screen.findByRole('article', { name: title }));
}

/** The accessible name of a list's tab ("testing, 3 unread"). */
export function tabName(label: RegExp): string {
  return screen.getByRole('tab', { name: label }).getAttribute('aria-label') ?? '';
}
