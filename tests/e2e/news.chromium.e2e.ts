import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../lib/arxiv/types';
import { previousAnnouncement } from '../../lib/schedule/announcements';
import { OptionsPage } from './pages/options';
import type { ChromiumLoc } from './support/chromium-page';
import type { Loc } from './support/ui';
import { PopupPage } from './pages/popup';
import { ArxivWorld, askedOf, hoursBefore, papersOn, type AskedRequest } from './support/arxiv-world';
import { alarmTimes, databaseContents, putMeta, recordNotifications, shownNotifications } from './support/engine-state';
import { badgeText, launchExtension, notificationIds, type ExtensionSession } from './support/extension';
import { checkSchedule, checkStatus, storedPapers, waitForIdleCheck } from './support/seed';

/** These tests run in Chromium only (they read the service worker): Playwright's own locator. */
const raw = (loc: Loc) => (loc as ChromiumLoc).raw;

/** A keyword's query as the extension builds it from a phrase typed in the options page. */
const queryOf = (phrase: string) => `(ti:"${phrase}" OR abs:"${phrase}")`;
const MINUTE = 60_000;

/**
 * A check's request for a group (or a single keyword): its query over the last week, newest first.
 * The first page is small and carries arXiv's count of the week.
 */
const week = (query: string, start = 0, maxResults = 25) => ({
  query: expect.stringMatching(new RegExp(`^\\(${escape(query)}\\) AND submittedDate:\\[\\d{12} TO \\d{12}\\]$`)),
  start,
  maxResults,
});

