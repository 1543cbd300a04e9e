import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkScheduleItem, checkStatusItem } from '../../../lib/check/check-status';
import { clearAllData } from '../../../lib/check/clear-all-data';
import { setupSchedule } from '../../../lib/check/check-triggers';
import { CHECK_ALARM, RETRY_ALARM, WATCHDOG_ALARM } from '../../../lib/check/schedule';
import { restorePaperState } from '../../../lib/db/backup-papers';
import { papersForKeyword, setSaved } from '../../../lib/db/papers';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { DEFAULT_SETTINGS, settingsItem } from '../../../lib/settings/settings';
import { entry } from '../helpers';
import { series } from './fake-arxiv';
import { engineHarness, expectCleared, graphAndTensor } from './harness';

// Wednesday 2026-11-18; arXiv announces at 01:00 UTC (20:00 New York) Sunday to Thursday.
const FILL = Date.parse('2026-11-18T15:00:00Z');
const STEADY = Date.parse('2026-11-18T18:00:00Z');
const AFTER_ANNOUNCEMENT = Date.parse('2026-11-19T01:30:00Z');
const HOUR = 3_600_000;

const retitled = (keyword: Keyword, phrase: string): Keyword => ({
  ...keyword,
  label: phrase,
  terms: [{ text: phrase, mode: 'phrase' }],
});

