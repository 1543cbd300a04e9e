import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKeyword } from '../../lib/keywords/keyword';
import { atomFeed, entry } from '../unit/helpers';
import { badgeText, launchExtension, notificationIds, type ExtensionSession } from './support/extension';
import type { StandInReply } from './support/arxiv-stand-in';
import { seedKeywords, waitForIdleCheck } from './support/seed';

// Three keywords: an advanced one (checked on its own) and two that share one combined query.
const raw = { ...createKeyword('Testing titles'), terms: [], rawQuery: 'ti:"testing"' };
const software = createKeyword('software testing');
const model = createKeyword('model testing');

const old = {
  raw: [entry('2611.00001', { title: 'Testing A', published: '2026-11-10T10:00:00Z' })],
  software: [entry('2611.00002', { title: 'On software testing', published: '2026-11-10T10:00:00Z' })],
  model: [entry('2611.00003', { title: 'On model testing', published: '2026-11-10T10:00:00Z' })],
};
const fresh = {
  raw: entry('2611.00011', { title: 'Testing B', published: '2026-11-21T10:00:00Z' }),
  software: entry('2611.00012', { title: 'Better software testing', published: '2026-11-21T10:00:00Z' }),
};

describe('a check interrupted by the browser stopping the background', () => {
  let session: ExtensionSession;
  let papers = old;
  let extra: { raw: typeof old.raw; software: typeof old.software } = { raw: [], software: [] };
  let stallCombined = false;

  function respond(url: URL): StandInReply {
    const query = url.searchParams.get('search_query') ?? '';
    const combined = query.includes('software testing') && query.includes('model testing');
    if (combined && stallCombined) return 'stall';
    const list = [];
    if (query === 'ti:"testing"' || query.startsWith('(ti:"testing") AND')) list.push(...extra.raw, ...papers.raw);
    if (query.includes('"software testing"')) list.push(...extra.software, ...papers.software);
    if (query.includes('"model testing"')) list.push(...papers.model);
    return { body: atomFeed(list) };
  }

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve(respond);
    const start = Date.now();
    await seedKeywords(session, [raw, software, model]);
    // The worker fills each new keyword with its own first request.
    await waitForIdleCheck(session, start);
    await vi.waitFor(async () => expect(await badgeText(session)).toBe('3'), { timeout: 20_000 });
    papers = old;
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('resumes after a restart, without repeating finished steps, with exactly one notification', async () => {
    extra = { raw: [fresh.raw], software: [fresh.software] };
    stallCombined = true;
    const popup = await session.openPage('popup.html');
    const before = session.arxiv.requests.length;
    await popup.getByRole('button', { name: 'Check now' }).click();
    // The advanced keyword's step is answered and stored; the combined step hangs…
    await expect.poll(() => session.arxiv.requests.length, { timeout: 20_000 }).toBe(before + 2);
    expect(session.arxiv.requests[before]!.query).toMatch(/^\(ti:"testing"\) AND submittedDate:\[\d{12} TO \d{12}\]$/);
    // …and the browser stops the background, as it does when it is idle.
    await session.stopBackground();
    expect(await notificationIds(session)).toEqual([]);

    stallCombined = false;
    const restartedAt = Date.now();
    // Any event starts a fresh background; it finds the unfinished check and completes it.
    await popup.evaluate(() => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.runtime.sendMessage({ ping: true }).catch(() => undefined);
    });
    await waitForIdleCheck(session, restartedAt);
    const afterRestart = session.arxiv.requests.slice(before + 2).map((r) => r.query);
    expect(afterRestart).toEqual([
      expect.stringMatching(
        /^\(\(\(ti:"software testing" OR abs:"software testing"\)\) OR \(\(ti:"model testing" OR abs:"model testing"\)\)\) AND submittedDate:/,
      ),
    ]);
    await expect.poll(() => notificationIds(session)).toHaveLength(1);
    await expect.poll(() => badgeText(session)).toBe('5');
    await popup.close();
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    // Three first fills, the advanced keyword's step, the stalled combined step and its resumption.
    expect(session.arxiv.requests.length).toBeGreaterThanOrEqual(6);
    expect(session.arxiv.smallestGapMs(), session.arxiv.closestPair()).toBeGreaterThanOrEqual(3_000);
  });
});
