import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The current value of a storage item, kept up to date when any context (worker, other page)
 * writes it. `undefined` until the first read finished.
 */
export function useStorageItem<T, M extends Record<string, unknown>>(item: WxtStorageItem<T, M>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let active = true;
    void item.getValue().then((v) => {
      if (active) setValue(v);
    });
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}
