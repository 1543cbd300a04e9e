import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { hidePapers } from '../../../../lib/db/labels';
import { readRankingModel, readRankingStatus } from '../../../../lib/db/ranking';
import { setSaved, storeMatches } from '../../../../lib/db/papers';
import { sendMessage } from '../../../../lib/messaging/protocol';
import { runRanking } from '../../../../lib/ranking/ranking-job';
import { entry } from '../../helpers';
import { clearDb, renderOptions, storeKeywords } from './render-options';

vi.mock('../../../../lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async () => undefined),
  onMessage: vi.fn(),
}));

beforeEach(clearDb);

const TEXTS = [
  'graph message passing',
  'graph neural networks',
  'graph molecules',
  'quantum codes',
  'quantum decoders',
];

async function trained() {
  const [k] = await storeKeywords('learning');
  const db = getDb();
  await storeMatches(
    db,
    k!.id,
    TEXTS.map((text, i) => entry(`2611.0000${i + 1}`, { title: text, summary: `We study ${text}.` })),
    1,
  );
  for (const id of ['2611.00001', '2611.00002', '2611.00003']) await setSaved(db, id, true, 10);
  await hidePapers(db, ['2611.00004'], 20);
  expect(await runRanking(db, 30)).toBe('trained');
}

describe('Personalisation in the options page', () => {
  it('says what the ranking learned from, and a confirmed reset forgets it while papers stay saved and hidden', async () => {
    await trained();
    const { user } = await renderOptions();
    await screen.findByText(
      /^For you learns from the 3 papers you saved and the 1 paper you marked Not interested, in this browser only\./,
    );
    // Cancel changes nothing and puts the keyboard back on the button that asked.
    await user.click(screen.getByRole('button', { name: 'Reset personalisation…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /Forget what For you has learned/ })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset personalisation…' })),
    );
    expect(await readRankingModel(getDb())).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Reset personalisation…' }));
    const confirm = within(screen.getByRole('group', { name: /Forget what For you has learned/ }));
    expect(document.activeElement).toBe(confirm.getByRole('button', { name: 'Cancel' }));
    await user.click(confirm.getByRole('button', { name: 'Reset personalisation' }));
    await screen.findByText(/Personalisation was reset/);
    await screen.findByText('For you starts ranking once you have saved 3 papers (0 so far).');

    const db = getDb();
    expect(await readRankingModel(db)).toBeUndefined();
    expect(await db.papers.filter((p) => p.score !== undefined).count()).toBe(0);
    expect((await readRankingStatus(db)).resetAt).toBeGreaterThan(0);
    // Nothing the user kept is touched; the worker is told to start over.
    expect(await db.papers.where('saved').equals(1).count()).toBe(3);
    expect((await db.papers.get('2611.00004'))?.hiddenAt).toBe(20);
    expect(vi.mocked(sendMessage)).toHaveBeenCalledWith('labelsChanged');
    // The labels given before the reset no longer count: the next training has nothing to learn from.
    expect(await runRanking(db)).toBe('cold');
    expect(await readRankingStatus(db)).toMatchObject({ positives: 0, negatives: 0 });
  });
});
