import { getDb } from '../db/app-db';
import { keywordsItem } from '../keywords/keyword-store';
import { onMessage } from '../messaging/protocol';
import { refreshBadge } from '../notify/badge';
import { forgetRemovedKeywords, requestCheck } from './check-runner';

/** "Check now" from the popup. */
export function setupCheckRequests(): void {
  onMessage('checkNow', () => {
    void requestCheck();
    return { started: true };
  });
}

/**
 * Reacts to keyword edits made on the options page: a new keyword gets its first check right
 * away, a removed one has its matches forgotten.
 */
export function setupKeywordWatcher(): void {
  keywordsItem.watch((next, previous) => {
    const before = new Set((previous ?? []).map((k) => k.id));
    const added = next.filter((k) => !before.has(k.id)).map((k) => k.id);
    if (added.length > 0) void requestCheck(added);
    const now = new Set(next.map((k) => k.id));
    if ([...before].some((id) => !now.has(id))) {
      void forgetRemovedKeywords().then(() => refreshBadge(getDb()));
    }
  });
}
