import { useEffect, useState } from 'react';

/** What the hooks need of a stored value: a WXT storage item, or the keyword list (kept in many items). */
export interface WatchedValue<T> {
  key: string;
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * The current value of a storage item, kept up to date when any context (worker, other page)
 * writes it. `undefined` until the first read finished, and while storage cannot be read (sync
 * storage can be disabled by policy): pages that must explain such a failure read the item
 * themselves; the others simply wait for the next change.
 */
export function useStorageItem<T>(item: WatchedValue<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let active = true;
    item.getValue().then(
      (v) => {
        if (active) setValue(v);
      },
      (error: unknown) => console.warn(`Could not read ${item.key}`, error),
    );
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}
