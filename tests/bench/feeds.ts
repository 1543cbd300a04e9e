import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = readFileSync(
  fileURLToPath(new URL('../fixtures/arxiv/current-query-testing-10.xml', import.meta.url)),
  'utf8',
);
const head = fixture.slice(0, fixture.indexOf('<entry>'));
const templates = fixture.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];

export interface FeedEntry {
  published: string;
  xml: string;
}

/**
 * `count` real recorded entries, each with a distinct id (from `base`), the topic in its title,
 * and a submission time `minutesApart` minutes apart, newest first, from `newest` on.
 */
export function recordedEntries(
  count: number,
  topic = 'testing',
  base = 0,
  minutesApart = 1,
  newest = Date.parse('2026-11-17T12:00:00Z') - base * minutesApart * 60_000,
): FeedEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `2611.${String(base + i).padStart(5, '0')}`;
    const published = new Date(newest - i * minutesApart * 60_000).toISOString().replace('.000Z', 'Z');
    const xml = templates[i % templates.length]!.replace(
      /<id>http:\/\/arxiv\.org\/abs\/[^<]+<\/id>/,
      `<id>http://arxiv.org/abs/${id}v1</id>`,
    )
      .replace(/<title>/, `<title>${topic}: `)
      .replace(/<published>[^<]+<\/published>/, `<published>${published}</published>`);
    return { published, xml };
  });
}

/** An Atom feed around the given entries (arXiv's current format). */
export function feedOf(entries: readonly FeedEntry[], total = entries.length): string {
  const top = head.replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${total}`);
  return `${top}${entries.map((e) => e.xml).join('\n')}\n</feed>\n`;
}

/** A feed of `count` recorded entries on one topic. */
export function recordedFeed(count: number, topic = 'testing'): string {
  return feedOf(recordedEntries(count, topic));
}
