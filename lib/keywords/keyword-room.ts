import { createKeyword } from './keyword';
import { KEYWORD_KEY_PREFIX, KEYWORD_ORDER_KEY, packKeyword, readKeywordList } from './keyword-shards';
import {
  kilobytes,
  NOTHING_SAVED,
  StorageWriteError,
  SYNC_MAX_ITEMS,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  syncItemBytes,
} from '../settings/sync-storage';

/** Bytes and items that sync storage holds, as the browser counts them. */
export function syncUsage(items: Readonly<Record<string, unknown>>): { bytes: number; items: number } {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += syncItemBytes(key, value);
  return { bytes, items: Object.keys(items).length };
}

/** Sync storage as it would be after setting `changes` and removing `removed`. */
export function afterWrite(
  items: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
  removed: readonly string[] = [],
): Record<string, unknown> {
  const next = { ...items, ...changes };
  for (const key of removed) delete next[key];
  return next;
}

/**
 * Refuses, before anything is written, a keyword write that the browser would refuse: an item over
 * 8 KB, more than 100 KB in all, more than 512 items. The message says how much is needed and
 * what is free; `what` names the change ("these 200 keywords").
 */
export function checkKeywordWrite(
  items: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
  removed: readonly string[],
  what: string,
): void {
  for (const [key, value] of Object.entries(changes)) {
    const bytes = syncItemBytes(key, value);
    if (bytes <= SYNC_QUOTA_BYTES_PER_ITEM) continue;
    const whose = key.startsWith(KEYWORD_KEY_PREFIX) ? `“${(value as { l: string }).l}”` : 'The order of your keywords';
    throw new StorageWriteError(
      `${whose} would take ${kilobytes(bytes)} of the browser's sync storage, which allows ${kilobytes(SYNC_QUOTA_BYTES_PER_ITEM)} for one keyword. Remove some of its terms first. ${NOTHING_SAVED}`,
    );
  }
  const before = syncUsage(items);
  const after = syncUsage(afterWrite(items, changes, removed));
  if (after.bytes > SYNC_QUOTA_BYTES && after.bytes > before.bytes) {
    const free = Math.max(0, SYNC_QUOTA_BYTES - before.bytes);
    throw new StorageWriteError(
      `${capitalise(what)} would need ${kilobytes(after.bytes - before.bytes)} more of the browser's sync storage, and ${kilobytes(free)} of its ${kilobytes(SYNC_QUOTA_BYTES)} is free. Remove keywords you no longer need first. ${NOTHING_SAVED}`,
    );
  }
  if (after.items > SYNC_MAX_ITEMS && after.items > before.items) {
    throw new StorageWriteError(
      `${capitalise(what)} would need ${after.items - before.items} more items of the browser's sync storage, which holds ${SYNC_MAX_ITEMS} and has ${Math.max(0, SYNC_MAX_ITEMS - before.items)} free. Remove keywords you no longer need first. ${NOTHING_SAVED}`,
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How full sync storage is, and how many more keywords like the present ones fit. */
export interface KeywordRoom {
  usedBytes: number;
  moreKeywords: number;
  /** Close enough to the quota to say so before an add is refused. */
  nearlyFull: boolean;
}

/** Below this many more keywords, or above 90 % of the quota, the page warns. */
const WARN_BELOW_KEYWORDS = 10;
const WARN_ABOVE_SHARE = 0.9;

/**
 * The room left for keywords in these sync items. A keyword's cost is the average of the stored
 * ones (its item plus its place in the order item), or that of a 30-character keyword while
 * there is none.
 */
export function keywordRoom(items: Readonly<Record<string, unknown>>): KeywordRoom {
  const usage = syncUsage(items);
  const { handles } = readKeywordList(items);
  let perKeyword: number;
  if (handles.length > 0) {
    const own = handles.reduce(
      (sum, h) => sum + syncItemBytes(KEYWORD_KEY_PREFIX + h, items[KEYWORD_KEY_PREFIX + h]),
      0,
    );
    perKeyword = own / handles.length + handles.reduce((sum, h) => sum + h.length + 3, 0) / handles.length;
  } else {
    perKeyword = syncItemBytes(`${KEYWORD_KEY_PREFIX}xxxxxxxxxxx`, packKeyword(createKeyword('x'.repeat(30), 0))) + 14;
  }
  // The order item itself comes with the first keyword.
  const orderBytes = KEYWORD_ORDER_KEY in items ? 0 : KEYWORD_ORDER_KEY.length + 2;
  const freeBytes = Math.max(0, SYNC_QUOTA_BYTES - usage.bytes - orderBytes);
  const freeItems = Math.max(0, SYNC_MAX_ITEMS - usage.items - (orderBytes > 0 ? 1 : 0));
  const moreKeywords = Math.min(Math.floor(freeBytes / perKeyword), freeItems);
  return {
    usedBytes: usage.bytes,
    moreKeywords,
    nearlyFull: moreKeywords < WARN_BELOW_KEYWORDS || usage.bytes > SYNC_QUOTA_BYTES * WARN_ABOVE_SHARE,
  };
}

/** The room line of the options page, e.g. "37.0 of 100 KB used · about 150 more keywords fit". */
export function describeRoom(room: KeywordRoom): string {
  const used = `${(room.usedBytes / 1024).toFixed(1)} of ${SYNC_QUOTA_BYTES / 1024} KB used`;
  if (room.moreKeywords === 0) return `${used} · no more keywords fit`;
  const more = room.moreKeywords === 1 ? 'about 1 more keyword fits' : `about ${room.moreKeywords} more keywords fit`;
  return `${used} · ${more}`;
}
