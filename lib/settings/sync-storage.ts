import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * Chrome's limits for `storage.sync`, per extension: 8 KB for one item and 100 KB in all
 * (Firefox enforces the same numbers). See
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
export const SYNC_QUOTA_BYTES = 102_400;
/** At most 512 items in sync storage (Chrome's MAX_ITEMS). */
export const SYNC_MAX_ITEMS = 512;

/** A write to sync storage that did not happen, with a message a researcher can act on. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}

export const NOTHING_SAVED = 'Nothing was saved, and what you typed is still here.';

/** Bytes one sync item takes as the browser counts them: its key plus its value as JSON. */
export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Bytes as the page shows them, e.g. "8.0 KB". */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Plain words for why the browser refused to store something; `what` names it ("your keywords"). */
export function describeStorageError(error: unknown, what = 'this'): string {
  if (error instanceof StorageWriteError) return error.message;
  const raw = error instanceof Error ? error.message : String(error);
  if (raw.includes('QUOTA_BYTES_PER_ITEM')) {
    return `The browser's sync storage allows ${kilobytes(SYNC_QUOTA_BYTES_PER_ITEM)} for ${what}, and this change needs more. Remove or shorten something first. ${NOTHING_SAVED}`;
  }
  if (raw.includes('QUOTA_BYTES')) {
    return `The browser's sync storage for Daily Papers is full (${kilobytes(SYNC_QUOTA_BYTES)} in all). Remove a keyword or two first. ${NOTHING_SAVED}`;
  }
  // Firefox names no limit: one QuotaExceededError for the item size, the total and the item count
  // alike (measured on 153 ESR). Items are size-checked before writing, so the total is the one left.
  if (raw.includes('QuotaExceededError')) {
    return `The browser's sync storage for Daily Papers is full (${kilobytes(SYNC_QUOTA_BYTES)} in all). Remove a keyword or two first. ${NOTHING_SAVED}`;
  }
  if (raw.includes('MAX_ITEMS')) {
    return `The browser's sync storage holds at most ${SYNC_MAX_ITEMS} items for Daily Papers, and this change needs more. Remove a keyword or two first. ${NOTHING_SAVED}`;
  }
  if (raw.includes('MAX_WRITE_OPERATIONS')) {
    return `The browser limits how often synced data can change; wait a minute, then try again. ${NOTHING_SAVED}`;
  }
  if (/storage\.sync|sync storage|not available/i.test(raw)) {
    return `The browser's sync storage is not available (${raw}). ${NOTHING_SAVED}`;
  }
  return `The browser could not save ${what}: ${raw}. ${NOTHING_SAVED}`;
}

/**
 * Writes a sync item after checking that it fits: Chrome would refuse anything over the per-item
 * quota anyway, and saying so before writing gives a clearer message. Any failure comes back as a
 * StorageWriteError with plain words, and the stored value stays as it was.
 */
export async function writeSyncItem<T, M extends Record<string, unknown>>(
  item: WxtStorageItem<T, M>,
  value: T,
  what: string,
): Promise<void> {
  const key = item.key.replace(/^sync:/, '');
  const bytes = syncItemBytes(key, value);
  if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) {
    throw new StorageWriteError(
      `${capitalise(what)} would take ${kilobytes(bytes)} of the browser's sync storage, which allows ${kilobytes(SYNC_QUOTA_BYTES_PER_ITEM)}. Remove or shorten something first. ${NOTHING_SAVED}`,
    );
  }
  try {
    await item.setValue(value);
  } catch (error) {
    throw new StorageWriteError(describeStorageError(error, what));
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
