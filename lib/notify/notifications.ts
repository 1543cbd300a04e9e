import { browser } from 'wxt/browser';
import { abstractUrl } from '../arxiv/ids';
import { isHidden } from '../db/label-rule';
import type { AppDB } from '../db/app-db';
import { setRead } from '../db/papers';
import type { CycleRecord, NotificationTargetRecord, PaperRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { refreshBadge } from './badge';

/** New papers one keyword brought in a check. */
export interface KeywordNews {
  keywordId: string;
  keyword: string;
  count: number;
  firstTitle: string;
}

/** Notification targets older than this are forgotten (Chrome clears notifications long before). */
const TARGET_TTL_MS = 14 * 24 * 3_600_000;

/**
 * Title and message of the single notification for a check. One grouped notification (rather
 * than one per keyword) keeps a researcher with many keywords from being flooded after an
 * announcement; it still names every keyword with its count, and the newest title.
 */
export function describeNews(news: readonly KeywordNews[], totalNew: number): { title: string; message: string } {
  const title = totalNew === 1 ? '1 new paper on arXiv' : `${totalNew} new papers on arXiv`;
  const perKeyword = news.map((n) => `${n.keyword} (${n.count})`).join(', ');
  const first = news[0]?.firstTitle;
  const message = first ? `${perKeyword}\n“${truncate(first, 120)}”` : perKeyword;
  return { title, message };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The papers of `ids` that a check's news shows: never one marked "Not interested" while the
 * check ran (or in a restored backup).
 */
export async function papersToAnnounce(db: AppDB, ids: Iterable<string>): Promise<PaperRecord[]> {
  return (await db.papers.bulkGet([...new Set(ids)])).filter((p): p is PaperRecord => p !== undefined && !isHidden(p));
}

/** The news of a finished cycle, for the keywords whose notifications are on. */
export async function newsOfCycle(
  db: AppDB,
  cycle: CycleRecord,
  keywords: readonly Keyword[],
): Promise<{ news: KeywordNews[]; paperIds: string[] }> {
  const news: KeywordNews[] = [];
  const paperIds = new Set<string>();
  for (const keyword of keywords) {
    const fresh = cycle.fresh[keyword.id];
    if (!keyword.notify || !fresh || fresh.length === 0) continue;
    const papers = await papersToAnnounce(db, fresh);
    if (papers.length === 0) continue;
    papers.sort((a, b) => b.published.localeCompare(a.published));
    for (const p of papers) paperIds.add(p.id);
    news.push({ keywordId: keyword.id, keyword: keyword.label, count: papers.length, firstTitle: papers[0]!.title });
  }
  return { news, paperIds: [...paperIds] };
}

async function show(
  db: AppDB,
  id: string,
  title: string,
  message: string,
  target: Omit<NotificationTargetRecord, 'notificationId' | 'createdAt'>,
) {
  const now = Date.now();
  await db.notificationTargets.put({ notificationId: id, ...target, createdAt: now });
  await db.notificationTargets
    .where('createdAt')
    .below(now - TARGET_TTL_MS)
    .delete();
  // A fixed id per check: if a stopped worker repeats this call, Chrome replaces the
  // notification instead of showing a second one.
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/**
 * Shows the notifications of a finished check: one for new papers, one for new versions of
 * saved papers. Clicking opens the paper when there is one, else the keyword's (or all new) list.
 */
export async function notifyCycle(db: AppDB, cycle: CycleRecord, keywords: readonly Keyword[]): Promise<void> {
  const { news, paperIds } = await newsOfCycle(db, cycle, keywords);
  if (paperIds.length > 0) {
    const { title, message } = describeNews(news, paperIds.length);
    const target =
      paperIds.length === 1 ? { paperId: paperIds[0] } : news.length === 1 ? { keywordId: news[0]!.keywordId } : {};
    await show(db, `papers-${cycle.id}`, title, message, target);
  }
  const revised = (await db.papers.bulkGet(cycle.revisedSaved)).filter((p): p is PaperRecord => p !== undefined);
  if (revised.length > 0) {
    const title =
      revised.length === 1
        ? `New version of a saved paper (v${revised[0]!.version})`
        : `${revised.length} saved papers have new versions`;
    const message = revised.map((p) => `“${truncate(p.title, 100)}”`).join('\n');
    await show(db, `revised-${cycle.id}`, title, message, revised.length === 1 ? { paperId: revised[0]!.id } : {});
  }
}

/** Where a click on a notification leads. */
export function targetUrl(target: NotificationTargetRecord | undefined, pageUrl: (path: string) => string): string {
  if (target?.paperId) return abstractUrl(target.paperId);
  if (target?.keywordId) return pageUrl(`/popup.html?view=tab&keyword=${encodeURIComponent(target.keywordId)}`);
  return pageUrl('/popup.html?view=tab&keyword=new');
}

/** Opens what a clicked notification points to (the mapping lives in the database). */
export function setupNotificationClicks(getDb: () => AppDB): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    void (async () => {
      const db = getDb();
      const target = await db.notificationTargets.get(notificationId);
      if (target?.paperId) {
        // Opening a paper marks it read, wherever it is opened from.
        await setRead(db, target.paperId, true);
        await refreshBadge(db);
      }
      await browser.tabs.create({ url: targetUrl(target, (p) => browser.runtime.getURL(p as '/popup.html')) });
      await browser.notifications.clear(notificationId);
    })();
  });
}
