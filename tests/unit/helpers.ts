import type { ArxivEntry } from '../../lib/arxiv/types';
import { AppDB } from '../../lib/db/app-db';

let counter = 0;

/** A fresh, empty database on fake-indexeddb. */
export function freshDb(): AppDB {
  counter++;
  return new AppDB(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** A plausible feed entry. */
export function entry(id: string, overrides: Partial<ArxivEntry> = {}): ArxivEntry {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    summary: `Abstract of ${id}`,
    authors: [{ name: 'Ada Lovelace', affiliations: [] }],
    published: '2026-11-20T10:00:00Z',
    updated: '2026-11-20T10:00:00Z',
    categories: ['cs.LG'],
    primaryCategory: 'cs.LG',
    ...overrides,
  };
}

/** An Atom feed body for entries, in arXiv's current format. */
export function atomFeed(entries: readonly ArxivEntry[], totalResults = entries.length): string {
  const items = entries
    .map(
      (e) => `<entry>
    <id>http://arxiv.org/abs/${e.id}v${e.version}</id>
    <title>${escapeXml(e.title)}</title>
    <updated>${e.updated}</updated>
    <link href="https://arxiv.org/abs/${e.id}v${e.version}" rel="alternate" type="text/html"/>
    <summary>${escapeXml(e.summary)}</summary>
    ${e.categories.map((c) => `<category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('')}
    <published>${e.published}</published>
    ${e.comment ? `<arxiv:comment>${escapeXml(e.comment)}</arxiv:comment>` : ''}
    <arxiv:primary_category term="${e.primaryCategory ?? e.categories[0]}"/>
    ${e.authors.map((a) => `<author><name>${escapeXml(a.name)}</name></author>`).join('')}
  </entry>`,
    )
    .join('\n');
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query</title>
  <updated>2026-11-21T00:00:00Z</updated>
  <opensearch:itemsPerPage>100</opensearch:itemsPerPage>
  <opensearch:totalResults>${totalResults}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  ${items}
</feed>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
