import { browser } from 'wxt/browser';

/** New papers one keyword brought in a check. */
export interface KeywordNews {
  keyword: string;
  count: number;
  firstTitle: string;
}

/**
 * Title and message of the single notification for a check. One grouped notification (rather
 * than one per keyword) keeps a researcher with many keywords from being flooded after an
 * announcement; it still names every keyword and its count.
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

/** Shows the desktop notification for a check that found papers not seen before. */
export async function notifyNews(news: readonly KeywordNews[], totalNew: number, now = Date.now()): Promise<void> {
  if (news.length === 0 || totalNew === 0) return;
  const { title, message } = describeNews(news, totalNew);
  await browser.notifications.create(`new-papers-${now}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}
