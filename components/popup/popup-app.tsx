import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { checkStatusItem } from '../../lib/check/check-status';
import { getDb } from '../../lib/db/app-db';
import { unreadCountsByKeyword } from '../../lib/db/papers';
import { keywordsItem } from '../../lib/keywords/keyword-store';
import { sendMessage } from '../../lib/messaging/protocol';
import { usePopupStore } from '../../lib/ui/popup-store';
import { useStorageItem } from '../../lib/ui/use-storage-item';
import { KeywordTabs } from './keyword-tabs';
import { PaperList } from './paper-list';
import { StatusHeader } from './status-header';

const openOptions = () => void browser.runtime.openOptionsPage();

/** The toolbar popup: status, a tab per keyword, and the selected keyword's papers. */
export function PopupApp() {
  const keywords = useStorageItem(keywordsItem);
  const status = useStorageItem(checkStatusItem);
  const unread = useLiveQuery(() => unreadCountsByKeyword(getDb()), [], new Map<string, number>());
  const states = useLiveQuery(() => getDb().keywordStates.toArray(), [], []);
  const selectedId = usePopupStore((s) => s.selectedKeywordId);
  const selectKeyword = usePopupStore((s) => s.selectKeyword);

  if (keywords === undefined) return null;
  const selected = keywords.find((k) => k.id === selectedId) ?? keywords[0];
  return (
    <main className="popup">
      <StatusHeader
        status={status}
        canCheck={keywords.length > 0}
        onCheckNow={() => void sendMessage('checkNow')}
        onOpenOptions={openOptions}
      />
      {selected ? (
        <>
          <KeywordTabs keywords={keywords} selectedId={selected.id} unread={unread} onSelect={selectKeyword} />
          <PaperList keywordId={selected.id} state={states.find((s) => s.keywordId === selected.id)} />
        </>
      ) : (
        <section className="first-run">
          <p>Daily Papers checks arXiv for new papers on your topics and lists them here.</p>
          <button type="button" onClick={openOptions}>
            Add your first keyword
          </button>
        </section>
      )}
    </main>
  );
}
