import { parseFeed } from './parse-feed';
import type { FeedError, FeedResult } from './types';

/**
 * arXiv's terms of use allow at most one request every 3 seconds. The extra half second keeps
 * us on the right side of that rule as arXiv sees it, whatever timer or network jitter does to
 * the gap between two requests on their way.
 */
export const MIN_SPACING_MS = 3_500;
/** Abort a request after this long; Chrome stops a worker whose fetch takes more than 30 s. */
export const REQUEST_TIMEOUT_MS = 25_000;
/** The longest wait we accept inside one check before giving up and trying at the next check. */
export const MAX_INLINE_WAIT_MS = 20_000;

/** Where the time of the last request is kept, so that a restarted worker cannot burst. */
export interface SpacingStore {
  getLastRequestAt(): Promise<number>;
  setLastRequestAt(time: number): Promise<void>;
  /** The time before which arXiv asked not to be asked again (Retry-After), if kept. */
  getNotBefore?(): Promise<number>;
  setNotBefore?(time: number): Promise<void>;
}

export interface ClientOptions {
  spacing: SpacingStore;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
}

/** What one call cost, for the check log and the benchmark. */
export interface RequestStats {
  requests: number;
  bytes: number;
}

export type ClientResult = FeedResult & { stats: RequestStats };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The one polite client for all arXiv traffic: requests go one at a time, at least 3 s apart
 * (also across worker restarts), each with a timeout, and transient failures are retried with
 * exponential backoff and jitter, honouring Retry-After.
 */
export class ArxivClient {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;

  constructor(private readonly options: ClientOptions) {
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Fetches and parses one feed URL through the shared queue. */
  fetchFeed(url: string): Promise<ClientResult> {
    const run = this.queue.then(() => this.fetchWithRetries(url));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fetchWithRetries(url: string): Promise<ClientResult> {
    const stats: RequestStats = { requests: 0, bytes: 0 };
    let lastError: FeedError = { kind: 'network', message: 'No request was made.' };
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const result = await this.fetchOnce(url, stats);
      if (result.ok || !isTransient(result.error)) return { ...result, stats };
      lastError = result.error;
      if (attempt === this.maxAttempts - 1) break;
      // Exponential backoff with full jitter, at least what arXiv asked for.
      const backoff = 2_000 * 2 ** attempt * (0.5 + this.random());
      const wait = Math.max(backoff, result.error.retryAfterMs ?? 0);
      if (wait > MAX_INLINE_WAIT_MS) break;
      await this.sleep(wait);
    }
    return { ok: false, error: lastError, stats };
  }

  /**
   * Waits for this request's turn. Returns an error instead when arXiv asked (through
   * Retry-After) not to be asked again for longer than we are willing to wait here: no request
   * is sent until then, whatever asks for one (a scheduled check or a click).
   */
  private async waitForSlot(): Promise<FeedError | undefined> {
    const notBefore = (await this.options.spacing.getNotBefore?.()) ?? 0;
    const pause = notBefore - this.now();
    if (pause > MAX_INLINE_WAIT_MS) {
      const at = new Date(notBefore).toISOString().slice(11, 16);
      return {
        kind: 'rate-limited',
        retryAfterMs: pause,
        message: `arXiv asked us to wait until ${at} UTC; no request was sent before then.`,
      };
    }
    if (pause > 0) await this.sleep(pause);
    const last = await this.options.spacing.getLastRequestAt();
    const wait = last + MIN_SPACING_MS - this.now();
    // A clock that jumped backwards must not block forever.
    if (wait > 0) await this.sleep(Math.min(wait, MIN_SPACING_MS));
    await this.options.spacing.setLastRequestAt(this.now());
    return undefined;
  }

  private async fetchOnce(url: string, stats: RequestStats): Promise<FeedResult> {
    const refused = await this.waitForSlot();
    if (refused) return { ok: false, error: refused };
    stats.requests++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await this.fetchImpl(url, { signal: controller.signal });
      const body = await response.text();
      stats.bytes += new TextEncoder().encode(body).length;
      if (response.status === 429 || response.status === 503) {
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.now());
        if (retryAfterMs !== undefined) await this.options.spacing.setNotBefore?.(this.now() + retryAfterMs);
        const seconds = retryAfterMs === undefined ? '' : ` and asked us to wait ${Math.ceil(retryAfterMs / 1000)} s`;
        return {
          ok: false,
          error: {
            kind: response.status === 429 ? 'rate-limited' : 'http',
            status: response.status,
            retryAfterMs,
            message: `arXiv is busy (HTTP ${response.status})${seconds}.`,
          },
        };
      }
      const parsed = parseFeed(body);
      // arXiv's error feed comes with HTTP 400 (or 200): report arXiv's own words first.
      if (!parsed.ok && parsed.error.kind === 'api-error') return parsed;
      if (!response.ok) {
        return {
          ok: false,
          error: { kind: 'http', status: response.status, message: `arXiv answered with HTTP ${response.status}.` },
        };
      }
      return parsed;
    } catch (error) {
      if (controller.signal.aborted) {
        return {
          ok: false,
          error: { kind: 'timeout', message: `arXiv did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.` },
        };
      }
      return { ok: false, error: { kind: 'network', message: `Could not reach arXiv (${describe(error)}).` } };
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Failures worth another try in a moment. A bad query or a broken body is not retried at once,
 * and neither is a timeout: a stalled arXiv is overloaded, and the next check comes soon enough.
 */
function isTransient(error: FeedError): boolean {
  if (error.kind === 'network' || error.kind === 'rate-limited') return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 500;
}
