import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { storeMatches } from '../../../../lib/db/papers';
import { entry } from '../../helpers';
import { clearDb, renderOptions, storeKeywords } from './render-options';

beforeEach(clearDb);

const HOUR = 3_600_000;

describe('the health of each keyword', () => {
  it('shows last success, problem, papers stored and a fair share of today’s requests', async () => {
    const [alpha, beta] = await storeKeywords('alpha', 'beta');
    const db = getDb();
    const now = Date.now();
    await storeMatches(db, alpha!.id, [entry('2611.00001'), entry('2611.00002')], now);
    await db.keywordStates.bulkPut([
      {
        keywordId: alpha!.id,
        initialized: true,
        lastCheckAt: now - 2 * HOUR,
        lastSuccessAt: now - 2 * HOUR,
        lastTotal: 2,
      },
      {
        keywordId: beta!.id,
        initialized: false,
        lastCheckAt: now,
        lastError: 'arXiv is busy (HTTP 503).',
        lastTotal: 0,
      },
    ]);
    const outcome = (keywordId: string) => ({ keywordId, kind: 'unchanged' as const, newCount: 0, revisedCount: 0 });
    await db.checkLog.bulkAdd([
      // Alpha's first fill on its own, then one combined request for both.
      { startedAt: now - 1_000, finishedAt: now, outcomes: [outcome(alpha!.id)], requests: 1, bytes: 1 },
      {
        startedAt: now - 500,
        finishedAt: now,
        outcomes: [outcome(alpha!.id), outcome(beta!.id)],
        requests: 1,
        bytes: 1,
      },
      // Yesterday does not count.
      { startedAt: now - 48 * HOUR, finishedAt: now - 48 * HOUR, outcomes: [outcome(beta!.id)], requests: 5, bytes: 1 },
    ]);
    await renderOptions();
    const table = screen.getByRole('table');
    await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'alpha' })).toBeTruthy());
    const cells = (label: string) =>
      within(within(table).getByRole('rowheader', { name: label }).closest('tr')!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    await waitFor(() => expect(cells('alpha')).toEqual(['2 hours ago', '2', '≈1.5', 'None']));
    expect(cells('beta')).toEqual(['never succeeded', '0', '≈0.5', 'arXiv is busy (HTTP 503).']);
    expect(screen.getByText(/^Today: 2 requests to arXiv in 2 checks\./)).toBeTruthy();
  });

  it('says a new keyword has not been checked yet', async () => {
    await storeKeywords('alpha');
    await renderOptions();
    const row = (await screen.findByRole('rowheader', { name: 'alpha' })).closest('tr')!;
    await waitFor(() =>
      expect(
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ).toEqual(['not checked yet', '0', '0', 'None']),
    );
  });
});
