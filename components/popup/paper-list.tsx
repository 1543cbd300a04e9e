import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/app-db';
import { papersForKeyword, setRead } from '../../lib/db/papers';
import type { KeywordStateRecord } from '../../lib/db/schema';
import { refreshBadge } from '../../lib/notify/badge';
import { usePopupStore } from '../../lib/ui/popup-store';
import { PaperCard } from './paper-card';

interface PaperListProps {
  keywordId: string;
  state: KeywordStateRecord | undefined;
}

async function markRead(paperId: string): Promise<void> {
  const db = getDb();
  await setRead(db, paperId, true);
  await refreshBadge(db);
}

/** The papers of one keyword, unread first, newest first within each group. */
export function PaperList({ keywordId, state }: PaperListProps) {
  const papers = useLiveQuery(() => papersForKeyword(getDb(), keywordId), [keywordId]);
  const expanded = usePopupStore((s) => s.expanded);
  const toggleExpanded = usePopupStore((s) => s.toggleExpanded);

  if (papers === undefined) return null;
  const error = state?.lastError && (
    <p className="keyword-error" role="alert">
      {state.lastError}
    </p>
  );
  if (papers.length === 0) {
    return (
      <section className="paper-list" aria-label="Papers">
        {error}
        <p className="empty">
          {state?.initialized
            ? 'arXiv has no papers for this keyword yet.'
            : 'Waiting for the first check of this keyword…'}
        </p>
      </section>
    );
  }
  const ordered = [...papers.filter((p) => p.read === 0), ...papers.filter((p) => p.read === 1)];
  return (
    <section className="paper-list" aria-label="Papers">
      {error}
      {ordered.map((paper) => (
        <PaperCard
          key={paper.id}
          paper={paper}
          expanded={expanded[paper.id] ?? false}
          onToggleAbstract={() => toggleExpanded(paper.id)}
          onOpen={() => void markRead(paper.id)}
        />
      ))}
    </section>
  );
}
