import type { ArxivClient } from '../arxiv/client';
import { buildKeywordQuery } from '../arxiv/keyword-query';
import { searchUrl } from '../arxiv/query';
import { onMessage, type KeywordQueryFields, type PreviewResult } from '../messaging/protocol';
import { getClient } from './engine';

/** Papers shown by the options page's "Test". */
export const PREVIEW_SIZE = 5;

/**
 * arXiv's results change at most once a day: a definition tested again within this time is
 * answered from memory instead of asking arXiv again.
 */
export const PREVIEW_CACHE_MS = 15 * 60_000;

/**
 * The count and newest papers for a keyword definition. A definition that cannot be queried gets
 * the same message as the editor shows; a query arXiv rejects gets arXiv's own words.
 */
export async function previewKeyword(
  fields: KeywordQueryFields,
  client: Pick<ArxivClient, 'fetchFeed'>,
): Promise<PreviewResult> {
  const built = buildKeywordQuery(fields);
  if (!built.ok) return { ok: false, message: built.message };
  const result = await client.fetchFeed(searchUrl(built.query, { maxResults: PREVIEW_SIZE }));
  if (!result.ok) return { ok: false, message: result.error.message };
  return { ok: true, total: result.feed.totalResults, papers: result.feed.entries.slice(0, PREVIEW_SIZE) };
}

/** `previewKeyword` with a short memory of successful answers, keyed by the query sent. */
export function createPreviewer(client: Pick<ArxivClient, 'fetchFeed'>, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; result: PreviewResult }>();
  return async (fields: KeywordQueryFields): Promise<PreviewResult> => {
    const built = buildKeywordQuery(fields);
    const key = built.ok ? built.query : undefined;
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit && now() - hit.at < PREVIEW_CACHE_MS) return hit.result;
    const result = await previewKeyword(fields, client);
    // Failures are not remembered: arXiv may be back in a minute.
    if (key !== undefined && result.ok) cache.set(key, { at: now(), result });
    return result;
  };
}

/** Answers the options page's "Test" through the worker's one polite arXiv client. */
export function setupPreviewRequests(): void {
  let preview: ReturnType<typeof createPreviewer> | undefined;
  onMessage('previewKeyword', ({ data }) => {
    preview ??= createPreviewer(getClient());
    return preview(data);
  });
}
