import { StorageWriteError, describeStorageError } from '../settings/sync-storage';
import { migrateKeywordV1, type Keyword, type KeywordV1 } from './keyword';
import { checkKeywordWrite } from './keyword-room';
import {
  assignHandles,
  KEYWORD_KEY_PREFIX,
  KEYWORD_ORDER_KEY,
  keywordItems,
  LEGACY_KEYWORDS_KEY,
  LEGACY_META_KEY,
  packKeyword,
  readKeywordList,
  unpackKeyword,
  type KeywordShards,
} from './keyword-shards';

/** The part of `storage.sync` the keyword store uses (tests give each simulated device its own). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** What one read of sync storage found: every item, and the keyword list they make. */
export interface KeywordSnapshot extends KeywordShards {
  items: Record<string, unknown>;
}

/** The single item of versions 1 and 2; each entry is read by its shape, whatever the version note says. */
function legacyKeywords(value: unknown): Keyword[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    if ('label' in entry) return [entry as Keyword];
    const old = entry as Partial<KeywordV1>;
    return typeof old.id === 'string' && typeof old.text === 'string'
      ? [migrateKeywordV1({ id: old.id, text: old.text, createdAt: old.createdAt ?? 0 })]
      : [];
  });
}

/**
 * Reads the keywords. A profile that still has the single item of versions 1 and 2 is migrated on
 * this first read: all keywords in one write, and the old item removed only after that write
 * succeeded. When the write fails (sync storage full or off), the list read from the old item is
 * returned all the same and the migration is tried again at the next read: nothing is lost.
 */
export async function readKeywords(area: SyncArea): Promise<KeywordSnapshot> {
  const items = await area.get(null);
  if (!(LEGACY_KEYWORDS_KEY in items) || KEYWORD_ORDER_KEY in items) return { items, ...readKeywordList(items) };
  const migrated = keywordItems(legacyKeywords(items[LEGACY_KEYWORDS_KEY]));
  try {
    checkKeywordWrite(items, migrated, [], 'your keywords');
    await area.set(migrated);
  } catch (error) {
    console.warn('Keywords stay in their old form for now:', describeStorageError(error, 'your keywords'));
    return { items, ...readKeywordList({ ...items, ...migrated }) };
  }
  await area.remove([LEGACY_KEYWORDS_KEY, LEGACY_META_KEY]).catch(() => undefined);
  const after = { ...items, ...migrated };
  delete after[LEGACY_KEYWORDS_KEY];
  delete after[LEGACY_META_KEY];
  return { items: after, ...readKeywordList(after) };
}

/** The writes that turn `snapshot` into `next`: items to set, keys to remove. */
export function planKeywordWrite(snapshot: KeywordSnapshot, next: readonly Keyword[]) {
  const known = new Map<string, string>();
  for (const [key, value] of Object.entries(snapshot.items)) {
    const id = key.startsWith(KEYWORD_KEY_PREFIX) ? unpackKeyword(value)?.id : undefined;
    if (id !== undefined && !known.has(id)) known.set(id, key.slice(KEYWORD_KEY_PREFIX.length));
  }
  snapshot.keywords.forEach((keyword, index) => known.set(keyword.id, snapshot.handles[index]!));
  const handles = assignHandles(next, known);
  const changes: Record<string, unknown> = {};
  next.forEach((keyword, index) => {
    const key = KEYWORD_KEY_PREFIX + handles[index];
    const packed = packKeyword(keyword);
    // Only what this change alters is written: another device's edit of another keyword stays.
    if (JSON.stringify(snapshot.items[key]) !== JSON.stringify(packed)) changes[key] = packed;
  });
  if (JSON.stringify(snapshot.items[KEYWORD_ORDER_KEY]) !== JSON.stringify(handles))
    changes[KEYWORD_ORDER_KEY] = handles;
  const kept = new Set(handles.map((h) => KEYWORD_KEY_PREFIX + h));
  const removed = Object.keys(snapshot.items).filter(
    (key) =>
      (key.startsWith(KEYWORD_KEY_PREFIX) && !kept.has(key) && unpackKeyword(snapshot.items[key]) !== undefined) ||
      key === LEGACY_KEYWORDS_KEY ||
      key === LEGACY_META_KEY,
  );
  return { changes, removed };
}

/**
 * Stores `next` in place of the list `snapshot` read: one `set()` for every changed keyword and
 * the order (one write operation however many keywords, well within Chrome's 120 a minute), then
 * one `remove()` for the keywords that went, so the old data stays until the new is written.
 * With `atOnce` (a page closing), a removal sends both calls at once instead.
 * Refused before writing, with a StorageWriteError saying what is free, when it would not fit.
 */
export async function writeKeywords(
  area: SyncArea,
  snapshot: KeywordSnapshot,
  next: readonly Keyword[],
  what: string,
  atOnce = false,
): Promise<void> {
  const { changes, removed } = planKeywordWrite(snapshot, next);
  checkKeywordWrite(snapshot.items, changes, removed, what);
  try {
    if (atOnce && !Object.keys(changes).some((key) => key.startsWith(KEYWORD_KEY_PREFIX))) {
      // A page closing: both calls go out before it is gone, the removal first, so that a
      // removed keyword is never listed again (at the end) when only the first one arrives.
      await Promise.all([removed.length > 0 ? area.remove(removed) : undefined, area.set(changes)]);
    } else {
      if (Object.keys(changes).length > 0) await area.set(changes);
      if (removed.length > 0) await area.remove(removed);
    }
  } catch (error) {
    throw new StorageWriteError(describeStorageError(error, 'your keywords'));
  }
}
