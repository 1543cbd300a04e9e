import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
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

/** What a tab opened on arxiv.org (an abstract or a PDF) gets instead of the network. */
const ABSTRACT_PAGE = '<title>arXiv stand-in</title><p>Abstract page</p>';

/**
 * A local stand-in for export.arxiv.org: every request the extension makes to arXiv is answered
 * here (nothing reaches the network), and the time and query of each request are recorded.
 * Chromium's requests are intercepted by Playwright; Firefox, which has no such hook for an
 * extension's background, is routed to a local HTTPS server (see `listen`).
 */
export class ArxivStandIn {
  readonly requests: Array<{ at: number; url: string; query: string }> = [];
  /**
   * Requests Firefox's network layer repeated by itself after a reset connection (it retries a
   * request that got no answer byte, up to ten times within a fraction of a second). They are the
   * same fetch of the extension, so they are kept apart from `requests` and its spacing.
   */
  readonly transparentRetries: Array<{ at: number; url: string }> = [];
  private lastReset?: { at: number; url: string };
  private answer: Responder = () => ({ status: 503, body: 'no answer configured' });
  private server?: Server;
  private readonly sockets = new Set<Socket>();

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

  /** The two consecutive requests closest together, in words (for a failing spacing test). */
  closestPair(): string {
    let best = 0;
    for (let i = 2; i < this.requests.length; i++) {
      const gap = (k: number) => this.requests[k]!.at - this.requests[k - 1]!.at;
      if (gap(i) < gap(best || 1)) best = i;
    }
    if (this.requests.length < 2) return 'fewer than two requests';
    const index = best || 1;
    const [a, b] = [this.requests[index - 1]!, this.requests[index]!];
    return `requests ${index} and ${index + 1} of ${this.requests.length}, ${b.at - a.at} ms apart: ${a.url} then ${b.url}`;
  }

  private record(url: URL, at = Date.now()): Promise<StandInReply> {
    this.requests.push({ at, url: url.toString(), query: url.searchParams.get('search_query') ?? '' });
    return Promise.resolve(this.answer(url));
  }

  /** Chromium: intercepts the extension's requests inside the browser. */
  async attach(context: BrowserContext): Promise<void> {
    await context.route('https://export.arxiv.org/**', (route) => this.handle(route));
    await context.route('https://arxiv.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: ABSTRACT_PAGE }),
    );
  }

  private async handle(route: Route): Promise<void> {
    const reply = await this.record(new URL(route.request().url()));
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

  /**
   * Firefox: an HTTPS server on 127.0.0.1 (the browser resolves every host here). Hosts other
   * than arXiv's (Firefox's own background traffic) get a 404 and are not recorded.
   */
  async listen(): Promise<number> {
    const tls = new URL('./tls/', import.meta.url);
    const opened = new Map<number, number>(); // remote port → when the connection opened
    const server = createServer(
      { key: readFileSync(new URL('key.pem', tls)), cert: readFileSync(new URL('cert.pem', tls)) },
      (request, response) => {
        const host = (request.headers.host ?? '').replace(/:\d+$/, '');
        const url = new URL(request.url ?? '/', `https://${host}`);
        if (host === 'arxiv.org') {
          response.writeHead(200, { 'content-type': 'text/html' }).end(ABSTRACT_PAGE);
          return;
        }
        if (host !== 'export.arxiv.org') {
          response.writeHead(404).end();
          return;
        }
        const now = Date.now();
        if (this.lastReset?.url === url.toString() && now - this.lastReset.at < 1_000) {
          this.transparentRetries.push({ at: now, url: url.toString() });
          this.lastReset.at = now;
          request.socket.destroy();
          return;
        }
        // When the browser sent it: a request on a new connection left before the TCP and TLS
        // handshakes, which on two busy cores can take hundreds of milliseconds; counting from its
        // arrival would report a gap shorter than the one the extension kept. (Only a connection
        // opened just before counts, so that an early idle connection cannot hide a short gap.)
        const connectedAt = opened.get(request.socket.remotePort ?? -1);
        opened.delete(request.socket.remotePort ?? -1);
        const sentAt = connectedAt !== undefined && now - connectedAt < 1_000 ? connectedAt : now;
        void this.record(url, sentAt).then((reply) => {
          if (reply === 'stall') return;
          if (reply === 'reset') {
            this.lastReset = { at: Date.now(), url: url.toString() };
            request.socket.destroy();
            return;
          }
          response
            .writeHead(reply.status ?? 200, {
              'content-type': reply.contentType ?? 'application/atom+xml; charset=utf-8',
              // As arXiv does: the extension's pages and worker read the answer cross-origin.
              'access-control-allow-origin': '*',
              ...reply.headers,
            })
            .end(reply.body);
        });
      },
    );
    server.on('connection', (socket: Socket) => {
      opened.set(socket.remotePort ?? -1, Date.now());
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return (server.address() as { port: number }).port;
  }

  /** Stops the HTTPS server, dropping stalled connections. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