/** A look-up of one keyword's papers of one day. */
const dayOf = (query: string) => ({
  query: expect.stringMatching(
    new RegExp(`^\\(${escape(query)}\\) AND submittedDate:\\[(\\d{8})0000 TO \\1 ?2359\\]$`),
  ),
  start: 0,
  maxResults: 200,
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('news per keyword, end to end (issue 10)', () => {
  let session: ExtensionSession;
  let world: ArxivWorld;
  let options: OptionsPage;

  /** The requests arXiv received since the `from`-th, as arXiv reads them. */
  const asked = (from = 0): AskedRequest[] => session.arxiv.requests.slice(from).map((r) => askedOf(r.url));

  /** Adds a keyword in the options page and waits for its first fill to end. */
  async function addAndFill(phrase: string): Promise<void> {
    const start = Date.now();
    await options.addKeyword(phrase);
    await waitForIdleCheck(session, start);
  }

  beforeEach(async () => {
    session = await launchExtension();
    world = new ArxivWorld();
    session.arxiv.serve(world.respond);
    options = await OptionsPage.open(session);
    // Checks every 6 hours: once a keyword is filled, no scheduled check fires during a test
    // (whatever the hour), and a retry after a failure comes before the schedule.
    const interval = options.page.getByLabel('At a fixed interval');
    await interval.click(); // stored, then shown checked
    await expect.poll(() => raw(interval).isChecked()).toBe(true);
  });

  afterEach(async () => {
    try {
      // Every test keeps arXiv's spacing, held requests included.
      expect(session.arxiv.smallestGapMs()).toBeGreaterThanOrEqual(3_000);
    } finally {
      await session?.close();
      session?.dispose();
    }
  });

  it('1: a keyword edited while its first fill runs keeps nothing of the old search, is refilled and announces only what is new', async () => {
    const now = Date.now();
    const robots = papersOn('robot', 30, now, 20, 100);
    world.add(...robots, ...papersOn('drone', 12, now, 20, 500));
    const held = world.holdNext();
    await options.addKeyword('robot');
    expect(await held.arrived).toEqual({ query: queryOf('robot'), start: 0, maxResults: 100 });

    // The fill's request is in flight when the user changes the search in the editor.
    const editor = await options.edit('robot');
    await editor.getByLabel('Label', { exact: true }).fill('drone');
    await editor.getByLabel('Term 1', { exact: true }).fill('drone');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const editedAt = Date.now();
    held.release(); // arXiv answers with the 30 robot papers
    await waitForIdleCheck(session, editedAt);

    expect(asked()).toEqual([
      { query: queryOf('robot'), start: 0, maxResults: 100 },
      { query: queryOf('drone'), start: 0, maxResults: 100 }, // the refill
    ]);
    const stored = await storedPapers(session);
    expect(stored).toHaveLength(12);
    expect(stored.every((p) => p.title.includes('drone'))).toBe(true);
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.tab('drone').getAttribute('aria-label')).toBe('drone, 12 unread');
    expect(await popup.page.getByRole('tab', { name: /robot/ }).count()).toBe(0);
    expect(await notificationIds(session)).toEqual([]);

    // Three new drone papers (and two robot ones, which no keyword asks for any more).
    const fresh = papersOn('drone', 3, now, 1, 900);
    world.add(...fresh, ...papersOn('robot', 2, now, 1, 950));
    await recordNotifications(session);
    const before = session.arxiv.requests.length;
    await popup.checkNow();
    expect(asked(before)).toEqual([week(queryOf('drone'))]);
    expect(await shownNotifications(session)).toEqual([
      { id: expect.any(String), title: '3 new papers on arXiv', message: `drone (3)\n“${fresh[0]!.title}”` },
    ]);
    expect(await popup.status.textContent()).toBe('Last checked just now · 3 new');
    await expect.poll(() => popup.tab('drone').getAttribute('aria-label')).toBe('drone, 15 unread');
    expect((await storedPapers(session)).some((p) => p.title.includes('robot'))).toBe(false);
  });

  it("2: adding a keyword never swallows another keyword's news", async () => {
    const now = Date.now();
    world.add(...papersOn('language model', 10, now, 100, 100));
    await addAndFill('language model');

    // arXiv announces 65 papers for B; two of them (not the newest) also match A.
    const news = papersOn('language model', 65, now, 1, 1000).map((e, i) =>
      i === 10 || i === 11 ? { ...e, title: `${e.title} with a reward model` } : e,
    );
    world.add(...news, ...papersOn('reward model', 5, now, 120, 3000));
    // The user adds A: its fill is silent, and reads the two shared papers first.
    await addAndFill('reward model');
    expect(asked()).toEqual([
      { query: queryOf('language model'), start: 0, maxResults: 100 },
      { query: queryOf('reward model'), start: 0, maxResults: 100 },
    ]);
    expect(await notificationIds(session)).toEqual([]);

    await recordNotifications(session);
    const popup = await PopupPage.open(session);
    await popup.checkNow();
    const both = `(${queryOf('language model')}) OR (${queryOf('reward model')})`;
    // The week's count says 63 papers are missing: the walk reads on until it has them. The two
    // papers A's fill read first are confirmed with B's own query for their day, then announced.
    const check = asked(2);
    expect(check.slice(0, 2)).toEqual([week(both), week(both, 25, 200)]);
    expect(check.length).toBeGreaterThanOrEqual(3);
    expect(check.length).toBeLessThanOrEqual(4);
    for (const lookup of check.slice(2)) expect(lookup).toEqual(dayOf(queryOf('language model')));
    expect(await shownNotifications(session)).toEqual([
      { id: expect.any(String), title: '65 new papers on arXiv', message: `language model (65)\n“${news[0]!.title}”` },
    ]);
    expect(await popup.status.textContent()).toBe('Last checked just now · 65 new');
    await expect.poll(() => popup.tab('language model').getAttribute('aria-label')).toBe('language model, 75 unread');
    expect(await popup.tab('reward model').getAttribute('aria-label')).toBe('reward model, 7 unread');
  });

  it('3: a settings change keeps a pending retry, and one made during a check leaves it ending as it should', async () => {
    world.add(...papersOn('optics', 3, Date.now(), 20, 100));
    await addAndFill('optics');
    const popup = await PopupPage.open(session);

    const held = world.holdNext();
    await popup.checkNowButton.click();
    expect(await held.arrived).toEqual(week(queryOf('optics')));
    await expect.poll(() => raw(popup.checkNowButton).isDisabled()).toBe(true);
    expect(await alarmTimes(session)).toHaveProperty('check-watchdog');
    // While the check runs, the user changes the theme.
    await options.page.getByLabel('Theme').selectOption('dark');
    await expect
      .poll(() => options.page.evaluate(() => chrome.storage.sync.get('settings')))
      .toMatchObject({
        settings: { theme: 'dark' },
      });
    held.release({ status: 503, body: 'Service Unavailable', headers: { 'Retry-After': '1200' } });
    const failedAt = Date.now();
    await popup.page.waitForFunction(() => {
      const status = document.querySelector('[role=status]');
      return status?.getAttribute('data-running') === 'false' && status.getAttribute('data-finished-at') !== null;
    }, undefined);
    await expect.poll(() => raw(popup.checkNowButton).isEnabled()).toBe(true);
    expect((await checkStatus(session))?.running).toBe(false);

    // The watchdog goes as the worker comes to rest, a moment after the status says the check ended.
    await expect.poll(async () => Object.keys(await alarmTimes(session))).not.toContain('check-watchdog');
    const alarms = await alarmTimes(session);
    const retry = alarms['retry-check']!;
    expect(retry).toBeGreaterThanOrEqual(failedAt + 20 * MINUTE - 5_000);
    expect(retry).toBeLessThanOrEqual(failedAt + 20 * MINUTE + 5_000);
    expect(alarms['scheduled-check']).toBeGreaterThan(retry); // the next check is the retry
    const nextLine = /^Next check in (19|20) min \(arXiv asked us to wait before asking again\)$/;
    expect((await checkSchedule(session))?.nextCheckAt).toBe(retry);
    expect(await popup.page.locator('.status-next').textContent()).toMatch(nextLine);

    // A settings change after the failure: the schedule is recomputed, the retry stays. (The
    // schedule alarm is removed first: its return shows that the worker handled the change.)
    await options.page.evaluate(() => chrome.alarms.clear('scheduled-check'));
    await options.page.getByLabel('Theme').selectOption('light');
    await expect.poll(async () => (await alarmTimes(session))['scheduled-check']).toBeGreaterThan(retry);
    expect((await alarmTimes(session))['retry-check']).toBe(retry);
    expect((await checkSchedule(session))?.nextCheckAt).toBe(retry);
    expect(await popup.page.locator('.status-next').textContent()).toMatch(nextLine);
    expect(await raw(popup.checkNowButton).isEnabled()).toBe(true);
    expect(asked()).toHaveLength(2); // the fill and the failed check; nothing was retried early
  });

  it('7: "Clear all data" during a check stops it: nothing it fetched is written', async () => {
    const now = Date.now();
    world.add(...papersOn('optics', 3, now, 20, 100));
    await addAndFill('optics');
    world.add(...papersOn('optics', 4, now, 1, 900));
    const popup = await PopupPage.open(session);
    await recordNotifications(session);

    const held = world.holdNext();
    await popup.checkNowButton.click();
    expect(await held.arrived).toEqual(week(queryOf('optics')));
    expect(await alarmTimes(session)).toHaveProperty('check-watchdog');
    await options.page.getByRole('button', { name: 'Clear all data…' }).click();
    await options.page.getByRole('button', { name: 'Delete everything' }).click();
    await options.page.getByText('All data was deleted.').waitFor();
    held.release(); // the seven papers, four of them new, arrive after the data is gone
    // The check ends: its watchdog goes and nothing runs.
    await expect
      .poll(async () => Object.keys(await alarmTimes(session)), { timeout: 15_000 })
      .not.toContain('check-watchdog');
    // Nothing runs (a cancelled check drops its status: none is nothing running).
    await expect.poll(async () => (await checkStatus(session))?.running ?? false).toBe(false);

    const { counts, meta } = await databaseContents(session);
    // Every table is empty but `meta`, which keeps the moved data epoch (whatever tables a later
    // version adds: they are all read here).
    const { meta: metaRows, ...others } = counts;
    expect(metaRows).toBe(1);
    expect(Object.keys(others)).toEqual(
      expect.arrayContaining(['papers', 'matches', 'known', 'counters', 'searchTerms']),
    );
    expect(Object.entries(others).filter(([, rows]) => rows > 0)).toEqual([]);
    expect(meta).toEqual([{ key: 'epoch', value: 1 }]);
    expect(await shownNotifications(session)).toEqual([]);
    expect(await notificationIds(session)).toEqual([]);
    expect(await badgeText(session)).toBe('');
    expect((await checkStatus(session))?.finishedAt).toBeUndefined();
    expect(asked()).toHaveLength(2);
  });

  it('9: a saved paper from weeks ago that gets a v2 is announced after the next announcement, through id_list', async () => {
    const now = Date.now();
    const old: ArxivEntry = {
      ...papersOn('optics', 1, now, 35 * 24, 1)[0]!,
      id: '2610.00042',
      title: 'Optics of an old lens',
    };
    // Thirty newer papers: the old one lies far below the head of every check's answer.
    world.add(...papersOn('optics', 30, now, 20, 100), old);
    await addAndFill('optics');
    expect(await storedPapers(session)).toHaveLength(31);
    const popup = await PopupPage.open(session);
    await popup.tab('optics').click();
    await popup.search('old lens'); // the 31st paper of the list: past its first page
    await popup.paper(old.title).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await storedPapers(session)).find((p) => p.id === old.id)?.saved).toBe(1);

    // The first full check looks up the saved paper once for the current announcement: still v1.
    const head = week(queryOf('optics'));
    const idList = { query: '', start: 0, maxResults: 1, idList: old.id };
    let before = session.arxiv.requests.length;
    await popup.checkNow();
    expect(asked(before)).toEqual([head, idList]);

    // arXiv gets v2; until the next announcement no check asks about the saved paper again.
    world.add({ ...old, version: 2, updated: hoursBefore(now, 2) });
    before = session.arxiv.requests.length;
    await popup.checkNow();
    expect(asked(before)).toEqual([head]);
    expect((await storedPapers(session)).find((p) => p.id === old.id)?.version).toBe(1);
    expect(await notificationIds(session)).toEqual([]);

    // The next announcement, without waiting for it: the stored state is set to what it would be
    // then, with the last revision sweep before the latest announcement.
    const latest = previousAnnouncement(Date.now());
    const earlier = previousAnnouncement(latest - 1);
    await putMeta(session, 'revisionSweep', { doneFor: earlier, cursor: '' });
    await recordNotifications(session);
    before = session.arxiv.requests.length;
    await popup.checkNow();
    expect(asked(before)).toEqual([head, idList]);
    expect(await shownNotifications(session)).toEqual([
      { id: expect.any(String), title: 'New version of a saved paper (v2)', message: `“${old.title}”` },
    ]);
    expect((await storedPapers(session)).find((p) => p.id === old.id)).toMatchObject({ version: 2, saved: 1 });
  });
});