describe('the nine cases of issue 10', () => {
  it('1: a keyword edited while its fill runs keeps nothing of the old search and announces only what is new', async () => {
    const h = engineHarness(FILL);
    h.arxiv.set('robot', series('robot', 30, '2026-11-17T12:00:00Z', 100));
    h.arxiv.set('drone', series('drone', 12, '2026-11-17T12:00:00Z', 500));
    const kw = createKeyword('robot');
    h.gate.holdFrom(0);
    await keywordsItem.setValue([kw]);
    const fill = h.engine.keywordsChanged();
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    // The fill's request is in flight when the search changes.
    await keywordsItem.setValue([retitled(kw, 'drone')]);
    await h.engine.keywordsChanged();
    h.gate.release();
    await fill;
    await h.engine.whenIdle();
    const listed = await papersForKeyword(h.db, kw.id);
    expect(listed).toHaveLength(12);
    expect(listed.every((p) => p.title.startsWith('drone'))).toBe(true);
    expect(await h.db.keywordStates.get(kw.id)).toMatchObject({
      initialized: true,
      query: '(ti:"drone" OR abs:"drone")',
    });
    // Three new drone papers: exactly three are announced.
    h.arxiv.set('drone', [...series('drone', 3, '2026-11-18T16:00:00Z', 900), ...h.arxiv.corpus.get('drone')!]);
    await h.check(STEADY);
    expect(await h.lastNews()).toEqual({ [kw.id]: 3 });
  });

  it("2: adding a keyword never swallows another keyword's news", async () => {
    const h = engineHarness(FILL);
    const b = createKeyword('language model');
    h.arxiv.set('language model', series('language model', 10, '2026-11-16T12:00:00Z', 100));
    await h.setKeywords([b]);
    await h.check();
    // 65 new papers for B, two of which also match A; then the user adds A.
    const news = series('language model', 65, '2026-11-18T14:00:00Z', 1000).map((e, i) =>
      i < 2 ? { ...e, title: `${e.title} with reward model` } : e,
    );
    h.arxiv.set('language model', [...news, ...h.arxiv.corpus.get('language model')!]);
    h.arxiv.set('reward model', [news[0]!, news[1]!, ...series('reward model', 5, '2026-11-10T12:00:00Z', 3000)]);
    const a = createKeyword('reward model');
    await h.setKeywords([b, a]);
    await h.engine.whenIdle();
    expect(await h.lastNews()).toEqual({}); // A's fill is silent
    await h.check(STEADY);
    expect(await h.lastNews()).toEqual({ [b.id]: 65 });
  });

  it('3: a settings change keeps a pending retry, and a check running meanwhile ends as it should', async () => {
    const h = engineHarness(FILL);
    vi.setSystemTime(FILL);
    setupSchedule();
    const kw = createKeyword('optics');
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    h.arxiv.failures = [{ kind: 'http', status: 503, message: 'arXiv is busy (HTTP 503).', retryAfterMs: 20 * 60_000 }];
    await h.check(STEADY);
    const retry = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(retry?.scheduledTime).toBe(STEADY + 20 * 60_000);
    // During a check the user changes the theme.
    h.gate.holdFrom(0);
    const running = h.check(STEADY + 60_000);
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeDefined();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await vi.waitFor(async () => expect((await checkScheduleItem.getValue()).scheduledReason).toBeDefined());
    expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeDefined();
    h.arxiv.failures = [{ kind: 'http', status: 503, message: 'arXiv is busy (HTTP 503).', retryAfterMs: 20 * 60_000 }];
    h.gate.release();
    await running;
    const status = await checkStatusItem.getValue();
    expect(status.running).toBe(false);
    expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeUndefined();
    // The retry planned after this failure is what the popup shows, and the alarm that will fire.
    const next = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(next?.scheduledTime).toBe(STEADY + 60_000 + 20 * 60_000);
    expect((await checkScheduleItem.getValue()).nextCheckAt).toBe(next?.scheduledTime);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'light' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(next?.scheduledTime);
    expect((await checkScheduleItem.getValue()).nextCheckAt).toBe(next?.scheduledTime);
    vi.useRealTimers();
  });

  it('4: a leftover partial check never takes over a full one, nor counts as one', async () => {
    const h = engineHarness(FILL);
    const [a, b] = [createKeyword('alpha'), createKeyword('beta')];
    h.arxiv.set('alpha', series('alpha', 3, '2026-11-17T12:00:00Z', 100));
    h.arxiv.set('beta', series('beta', 3, '2026-11-17T12:00:00Z', 200));
    await h.setKeywords([a]);
    await h.engine.whenIdle();
    await h.check();
    const fullAt = (await checkStatusItem.getValue()).lastFullCheckAt;
    expect(fullAt).toBe(FILL);
    // B's fill is left unfinished by a stopped worker.
    h.gate.holdFrom(0);
    await keywordsItem.setValue([a, b]);
    void h.engine.keywordsChanged();
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    h.restart();
    h.arxiv.requests.length = 0;
    h.clock.now = STEADY;
    await h.engine.requestCheck(); // the alarm's full check
    await h.engine.whenIdle();
    const asked = h.arxiv.requests.map((r) => r.query);
    expect(asked[0]).toBe('(ti:"beta" OR abs:"beta")'); // the leftover fill first
    expect(asked.some((a) => a.startsWith('(((ti:"alpha" OR abs:"alpha")) OR ((ti:"beta" OR abs:"beta"))) AND'))).toBe(
      true,
    ); // then every keyword
    const log = await h.db.checkLog.toArray();
    expect(
      log
        .at(-1)!
        .outcomes.map((o) => o.keywordId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect((await checkStatusItem.getValue()).lastFullCheckAt).toBe(STEADY);
  });

  it('5: a paper no keyword claims locally, held behind 60 newer ones, is settled exactly and once', async () => {
    const h = engineHarness(FILL);
    // Thursday's announcement: 60 new tensor papers and one held in moderation since Monday,
    // which arXiv files under tensor for a reason the local rules do not see.
    const { tensor: b, odd: held } = await graphAndTensor(h, '2026-11-16T09:00:00Z');
    h.arxiv.set('tensor', [
      ...series('tensor', 60, '2026-11-18T23:00:00Z', 300),
      held,
      ...h.arxiv.corpus.get('tensor')!,
    ]);
    await h.check(AFTER_ANNOUNCEMENT);
    expect(await h.lastNews()).toEqual({ [b.id]: 61 });
    expect((await papersForKeyword(h.db, b.id)).map((p) => p.id)).toContain('2611.07777');
    // The next deep check does not ask about it again.
    h.arxiv.requests.length = 0;
    await h.check(AFTER_ANNOUNCEMENT + HOUR);
    expect(h.arxiv.requests.filter((r) => r.query.includes('202611160000'))).toEqual([]);
    expect(await h.db.lookups.count()).toBe(0);
  });

  it('6: a busy group costs one request a check once it knows its week', async () => {
    const h = engineHarness(FILL);
    const [a, b] = [createKeyword('agent'), createKeyword('benchmark')];
    // 600 papers each in the week before: one every 16 minutes.
    const week = (topic: string, base: number) =>
      Array.from({ length: 600 }, (_, i) => {
        const at = new Date(Date.parse('2026-11-18T12:00:00Z') - i * 16 * 60_000).toISOString().replace('.000Z', 'Z');
        return entry(`2611.${String(base + i).padStart(5, '0')}`, {
          title: `${topic} ${i}`,
          published: at,
          updated: at,
        });
      });
    h.arxiv.set('agent', week('agent', 10000));
    h.arxiv.set('benchmark', week('benchmark', 20000));
    await h.setKeywords([a, b]);
    await h.check();
    const costs: number[] = [];
    for (const at of [
      STEADY,
      AFTER_ANNOUNCEMENT,
      AFTER_ANNOUNCEMENT + HOUR,
      AFTER_ANNOUNCEMENT + 3 * HOUR,
      AFTER_ANNOUNCEMENT + 12 * HOUR,
    ]) {
      h.arxiv.requests.length = 0;
      await h.check(at);
      costs.push(h.arxiv.requests.length);
    }
    // Steady, after an announcement, in the index-lag window, and later: arXiv's count of the
    // week equals what is known each time.
    expect(costs).toEqual([1, 1, 1, 1, 1]);
  });

  it('7: "Clear all data" during a check stops it; nothing it fetched is written', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('optics');
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    h.arxiv.set('optics', [...series('optics', 4, '2026-11-18T16:00:00Z', 900), ...h.arxiv.corpus.get('optics')!]);
    h.gate.holdFrom(0);
    const running = h.check(STEADY);
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    await clearAllData(h.db);
    h.gate.release();
    await running;
    await expectCleared(h.db);
    expect(await h.notifications()).toEqual([]);
    const status = await checkStatusItem.getValue();
    expect(status).toMatchObject({ running: false, done: 0, total: 0 });
    expect(status.finishedAt).toBeUndefined();
  });

  it('8: a worker stopped after showing the notification does not show it again', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('optics');
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    h.arxiv.set('optics', [...series('optics', 2, '2026-11-18T16:00:00Z', 900), ...h.arxiv.corpus.get('optics')!]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // The browser stops the worker right after the notification went out.
    create.mockImplementationOnce(() => new Promise(() => undefined));
    h.clock.now = STEADY;
    void h.engine.requestCheck();
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect((await h.db.cycles.get('current'))?.notified).toBe(true);
    h.restart();
    await h.engine.resume();
    expect(create).toHaveBeenCalledTimes(1);
    expect(await h.db.cycles.count()).toBe(0);
    expect(await h.lastNews()).toEqual({ [kw.id]: 2 });
  });

  it('9: a new version of a saved paper is found whatever its age', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('optics');
    const old = entry('2609.00001', { title: 'optics of old', published: '2026-09-01T10:00:00Z' });
    h.arxiv.set('optics', [...series('optics', 3, '2026-11-17T12:00:00Z', 100), old]);
    await h.setKeywords([kw]);
    await h.check();
    await setSaved(h.db, '2609.00001', true);
    h.arxiv.set('optics', [
      ...series('optics', 3, '2026-11-17T12:00:00Z', 100),
      { ...old, version: 2, updated: '2026-11-18T20:00:00Z' },
    ]);
    h.arxiv.requests.length = 0;
    await h.check(AFTER_ANNOUNCEMENT);
    expect(h.arxiv.requests.filter((r) => r.idList)).toEqual([
      { query: '', start: 0, maxResults: 1, idList: '2609.00001' },
    ]);
    expect(await h.db.papers.get('2609.00001')).toMatchObject({ version: 2, saved: 1 });
    expect(h.titles()).toEqual(['New version of a saved paper (v2)']);
    // Once per announcement: the next check does not ask again.
    h.arxiv.requests.length = 0;
    await h.check(AFTER_ANNOUNCEMENT + HOUR);
    expect(h.arxiv.requests.filter((r) => r.idList)).toEqual([]);
  });
});

