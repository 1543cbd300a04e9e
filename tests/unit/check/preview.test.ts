import { describe, expect, it, vi } from 'vitest';
import type { ClientResult } from '../../../lib/arxiv/client';
import { parseFeed } from '../../../lib/arxiv/parse-feed';
import { createPreviewer, PREVIEW_CACHE_MS, previewKeyword } from '../../../lib/check/preview';
import type { KeywordQueryFields } from '../../../lib/messaging/protocol';
import { fixture } from '../fixtures';

const fields: KeywordQueryFields = {
  terms: [{ text: 'testing', mode: 'phrase' }],
  field: 'title',
  categories: ['cs.se'],
  exclude: ['survey'],
};

/** A client answering every request with a recorded arXiv response. */
function clientServing(body: string) {
  const parsed = parseFeed(body);
  const result: ClientResult = { ...parsed, stats: { requests: 1, bytes: body.length } };
  return { fetchFeed: vi.fn<(url: string) => Promise<ClientResult>>(async () => result) };
}

describe('previewKeyword', () => {
  it('asks arXiv for the five newest papers of the keyword’s query and reports the total', async () => {
    const client = clientServing(fixture('current-query-testing-10.xml'));
    const result = await previewKeyword(fields, client);
    expect(client.fetchFeed).toHaveBeenCalledOnce();
    const url = new URL(client.fetchFeed.mock.calls[0]![0]);
    expect(url.origin + url.pathname).toBe('https://export.arxiv.org/api/query');
    expect(url.searchParams.get('search_query')).toBe('ti:"testing" AND cat:cs.SE ANDNOT ti:"survey"');
    expect(url.searchParams.get('max_results')).toBe('5');
    expect(url.searchParams.get('sortBy')).toBe('submittedDate');
    expect(url.searchParams.get('sortOrder')).toBe('descending');
    if (!result.ok) throw new Error(result.message);
    expect(result.total).toBe(214881);
    // The recorded answer holds ten entries; the preview shows five, newest first as arXiv sent them.
    expect(result.papers.map((paper) => paper.id)).toHaveLength(5);
    expect(result.papers[0]?.title).toBe(
      'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
    );
  });

  it('gives arXiv’s own words when arXiv rejects the query', async () => {
    const result = await previewKeyword(fields, clientServing(fixture('current-error-400-bad-id.xml')));
    expect(result).toEqual({ ok: false, message: 'arXiv rejected the query: incorrect id format for abc.' });
  });

  it('reports the client’s failure as it is worded', async () => {
    const client = {
      fetchFeed: vi.fn(async (): Promise<ClientResult> => ({
        ok: false,
        error: { kind: 'rate-limited', status: 429, message: 'arXiv is busy (HTTP 429) and asked us to wait 60 s.' },
        stats: { requests: 3, bytes: 0 },
      })),
    };
    expect(await previewKeyword(fields, client)).toEqual({
      ok: false,
      message: 'arXiv is busy (HTTP 429) and asked us to wait 60 s.',
    });
  });

  it('never sends a definition that cannot be queried', async () => {
    const client = clientServing(fixture('current-query-testing-10.xml'));
    expect(await previewKeyword({ ...fields, categories: ['computer science'] }, client)).toEqual({
      ok: false,
      message: '"computer science" is not an arXiv category: write it like cs.CL, math.CA or hep-th.',
    });
    expect(await previewKeyword({ ...fields, rawQuery: 'ti:(a b)' }, client)).toMatchObject({ ok: false });
    expect(client.fetchFeed).not.toHaveBeenCalled();
  });
});

describe('createPreviewer', () => {
  it('answers the same query again from memory for a while, then asks arXiv again', async () => {
    let now = 1_000_000;
    const client = clientServing(fixture('current-query-testing-10.xml'));
    const preview = createPreviewer(client, () => now);
    const first = await preview(fields);
    // Written differently, the same query: no second request.
    expect(await preview({ ...fields, categories: ['CS.SE'] })).toEqual(first);
    expect(client.fetchFeed).toHaveBeenCalledOnce();
    await preview({ ...fields, exclude: [] });
    expect(client.fetchFeed).toHaveBeenCalledTimes(2);
    now += PREVIEW_CACHE_MS;
    await preview(fields);
    expect(client.fetchFeed).toHaveBeenCalledTimes(3);
  });

  it('does not remember failures', async () => {
    const client = clientServing(fixture('current-error-400-bad-id.xml'));
    const preview = createPreviewer(client, () => 0);
    await preview(fields);
    await preview(fields);
    expect(client.fetchFeed).toHaveBeenCalledTimes(2);
  });
});
