import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/arxiv/parse-feed';
import type { ArxivFeed } from '../../../lib/arxiv/types';
import { fixture } from '../fixtures';

function parsed(body: string): ArxivFeed {
  const result = parseFeed(body);
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.kind}: ${result.error.message}`);
  return result.feed;
}

describe('parseFeed on the current format', () => {
  const feed = parsed(fixture('current-query-testing-10.xml'));

  it('reads totals and all entries', () => {
    expect(feed.totalResults).toBe(214881);
    expect(feed.startIndex).toBe(0);
    expect(feed.itemsPerPage).toBe(10);
    expect(feed.entries).toHaveLength(10);
  });

  it('keys a paper on its id without version and keeps the version apart', () => {
    const first = feed.entries[0]!;
    expect(first.id).toBe('2202.12139');
    expect(first.version).toBe(1);
    expect(first.title).toBe('Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques');
  });

  it('reads authors, categories, comment, journal ref and DOI', () => {
    const first = feed.entries[0]!;
    expect(first.authors.map((a) => a.name)).toEqual(['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker']);
    expect(first.categories).toEqual(['cs.SE', 'cs.LG']);
    expect(first.primaryCategory).toBe('cs.SE');
    expect(first.comment).toBe('Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022');
    expect(first.journalRef).toMatch(/^Artificial Intelligence in Software Testing @ 2022 IEEE/);
    expect(first.doi).toBe('10.1109/ICSTW55395.2022.00035');
    expect(first.published).toBe('2022-02-24T15:05:19Z');
  });

  it('keeps every id a string (no number conversion)', () => {
    for (const entry of feed.entries) expect(entry.id).toMatch(/^\d{4}\.\d{4,5}$/);
  });
});

describe('parseFeed on an old-style id with affiliations', () => {
  const feed = parsed(fixture('current-id-oldstyle-astro-ph-0601001.xml'));
  const entry = feed.entries[0]!;

  it('reads the old-style id', () => {
    expect(entry.id).toBe('astro-ph/0601001');
    expect(entry.version).toBe(1);
  });

  it('decodes entities and keeps affiliations', () => {
    expect(entry.summary).toContain('Gould & Morgan (2003)');
    expect(entry.summary).toContain('V_max<17.5');
    expect(entry.authors[0]).toEqual({ name: 'Andrew Gould', affiliations: ['Ohio State'] });
    expect(entry.primaryCategory).toBe('astro-ph');
  });
});

describe('parseFeed on the legacy format', () => {
  it('reads per-element namespaces and collapses wrapped text', () => {
    const feed = parsed(fixture('legacy-2016-id-v2-doi.xml'));
    expect(feed.totalResults).toBe(1);
    const entry = feed.entries[0]!;
    expect(entry.id).toBe('1111.2011');
    expect(entry.version).toBe(2);
    expect(entry.title).toBe(
      'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
    );
    expect(
      entry.summary.startsWith('Theoretical description of anisotropic systems, such as layered superconductors'),
    ).toBe(true);
    expect(entry.summary).not.toMatch(/\s{2,}|\n/);
    expect(entry.comment).toBe('8 pages, 3 figures. Published version');
    expect(entry.journalRef).toBe('Phys. Rev. B 85, 115117 (2012)');
    expect(entry.doi).toBe('10.1103/PhysRevB.85.115117');
    expect(entry.primaryCategory).toBe('cond-mat.str-el');
    expect(entry.updated > entry.published).toBe(true);
  });

  it('reads the legacy search answer', () => {
    const feed = parsed(fixture('legacy-2016-query-au-ti.xml'));
    expect(feed.entries.length).toBeGreaterThan(0);
    for (const entry of feed.entries) {
      expect(entry.title).not.toMatch(/\n/);
      expect(entry.authors.length).toBeGreaterThan(0);
    }
  });
});

describe('parseFeed text handling', () => {
  it('decodes named and numeric character references and keeps TeX as text', () => {
    const body = fixture('current-id-oldstyle-astro-ph-0601001.xml').replace(
      /<title>Frequency[^<]*<\/title>/,
      '<title>Caf&#233; &#x3B1;-decay &amp; $\\mathcal{O}(n)$ &lt;b&gt;</title>',
    );
    expect(parsed(body).entries[0]?.title).toBe('Café α-decay & $\\mathcal{O}(n)$ <b>');
  });

  it('treats missing optional fields as absent', () => {
    const body = fixture('current-id-oldstyle-astro-ph-0601001.xml')
      .replace(/<arxiv:comment>[\s\S]*?<\/arxiv:comment>/, '')
      .replace(/<arxiv:journal_ref>[\s\S]*?<\/arxiv:journal_ref>/, '');
    const entry = parsed(body).entries[0]!;
    expect(entry.comment).toBeUndefined();
    expect(entry.journalRef).toBeUndefined();
    expect(entry.doi).toBeUndefined();
  });
});

describe('parseFeed failures', () => {
  it('detects the error feed by its id', () => {
    const result = parseFeed(fixture('current-error-400-bad-id.xml'));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'api-error', message: 'arXiv rejected the query: incorrect id format for abc.' },
    });
  });

  it('accepts a well-formed empty answer', () => {
    const feed = parsed(fixture('current-empty-0-results.xml'));
    expect(feed.totalResults).toBe(0);
    expect(feed.entries).toEqual([]);
  });

  it('rejects an empty body', () => {
    expect(parseFeed('  \n')).toMatchObject({ ok: false, error: { kind: 'empty-body' } });
  });

  it('rejects an HTML page served with status 200', () => {
    const html = '<!DOCTYPE html><html><body><h1>arXiv is down for maintenance</h1></body></html>';
    expect(parseFeed(html)).toMatchObject({ ok: false, error: { kind: 'not-a-feed' } });
  });

  it('rejects a truncated body instead of returning the entries before the cut', () => {
    const body = fixture('current-query-testing-10.xml');
    const cut = body.slice(0, Math.floor(body.length * 0.6));
    expect(parseFeed(cut)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('rejects XML that is not an Atom feed', () => {
    expect(parseFeed('<?xml version="1.0"?><rss><channel/></rss>')).toMatchObject({
      ok: false,
      error: { kind: 'not-a-feed' },
    });
  });
});
