import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKeyword } from '../../lib/keywords/keyword';
import { PopupPage } from './pages/popup';
import type { StandInReply } from './support/arxiv-stand-in';
import { badgeText, launchExtension, notificationIds, type ExtensionSession } from './support/extension';
import { seedKeywords, storedPapers, updatePaper, waitForIdleCheck, type StoredPaper } from './support/seed';

const fixtures = resolve(__dirname, '../fixtures/arxiv');
const feed = readFileSync(join(fixtures, 'current-query-testing-10.xml'), 'utf8');
const errorFeed = readFileSync(join(fixtures, 'current-error-400-bad-id.xml'), 'utf8');
const withNewPaper = feed.replace(
  '<entry>',
  `<entry>
    <id>http://arxiv.org/abs/2611.04321v1</id>
    <title>Testing after the storm</title>
    <updated>2026-11-21T18:00:00Z</updated>
    <summary>Recovered.</summary>
    <published>2026-11-21T18:00:00Z</published>
    <author><name>Ada Lovelace</name></author>
  </entry>
  <entry>`,
);

/** Each way arXiv fails, and the plain words the popup must show for it. */
const drills: Array<{ name: string; reply: StandInReply; says: RegExp }> = [
  { name: 'HTTP 503', reply: { status: 503, body: 'Service Unavailable' }, says: /arXiv is busy \(HTTP 503\)/ },
  {
    name: '429 with Retry-After',
    reply: { status: 429, body: 'Too Many Requests', headers: { 'Retry-After': '8' } },
    says: /arXiv is busy \(HTTP 429\) and asked us to wait 8 s/,
  },
  { name: 'truncated XML', reply: { body: feed.slice(0, feed.length / 2) }, says: /cut off or is not valid XML/ },
  {
    name: 'an HTML maintenance page with status 200',
    reply: { body: '<!DOCTYPE html><html><body>arXiv is being upgraded</body></html>', contentType: 'text/html' },
    says: /web page instead of results/,
  },
  {
    name: 'a spurious empty result',
    reply: { body: readFileSync(join(fixtures, 'current-empty-0-results.xml'), 'utf8') },
    says: /empty list/,
  },
  { name: 'a connection reset', reply: 'reset', says: /Could not reach arXiv/ },
  { name: 'a response that stalls past the timeout', reply: 'stall', says: /did not answer within 25 s/ },
  {
    name: 'an error feed',
    reply: { status: 400, body: errorFeed },
    says: /arXiv rejected the query: incorrect id format/,
  },
];

describe('failure drills: arXiv misbehaves, nothing stored changes, the popup explains', () => {
  let session: ExtensionSession;
  let popup: PopupPage;
  let baseline: StoredPaper[];

  beforeAll(async () => {
    session = await launchExtension();
    session.arxiv.serve({ body: feed });
    const start = Date.now();
    await seedKeywords(session, [createKeyword('testing')]);
    await waitForIdleCheck(session, start);
    await updatePaper(session, '2202.12139', { read: 1 });
    await updatePaper(session, '2503.05378', { saved: 1 });
    baseline = await storedPapers(session);
    expect(baseline).toHaveLength(10);
    popup = await PopupPage.open(session);
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  for (const drill of drills) {
    it(`survives ${drill.name}`, { timeout: 90_000 }, async () => {
      session.arxiv.serve(drill.reply);
      const first = session.arxiv.requests.length;
      await popup.checkNow(60_000);
      expect(await storedPapers(session)).toEqual(baseline);
      expect(await notificationIds(session)).toEqual([]);
      expect(await badgeText(session)).toBe('9');
      await popup.page.getByText(drill.says).first().waitFor();

      // The next check recovers and the explanation goes away.
      session.arxiv.serve({ body: feed });
      await popup.checkNow();
      await vi.waitFor(async () => expect(await popup.page.getByText(drill.says).count()).toBe(0));
      expect(await storedPapers(session)).toEqual(baseline);
      const retryAfter = typeof drill.reply === 'object' ? Number(drill.reply.headers?.['Retry-After'] ?? 0) : 0;
      const sent = session.arxiv.requests.slice(first).map((r) => r.at);
      // Nothing was sent before the time arXiv asked for, not even the recovering check.
      for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(retryAfter * 1000);
    });
  }

  it('announces a real new paper once arXiv is well again', async () => {
    session.arxiv.serve({ body: withNewPaper });
    await popup.checkNow();
    await expect.poll(() => notificationIds(session)).toHaveLength(1);
    expect(await badgeText(session)).toBe('10');
    expect((await storedPapers(session)).filter((p) => p.saved === 1).map((p) => p.id)).toEqual(['2503.05378']);
  });

  it('never sent two arXiv requests closer than 3 s', () => {
    expect(session.arxiv.requests.length).toBeGreaterThan(drills.length * 2);
    expect(session.arxiv.smallestGapMs(), session.arxiv.closestPair()).toBeGreaterThanOrEqual(3_000);
  });
});
