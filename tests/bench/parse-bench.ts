import { parseFeed } from '../../lib/arxiv/parse-feed';
import { recordedFeed } from './feeds';
import { median } from './table';

/** Median time to parse a feed of `entries` entries, in ms. */
export function parseTime(entries: number, runs: number): number {
  const body = recordedFeed(entries);
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const result = parseFeed(body);
    const elapsed = performance.now() - start;
    if (!result.ok || result.feed.entries.length !== entries) throw new Error('parse bench: wrong result');
    if (i > 0) times.push(elapsed); // the first run warms the JIT up
  }
  return median(times);
}
