import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isDoi, parseEntryId } from './ids';
import type { ArxivEntry, ArxivFeed, Author, FeedError, FeedResult } from './types';

/**
 * fast-xml-parser settings proven on real arXiv bodies (current and legacy format):
 * - ids must stay strings (`parseTagValue: false`, else `2104.12250` becomes `2104.1225`);
 * - entities and numeric references decode (`processEntities`, `htmlEntities`);
 * - namespace prefixes are dropped, so `arxiv:comment` and `opensearch:totalResults` are read
 *   the same whether the namespace is declared on the root (current) or on each element (legacy);
 * - repeated elements are always arrays.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category', 'affiliation'].includes(name),
});

type Node = Record<string, unknown>;

function fail(kind: FeedError['kind'], message: string): FeedResult {
  return { ok: false, error: { kind, message } };
}

/** Text content of a parsed node, whether it came back as a string or as an object with attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return '';
}

/** Collapses runs of whitespace (the legacy format hard-wraps titles and abstracts). */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function optionalText(value: unknown): string | undefined {
  const result = collapseWhitespace(text(value));
  return result === '' ? undefined : result;
}

function asArray(value: unknown): Node[] {
  if (Array.isArray(value)) return value as Node[];
  return value && typeof value === 'object' ? [value as Node] : [];
}

function toInt(value: unknown, fallback: number): number {
  const parsed = Number.parseInt(text(value), 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function parseAuthor(node: Node): Author | undefined {
  const name = optionalText(node.name);
  if (!name) return undefined;
  const affiliations = asArray(node.affiliation)
    .map((a) => optionalText(a))
    .concat(typeof node.affiliation === 'string' ? [optionalText(node.affiliation)] : [])
    .filter((a): a is string => Boolean(a));
  return { name, affiliations };
}

function parseEntry(node: Node): ArxivEntry | undefined {
  const ids = parseEntryId(text(node.id));
  if (!ids) return undefined;
  const links = asArray(node.link);
  const doiFromLink = links
    .find((l) => l['@_title'] === 'doi')
    ?.['@_href']?.toString()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '');
  const doi = optionalText(node.doi) ?? doiFromLink;
  const categories = asArray(node.category)
    .map((c) => c['@_term'])
    .filter((t): t is string => typeof t === 'string' && t !== '');
  const primary = asArray(node.primary_category)[0]?.['@_term'];
  return {
    id: ids.id,
    version: ids.version,
    title: collapseWhitespace(text(node.title)),
    summary: collapseWhitespace(text(node.summary)),
    authors: asArray(node.author)
      .map(parseAuthor)
      .filter((a): a is Author => a !== undefined),
    published: text(node.published),
    updated: text(node.updated) || text(node.published),
    categories,
    primaryCategory: typeof primary === 'string' ? primary : categories[0],
    comment: optionalText(node.comment),
    journalRef: optionalText(node.journal_ref),
    doi: doi && isDoi(doi) ? doi : undefined,
  };
}

/**
 * Turns the body of an arXiv API answer into a feed, or a typed error.
 * Never throws: HTML pages, truncated XML, empty bodies and arXiv's error feed all come back as
 * `{ ok: false }` so that no caller can mistake a broken answer for a (partial) list.
 */
export function parseFeed(body: string): FeedResult {
  const trimmed = body.trim();
  if (trimmed === '') return fail('empty-body', 'arXiv sent an empty answer.');
  if (/^(<!doctype html|<html)/i.test(trimmed)) {
    return fail('not-a-feed', 'arXiv sent a web page instead of results (probably maintenance).');
  }
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    return fail('malformed', `arXiv's answer was cut off or is not valid XML (${valid.err.msg}).`);
  }
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch (error) {
    return fail('malformed', `arXiv's answer could not be read (${String(error)}).`);
  }
  const feed = doc.feed as Node | undefined;
  if (!feed || typeof feed !== 'object') {
    return fail('not-a-feed', 'arXiv sent something that is not a results feed.');
  }
  const rawEntries = asArray(feed.entry);
  // arXiv reports a bad query as a feed with one entry whose id points at /api/errors#…,
  // sometimes with HTTP 200: detect it by the id, whatever the status.
  const apiError = rawEntries.find((e) => text(e.id).includes('/api/errors#'));
  if (apiError) {
    const message = optionalText(apiError.summary) ?? 'unknown error';
    return fail('api-error', `arXiv rejected the query: ${message}.`);
  }
  const entries: ArxivEntry[] = [];
  for (const raw of rawEntries) {
    const entry = parseEntry(raw);
    if (!entry) return fail('malformed', `arXiv sent an entry with an unknown id: ${text(raw.id)}.`);
    entries.push(entry);
  }
  const result: ArxivFeed = {
    totalResults: toInt(feed.totalResults, entries.length),
    startIndex: toInt(feed.startIndex, 0),
    itemsPerPage: toInt(feed.itemsPerPage, entries.length),
    entries,
  };
  return { ok: true, feed: result };
}
