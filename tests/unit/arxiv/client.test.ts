import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArxivClient, MIN_SPACING_MS, parseRetryAfter, type SpacingStore } from '../../../lib/arxiv/client';
import { fixture } from '../fixtures';

/** A virtual clock: sleeping advances it, so spacing and backoff are measured without waiting. */
function virtualTime(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

function memorySpacing(initial = 0): SpacingStore & { value: number } {
  return {
    value: initial,
    async getLastRequestAt() {
      return this.value;
    },
    async setLastRequestAt(time: number) {
      this.value = time;
    },
  };
}

const feedBody = fixture('current-query-testing-10.xml');
const ok = () => new Response(feedBody, { status: 200, headers: { 'Content-Type': 'application/atom+xml' } });

function makeClient(responses: Array<() => Response | Promise<Response>>, spacing = memorySpacing()) {
  const time = virtualTime();
  const sentAt: number[] = [];
  const fetchMock = vi.fn(async () => {
    sentAt.push(time.now());
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  });
  const client = new ArxivClient({
    spacing,
    fetch: fetchMock as unknown as typeof fetch,
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
  });
  return { client, time, sentAt, fetchMock, spacing };
}

describe('ArxivClient spacing', () => {
  it('sends requests one at a time, at least 3 s apart', async () => {
    const { client, sentAt } = makeClient([ok, ok, ok]);
    const results = await Promise.all([client.fetchFeed('u1'), client.fetchFeed('u2'), client.fetchFeed('u3')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sentAt).toHaveLength(3);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(MIN_SPACING_MS);
    expect(sentAt[2]! - sentAt[1]!).toBeGreaterThanOrEqual(MIN_SPACING_MS);
  });

  it('keeps the spacing across a restart (a new client reading the stored time)', async () => {
    const spacing = memorySpacing();
    const first = makeClient([ok], spacing);
    await first.client.fetchFeed('u1');
    // A restarted worker: fresh client, same stored time, 1 s later.
    const second = makeClient([ok], spacing);
    const restartedAt = spacing.value + 1_000;
    second.time.advance(restartedAt - second.time.now());
    await second.client.fetchFeed('u2');
    expect(second.sentAt[0]! - first.sentAt[0]!).toBeGreaterThanOrEqual(MIN_SPACING_MS);
  });

  it('counts requests and bytes', async () => {
    const { client } = makeClient([ok]);
    const result = await client.fetchFeed('u');
    expect(result.stats.requests).toBe(1);
    expect(result.stats.bytes).toBe(new TextEncoder().encode(feedBody).length);
  });
});

describe('ArxivClient retries', () => {
  it('retries a 503 with backoff and succeeds', async () => {
    const { client, fetchMock, time } = makeClient([() => new Response('busy', { status: 503 }), ok]);
    const result = await client.fetchFeed('u');
    expect(result.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(result.stats.requests).toBe(2);
    expect(time.sleeps.some((ms) => ms >= 2_000)).toBe(true);
  });

  it('honours Retry-After on 429', async () => {
    const { client, sentAt } = makeClient([
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '12' } }),
      ok,
    ]);
    const result = await client.fetchFeed('u');
    expect(result.ok).toBe(true);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(12_000);
  });

  it('gives up at once with a readable error when arXiv asks for a long pause', async () => {
    const { client, fetchMock } = makeClient([
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '600' } }),
    ]);
    const result = await client.fetchFeed('u');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAfterMs: 600_000,
        message: 'arXiv is busy (HTTP 429) and asked us to wait 600 s.',
      },
    });
  });

  it('gives up after three network errors', async () => {
    const reset = () => Promise.reject(new TypeError('Failed to fetch'));
    const { client, fetchMock } = makeClient([reset, reset, reset]);
    const result = await client.fetchFeed('u');
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', message: 'Could not reach arXiv (Failed to fetch).' },
    });
  });

  it("reports arXiv's error feed without retrying, whatever the status", async () => {
    const { client, fetchMock } = makeClient([
      () => new Response(fixture('current-error-400-bad-id.xml'), { status: 400 }),
    ]);
    const result = await client.fetchFeed('u');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ ok: false, error: { kind: 'api-error' } });
  });

  it('does not take an HTML maintenance page for results', async () => {
    const { client } = makeClient([
      () => new Response('<!DOCTYPE html><html><body>Maintenance</body></html>', { status: 200 }),
    ]);
    expect(await client.fetchFeed('u')).toMatchObject({ ok: false, error: { kind: 'not-a-feed' } });
  });
});

describe('ArxivClient and Retry-After across checks', () => {
  it('sends nothing until the time arXiv asked for, whoever asks', async () => {
    let notBefore = 0;
    const spacing = {
      ...memorySpacing(),
      getNotBefore: async () => notBefore,
      setNotBefore: async (t: number) => void (notBefore = t),
    };
    const first = makeClient(
      [() => new Response('slow down', { status: 429, headers: { 'Retry-After': '600' } })],
      spacing,
    );
    await first.client.fetchFeed('u');
    expect(notBefore).toBe(first.sentAt[0]! + 600_000);
    // A click a minute later: refused without a request.
    const click = makeClient([ok], spacing);
    click.time.advance(first.sentAt[0]! + 60_000 - click.time.now());
    const refused = await click.client.fetchFeed('u');
    expect(click.fetchMock).not.toHaveBeenCalled();
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 540_000 } });
    // Ten seconds before the time: it waits them out, then asks.
    click.time.advance(530_000);
    expect((await click.client.fetchFeed('u')).ok).toBe(true);
    expect(click.sentAt[0]).toBeGreaterThanOrEqual(notBefore);
  });
});

describe('ArxivClient timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts a stalled request after 25 s and leaves the retry to the next check', async () => {
    vi.useFakeTimers();
    const stalled = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const client = new ArxivClient({
      spacing: memorySpacing(),
      fetch: stalled as unknown as typeof fetch,
      sleep: async () => {},
    });
    const pending = client.fetchFeed('u');
    await vi.advanceTimersByTimeAsync(24_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: 'arXiv did not answer within 25 s.' },
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', 0)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
