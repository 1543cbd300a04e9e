import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { countUnread } from '../db/papers';

/** Badge text for an unread count: empty for none, "99+" past 99. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/** Shows the number of unread papers on the toolbar button. */
export async function refreshBadge(db: AppDB): Promise<void> {
  const text = badgeText(await countUnread(db));
  const action = browser.action;
  await action.setBadgeBackgroundColor({ color: '#b31b1b' });
  await action.setBadgeText({ text });
}