/**
 * "delta" is filled; arXiv then lists 40 "beta" papers and, submitted before them, one on both;
 * the user adds "beta" before delta's next check, and beta's fill stores that paper, silently.
 */
async function betaFillStoresBoth(keep: number = DEFAULT_SETTINGS.papersPerKeyword) {
  const h = engineHarness(FILL);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, papersPerKeyword: keep });
  const delta = createKeyword('delta');
  h.arxiv.set('delta', series('delta', 3, '2026-11-16T12:00:00Z', 100));
  await h.setKeywords([delta]);
  await h.check();
  const both = entry('2611.00900', { title: 'beta meets delta', published: '2026-11-18T08:00:00Z' });
  const busy = series('beta', 40, '2026-11-18T14:00:00Z', 1000).map((e, i) => ({
    ...e,
    published: new Date(Date.parse('2026-11-18T14:00:00Z') - i * 60_000).toISOString(),
  }));
  h.arxiv.set('beta', [...busy, both]);
  h.arxiv.set('delta', [both, ...h.arxiv.corpus.get('delta')!]);
  const beta = createKeyword('beta');
  await h.setKeywords([delta, beta]);
  await h.engine.whenIdle();
  expect(await h.db.known.get([beta.id, both.id])).toBeDefined();
  expect(await h.db.known.get([delta.id, both.id])).toBeUndefined();
  return { h, delta, beta, both, busy };
}

