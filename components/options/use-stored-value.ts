import { useEffect, useState } from 'react';
import type { WatchedValue } from '../../lib/ui/use-storage-item';

/** A storage item's value as a page sees it: loading, loaded, or unreadable with a reason. */
export type StoredValue<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * The current value of a storage item, kept up to date when any context writes it. Unlike a plain
 * read, a storage area that cannot be read (sync storage switched off or broken) is reported
 * instead of leaving the page blank.
 */
export function useStoredValue<T>(item: WatchedValue<T>): StoredValue<T> {
  const [state, setState] = useState<StoredValue<T>>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    item.getValue().then(
      (value) => active && setState({ status: 'ready', value }),
      (error: unknown) =>
        active && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    let unwatch = () => {};
    try {
      unwatch = item.watch((value) => setState({ status: 'ready', value }));
    } catch {
      // Nothing to watch when the storage area is missing; the read above already says why.
    }
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return state;
}
