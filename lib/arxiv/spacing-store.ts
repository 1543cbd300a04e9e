import { storage } from 'wxt/utils/storage';
import type { SpacingStore } from './client';

/**
 * The time of the last arXiv request, in local storage: a worker that Chrome stopped and
 * restarted reads it back, so a restart cannot send two requests closer than 3 s.
 */
const lastRequestAtItem = storage.defineItem<number>('local:arxivLastRequestAt', { fallback: 0 });

/** Until when arXiv asked us (Retry-After) not to send anything. */
const notBeforeItem = storage.defineItem<number>('local:arxivNotBefore', { fallback: 0 });

export const storageSpacing: SpacingStore = {
  getLastRequestAt: () => lastRequestAtItem.getValue(),
  setLastRequestAt: (time) => lastRequestAtItem.setValue(time),
  getNotBefore: () => notBeforeItem.getValue(),
  setNotBefore: (time) => notBeforeItem.setValue(time),
};

/** Until when arXiv asked us not to send anything (0 when it did not). */
export function arxivNotBefore(): Promise<number> {
  return notBeforeItem.getValue();
}