describe('a paper one keyword knows and another keyword of its group never saw (found by the check model)', () => {
  it.each([
    ['kept in its list', DEFAULT_SETTINGS.papersPerKeyword],
    ['pruned from its list at once', 10],
  ])("is news for the other keyword after the first's fill stored it (%s)", async (_, keep) => {
    const { h, delta, beta, both, busy } = await betaFillStoresBoth(keep);
    expect(await h.db.papers.get(both.id)).toEqual(keep === 10 ? undefined : expect.anything());
    // The group's count equals what its keywords know together, yet delta never saw that paper:
    // the check reads on until it has it.
    await h.check(STEADY);
    expect(await h.db.announced.get(both.id)).toBeDefined();
    expect(await h.lastNews()).toEqual({ [delta.id]: 1 });
    // Beta's papers that delta's rules cannot claim are marked as heard by the group: the next
    // check weighs nothing again and is one request.
    expect(await h.db.known.get([delta.id, busy[0]!.id])).toBeUndefined();
    expect((await h.db.known.get([beta.id, busy[39]!.id]))?.heard).toBeDefined();
    h.arxiv.requests.length = 0;
    await h.check(STEADY + HOUR);
    expect(h.arxiv.requests).toHaveLength(1);
    expect(await h.lastNews()).toEqual({});
  });

  it('is news for it when it was switched off while the check that read the paper was under way', async () => {
    const { h, delta, beta, both } = await betaFillStoresBoth();
    h.clock.now = STEADY;
    h.gate.holdFrom(0);
    const run = h.engine.requestCheck();
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    await keywordsItem.setValue([{ ...delta, enabled: false }, beta]);
    h.gate.release();
    await run;
    await h.engine.whenIdle();
    // Delta's claim was not recorded, so the group's answer is not marked as heard by it.
    expect((await h.db.known.get([beta.id, both.id]))?.heard).toBeUndefined();
    await h.setKeywords([delta, beta]);
    await h.check(STEADY + HOUR);
    expect(await h.db.announced.get(both.id)).toBeDefined();
    expect(await h.lastNews()).toEqual({ [delta.id]: 1 });
  });

  it("is news for it when it was switched off while arXiv's word on the paper was awaited", async () => {
    const { h, delta, beta, both } = await betaFillStoresBoth();
    // The check reads the paper (beta knew it: delta asks arXiv first), and that request fails.
    h.clock.now = STEADY;
    h.gate.holdFrom(2);
    const run = h.engine.requestCheck();
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    h.arxiv.failures = [{ kind: 'network', message: 'The network is down.' }];
    h.gate.release();
    await run;
    await h.engine.whenIdle();
    expect(Object.keys((await h.db.lookups.get(both.id))?.pending ?? {})).toEqual([delta.id]);
    // Switched off, delta's question is dropped at the next check; switched on again, it is news.
    await h.setKeywords([{ ...delta, enabled: false }, beta]);
    await h.check(STEADY + HOUR);
    expect(await h.db.lookups.get(both.id)).toBeUndefined();
    await h.setKeywords([delta, beta]);
    await h.check(STEADY + 2 * HOUR);
    expect(await h.db.announced.get(both.id)).toBeDefined();
  });

  it('the status line counts the news a check shows: not a paper marked Not interested', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('optics');
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    const fresh = series('optics', 2, '2026-11-18T16:00:00Z', 900);
    // A backup restored before the check had one of them marked Not interested.
    await restorePaperState(h.db, [{ ...fresh[0]!, firstSeenAt: 1, read: 1, saved: 0, hiddenAt: 5 }]);
    h.arxiv.set('optics', [...fresh, ...h.arxiv.corpus.get('optics')!]);
    await h.check(STEADY);
    expect(await h.lastNews()).toEqual({ [kw.id]: 2 });
    expect(h.titles()).toEqual(['1 new paper on arXiv']);
    expect((await checkStatusItem.getValue()).lastNewCount).toBe(1);
  });
});
