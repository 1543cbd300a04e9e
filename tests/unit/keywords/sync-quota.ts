import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKeyword, MAX_KEYWORD_LENGTH, type Keyword } from '../../../lib/keywords/keyword';
import type { SyncArea } from '../../../lib/keywords/keyword-shard-store';
import { syncItemBytes } from '../../../lib/settings/sync-storage';

/** Chrome's numbers for storage.sync, written out here so that the test does not borrow the code's. */
const PER_ITEM = 8_192;
const TOTAL = 102_400;
const MAX_ITEMS = 512;
const WRITES_PER_MINUTE = 120;

/**
 * The error Chrome gives for setting `changes` over `current`, or undefined when it would accept
 * them (same messages, same order of checks: item size, total, item count).
 */
export function chromeQuotaError(
  current: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Error | undefined {
  for (const [key, value] of Object.entries(changes)) {
    if (syncItemBytes(key, value) > PER_ITEM) return new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
  }
  const next = { ...current, ...changes };
  const total = Object.entries(next).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
  if (total > TOTAL) return new Error('QUOTA_BYTES quota exceeded');
  if (Object.keys(next).length > MAX_ITEMS) return new Error('MAX_ITEMS quota exceeded');
  return undefined;
}

/** Write operations (each set() or remove() call) per minute, refused past 120 as Chrome does. */
class WriteRate {
  readonly times: number[] = [];
  take(): void {
    const now = Date.now();
    const recent = this.times.filter((t) => t > now - 60_000);
    if (recent.length >= WRITES_PER_MINUTE) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    this.times.push(now);
  }
}

/**
 * Makes the fake browser's sync storage refuse what Chrome refuses. Returns the number of write
 * operations so far.
 */
export function enforceSyncQuotas(): { operations: () => number } {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  const remove = sync.remove.bind(sync);
  const rate = new WriteRate();
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const error = chromeQuotaError(await sync.get(null), items);
    if (error) throw error;
    rate.take();
    await set(items);
  });
  vi.spyOn(sync, 'remove').mockImplementation(async (keys: string | string[]) => {
    rate.take();
    await remove(keys);
  });
  return { operations: () => rate.times.length };
}

/** One sync storage shared by simulated devices, with Chrome's quotas. */
export class SharedSync {
  data: Record<string, unknown> = {};
  readonly rate = new WriteRate();

  set(items: Record<string, unknown>): void {
    const error = chromeQuotaError(this.data, items);
    if (error) throw error;
    this.rate.take();
    // Stored as JSON, like the browser: nobody holds a reference to a stored value.
    Object.assign(this.data, JSON.parse(JSON.stringify(items)));
  }

  remove(keys: readonly string[]): void {
    this.rate.take();
    for (const key of keys) delete this.data[key];
  }
}

/**
 * A device's view of the shared storage: it reads what it saw at its last `refresh()` (plus its
 * own writes), as a device does before the other's changes reach it; its writes land in the shared
 * storage at once.
 */
export class Device implements SyncArea {
  private seen: Record<string, unknown> = {};
  constructor(private readonly shared: SharedSync) {}

  refresh(): void {
    this.seen = JSON.parse(JSON.stringify(this.shared.data)) as Record<string, unknown>;
  }

  async get(): Promise<Record<string, unknown>> {
    return JSON.parse(JSON.stringify(this.seen)) as Record<string, unknown>;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.shared.set(items);
    Object.assign(this.seen, JSON.parse(JSON.stringify(items)));
  }

  async remove(keys: string[]): Promise<void> {
    this.shared.remove(keys);
    for (const key of keys) delete this.seen[key];
  }
}

/** The worst case the product promises: 200 keywords, labels at the maximum length (200 by default). */
export function longestKeywords(count = 200): Keyword[] {
  const now = Date.parse('2026-12-01T12:00:00Z');
  // Ids shaped like the random UUIDs of createKeyword, but fixed, so that byte counts are exact.
  return Array.from({ length: count }, (_, i) => ({
    ...createKeyword(`${String(i).padStart(3, '0')} ${'x'.repeat(MAX_KEYWORD_LENGTH - 4)}`, now),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));
}
