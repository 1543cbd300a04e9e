import type { BrowserContext, Route } from 'playwright-core';

export interface StandInAnswer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
  contentType?: string;
}

/** An answer, or a broken connection: `reset` drops it, `stall` never answers. */
export type StandInReply = StandInAnswer | 'reset' | 'stall';
type Responder = (url: URL) => StandInReply | Promise<StandInReply>;

/**
 * A local stand-in for export.arxiv.org: every request the extension makes to arXiv is answered
 * here (nothing reaches the network), and the time and query of each request are recorded.
 */
export class ArxivStandIn {
  readonly requests: Array<{ at: number; url: string; query: string }> = [];
  private answer: Responder = () => ({ status: 503, body: 'no answer configured' });

  /** Serves the same answer to every request from now on (or one computed per request). */
  serve(answer: StandInReply | Responder): void {
    this.answer = typeof answer === 'function' ? answer : () => answer;
  }

  /** Smallest gap between two consecutive requests, in ms (Infinity with fewer than two). */
  smallestGapMs(): number {
    let gap = Infinity;
    for (let i = 1; i < this.requests.length; i++) {
      gap = Math.min(gap, this.requests[i]!.at - this.requests[i - 1]!.at);
    }
    return gap;
  }

  async attach(context: BrowserContext): Promise<void> {
    await context.route('https://export.arxiv.org/**', (route) => this.handle(route));
    // Abstract and PDF pages opened from the popup: a tiny local page instead of the network.
    await context.route('https://arxiv.org/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>arXiv stand-in</title><p>Abstract page</p>',
      }),
    );
  }

  private async handle(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    this.requests.push({ at: Date.now(), url: url.toString(), query: url.searchParams.get('search_query') ?? '' });
    const reply = await this.answer(url);
    if (reply === 'stall') return; // never answered: the extension must give up by itself
    if (reply === 'reset') {
      await route.abort('connectionreset');
      return;
    }
    await route
      .fulfill({
        status: reply.status ?? 200,
        contentType: reply.contentType ?? 'application/atom+xml; charset=utf-8',
        headers: reply.headers,
        body: reply.body,
      })
      .catch(() => undefined); // the request may have been aborted meanwhile
  }
}
