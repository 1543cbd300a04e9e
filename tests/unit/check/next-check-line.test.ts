import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkScheduleItem } from '../../../lib/check/check-status';
import { clearAllData } from '../../../lib/check/clear-all-data';
import { CHECK_ALARM } from '../../../lib/check/schedule';
import { createKeyword } from '../../../lib/keywords/keyword';
import { series } from './fake-arxiv';
import { engineHarness } from './harness';

// Wednesday 2026-11-18, 10:00 and 13:00 in New York.
const FILL = Date.parse('2026-11-18T15:00:00Z');
const STEADY = Date.parse('2026-11-18T18:00:00Z');

/** What the popup's next-check line shows, and the alarm that will fire. */
async function lineAndAlarm() {
  const shown = (await checkScheduleItem.getValue()).nextCheckAt;
  return { shown, alarm: (await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime };
}

describe('the next-check line', () => {
  it('survives a check cancelled by "Clear all data" whose worker stops right after it drops its status', async () => {
    const h = engineHarness(FILL);
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([createKeyword('optics')]);
    await h.check();
    const stopped = h.gate;
    stopped.holdFrom(0);
    void h.check(STEADY);
    await vi.waitFor(() => expect(stopped.holding).toBe(true));
    await clearAllData(h.db);
    // A new worker takes over and comes to rest before the old one's held answer comes back.
    h.restart();
    await h.engine.resume();
    expect(await lineAndAlarm()).toEqual({ shown: expect.any(Number), alarm: expect.any(Number) });
    // The old worker finds the data cleared, removes its check's status, and is stopped there.
    const remove = fakeBrowser.storage.local.remove.bind(fakeBrowser.storage.local);
    const removed = vi.spyOn(fakeBrowser.storage.local, 'remove').mockImplementation(async (keys) => {
      await remove(keys);
      return new Promise<void>(() => undefined);
    });
    stopped.release();
    await vi.waitFor(() => expect(removed).toHaveBeenCalled());
    const { shown, alarm } = await lineAndAlarm();
    expect(alarm).toBeDefined();
    expect(shown).toBe(alarm);
  });
});
