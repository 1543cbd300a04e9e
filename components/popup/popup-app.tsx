import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkScheduleItem, checkStatusItem } from '../../lib/check/check-status';
import { getDb } from '../../lib/db/app-db';
import { librarySummary } from '../../lib/db/paper-queries';
import { readRankingStatus } from '../../lib/db/ranking';
import { keywordsItem } from '../../lib/keywords/keyword-store';
import { sendMessage } from '../../lib/messaging/protocol';
import { usePopupStore } from '../../lib/ui/popup-store';
import {
  ALL_NEW_TAB,
  FOR_YOU_TAB,
  HIDDEN_TAB,
  readLastTab,
  readViewParams,
  rememberTab,
  resolveTab,
  SAVED_TAB,
} from '../../lib/ui/popup-view';
import { failureLines } from '../../lib/ui/status-text';
import { useNow } from '../../lib/ui/use-now';
import { trackStickyOffset } from '../../lib/ui/sticky-offset';
import { useOnline } from '../../lib/ui/use-online';
import { usePaperPage } from '../../lib/ui/use-paper-page';
import { useStorageItem } from '../../lib/ui/use-storage-item';
import { useTheme } from '../../lib/ui/use-theme';
import { FirstRun } from './first-run';
import { KeywordTabs, tabElementId } from './keyword-tabs';
import { PaperList } from './paper-list';
import { SearchBox } from './search-box';
import { StatusHeader } from './status-header';
import { StatusNotes } from './status-notes';

const openOptions = () => void browser.runtime.openOptionsPage();

function openInTab(tab: string): void {
  const url = `${browser.runtime.getURL('/popup.html')}?view=tab&keyword=${encodeURIComponent(tab)}`;
  void browser.tabs.create({ url }).then(() => window.close());
}

function searchPlaceholder(tab: string): string {
  if (tab === ALL_NEW_TAB || tab === FOR_YOU_TAB) return 'Search unread papers';
  if (tab === SAVED_TAB) return 'Search saved papers';
  if (tab === HIDDEN_TAB) return 'Search hidden papers';
  return 'Search this keyword’s papers';
}

function selectTab(tab: string): void {
  usePopupStore.getState().selectTab(tab);
  rememberTab(tab);
}

/** The toolbar popup (and, with `?view=tab`, the same reader as a full tab). */
export function PopupApp() {
  useTheme();
  const [params] = useState(() => readViewParams(location.search));
  const [lastTab] = useState(readLastTab);
  const keywords = useStorageItem(keywordsItem);
  const status = useStorageItem(checkStatusItem);
  const schedule = useStorageItem(checkScheduleItem);
  const states = useLiveQuery(() => getDb().keywordStates.toArray(), [], []);
  const picked = usePopupStore((s) => s.selectedTab);
  const countsWanted = usePopupStore((s) => s.firstPageShown) || keywords?.length === 0;
  // A string, not the array: the counts are read again when the ids change, not on every render.
  const keywordIds = keywords?.map((k) => k.id).join('\n');
  const summary = useLiveQuery(
    () =>
      countsWanted && keywordIds !== undefined
        ? librarySummary(getDb(), keywordIds ? keywordIds.split('\n') : [])
        : undefined,
    [countsWanted, keywordIds],
  );
  // What the ranking knows (a small record): the "For you" lists say what to do before it can rank.
  const ranking = useLiveQuery(() => readRankingStatus(getDb()), []);
  const online = useOnline();
  const now = useNow();

  // The list starts loading as soon as its tab is known, in parallel with the storage reads.
  const tab = resolveTab(
    keywords?.map((k) => k.id),
    picked,
    params.tab,
    lastTab,
  );
  const pageState = usePaperPage(tab);
  // Remember the tab shown (not only one picked), so that the next opening knows it at once.
  useEffect(() => {
    if (keywords !== undefined && tab !== undefined) rememberTab(tab);
  }, [keywords, tab]);

  if (keywords === undefined || status === undefined || tab === undefined) return null;
  const unread = tab === ALL_NEW_TAB || tab === FOR_YOU_TAB ? summary?.unread : summary?.unreadByKeyword.get(tab);
  // The number of papers in the lists that are not keywords (a keyword's tab counts its unread ones).
  const counts = new Map([
    [ALL_NEW_TAB, summary?.unread],
    [SAVED_TAB, summary?.saved],
    [HIDDEN_TAB, summary?.hidden],
  ]);
  const showLists = keywords.length > 0 || (summary?.saved ?? 0) > 0 || (summary?.hidden ?? 0) > 0;
  return (
    <main className="popup">
      <StatusHeader
        status={status}
        schedule={schedule}
        now={now}
        canCheck={keywords.some((k) => k.enabled)}
        online={online}
        asTab={params.asTab}
        onCheckNow={() => void sendMessage('checkNow')}
        onOpenInTab={() => openInTab(tab)}
        onOpenOptions={openOptions}
      />
      <StatusNotes now={now} online={online} failures={failureLines(keywords, states)} />
      {keywords.length === 0 && <FirstRun onOpenOptions={openOptions} onAdded={selectTab} />}
      {showLists && (
        <>
          <div className="list-bar" ref={trackStickyOffset}>
            <KeywordTabs keywords={keywords} selected={tab} summary={summary} onSelect={selectTab} />
            <SearchBox placeholder={searchPlaceholder(tab)} />
          </div>
          <section id="paper-panel" role="tabpanel" aria-labelledby={tabElementId(tab)}>
            <PaperList
              key={tab}
              tab={tab}
              pageState={pageState}
              keywords={keywords}
              states={states}
              unread={unread ?? 0}
              count={counts.get(tab)}
              ranking={ranking}
              countsReady={summary !== undefined}
              online={online}
            />
          </section>
        </>
      )}
    </main>
  );
}
