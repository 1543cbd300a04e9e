import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../lib/db/app-db';
import { storeMatches } from '../../../lib/db/papers';
import { newCycle } from '../../../lib/check/queue';
import type { CycleRecord } from '../../../lib/db/schema';
import { createKeyword } from '../../../lib/keywords/keyword';
import { badgeText, refreshBadge } from '../../../lib/notify/badge';
import { notifyCycle, setupNotificationClicks, targetUrl } from '../../../lib/notify/notifications';
import { entry } from '../helpers';
import { updatePaperFlags } from '../../../lib/db/read-state';
import { hidePapers } from '../../../lib/db/labels';

function cycle(overrides: Partial<CycleRecord>): CycleRecord {
  return { ...newCycle('all', 0, [], 0), id: 'c1', ...overrides };
}

beforeEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe('badge', () => {
  it('shows nothing for zero, the count up to 99, then 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('counts unread papers once each', async () => {
    const db = getDb();
    await storeMatches(db, 'k1', [entry('2611.00001'), entry('2611.00002')], 1);
    await storeMatches(db, 'k2', [entry('2611.00001')], 1);
    await refreshBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});

describe('notifications', () => {
  const a = createKeyword('reward model');
  const b = { ...createKeyword('language model'), notify: false };

  it('names each keyword with news, skips keywords whose notifications are off, and opens the list', async () => {
    const db = getDb();
    const c = { ...createKeyword('diffusion') };
    await storeMatches(
      db,
      a.id,
      [entry('2611.00001', { title: 'First', published: '2026-11-20T12:00:00Z' }), entry('2611.00002')],
      1,
    );
    await storeMatches(db, c.id, [entry('2611.00003', { title: 'Third' })], 1);
    await storeMatches(db, b.id, [entry('2611.00004')], 1);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notifyCycle(
      db,
      cycle({ fresh: { [a.id]: ['2611.00001', '2611.00002'], [c.id]: ['2611.00003'], [b.id]: ['2611.00004'] } }),
      [a, b, c],
    );
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe('papers-c1');
    expect((create.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      title: '3 new papers on arXiv',
      message: 'reward model (2), diffusion (1)\n“First”',
    });
    expect(await db.notificationTargets.get('papers-c1')).toMatchObject({ notificationId: 'papers-c1' });
    expect(targetUrl(await db.notificationTargets.get('papers-c1'), (p) => `ext:${p}`)).toBe(
      'ext:/popup.html?view=tab&keyword=new',
    );
  });

  it('never names a paper marked Not interested while the check ran', async () => {
    const db = getDb();
    await storeMatches(
      db,
      a.id,
      [
        entry('2611.00001', { title: 'Dismissed', published: '2026-11-21T12:00:00Z' }),
        entry('2611.00002', { title: 'Kept' }),
      ],
      1,
    );
    await hidePapers(db, ['2611.00001']);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notifyCycle(db, cycle({ fresh: { [a.id]: ['2611.00001', '2611.00002'] } }), [a]);
    expect((create.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      title: '1 new paper on arXiv',
      message: 'reward model (1)\n“Kept”',
    });
  });

  it('announces a new version of a saved paper on its own', async () => {
    const db = getDb();
    await storeMatches(db, a.id, [entry('2611.00001', { version: 3, title: 'Saved one' })], 1);
    await updatePaperFlags(db, [{ id: '2611.00001', changes: { saved: 1 } }]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notifyCycle(db, cycle({ revisedSaved: ['2611.00001'] }), [a]);
    expect(create).toHaveBeenCalledTimes(1);
    expect((create.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      title: 'New version of a saved paper (v3)',
      message: '“Saved one”',
    });
  });

  it('opens the single new paper on click, marks it read, from a target kept in the database', async () => {
    const db = getDb();
    await storeMatches(db, a.id, [entry('2611.00001')], 1);
    await notifyCycle(db, cycle({ fresh: { [a.id]: ['2611.00001'] } }), [a]);
    // A fresh worker: only the database remembers what the notification points to.
    setupNotificationClicks(getDb);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('papers-c1');
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://arxiv.org/abs/2611.00001' }));
    await vi.waitFor(async () => expect((await db.papers.get('2611.00001'))?.read).toBe(1));
  });

  it('opens the keyword list when one keyword has several new papers', () => {
    expect(targetUrl({ notificationId: 'x', keywordId: 'k 1', createdAt: 0 }, (p) => `ext:${p}`)).toBe(
      'ext:/popup.html?view=tab&keyword=k%201',
    );
  });
});
