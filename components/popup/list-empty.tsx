import type { RankingStatus } from '../../lib/db/ranking';
import type { KeywordStateRecord } from '../../lib/db/schema';
import { MIN_POSITIVES } from '../../lib/ranking/ranker';
import type { Keyword } from '../../lib/keywords/keyword';
import type { ListKind } from './list-toolbar';

interface ListEmptyProps {
  kind: ListKind;
  keyword?: Keyword;
  state?: KeywordStateRecord;
  query: string;
  online: boolean;
  ranking?: RankingStatus;
}

/**
 * "For you" before it can rank: what to do, and how far the user is. Nothing is invented below
 * MIN_POSITIVES saved papers.
 */
export function coldStartMessage(ranking: RankingStatus | undefined): string | undefined {
  const positives = ranking?.positives ?? 0;
  if (positives < MIN_POSITIVES) {
    const left = MIN_POSITIVES - positives;
    const wanted = positives === 0 ? `at least ${left} papers` : `${left} more ${left === 1 ? 'paper' : 'papers'}`;
    return (
      `For you ranks your unread papers by what you save. Save ${wanted} you like (☆ Save, or the s key), ` +
      'and mark papers you do not want as Not interested (the x key).'
    );
  }
  if (ranking?.trainedAt === undefined) return `Learning from your ${positives} saved papers…`;
  return undefined;
}

/** Why a list is empty, honestly: nothing matches, nothing yet, or the first check failed. */
export function emptyMessage({ kind, keyword, state, query, online, ranking }: ListEmptyProps): string {
  if (query) {
    const where = {
      new: 'your unread papers',
      forYou: 'your unread papers',
      saved: 'your saved papers',
      hidden: 'your hidden papers',
      keyword: `“${keyword?.label}”`,
    }[kind];
    return `No paper in ${where} has “${query}” in its title, authors or abstract.`;
  }
  if (kind === 'forYou') return coldStartMessage(ranking) ?? 'All caught up: no unread papers.';
  if (kind === 'new') return 'All caught up: no unread papers.';
  if (kind === 'saved') {
    return 'No saved papers yet. Save a paper (☆ Save, or the s key) to keep it here; saved papers are never cleaned up.';
  }
  if (kind === 'hidden') {
    return 'No hidden papers. A paper you are not interested in (Not interested, or the x key) leaves every list and waits here, where you can restore it.';
  }
  if (keyword && !keyword.enabled) return 'This keyword is paused. Turn it back on in Settings to check it again.';
  if (state?.initialized) {
    return 'arXiv has no papers for this keyword yet. New ones will appear here after arXiv’s next announcement.';
  }
  if (state?.lastError)
    return 'The first check of this keyword failed (the reason is above); the next check will try again.';
  if (!online) return 'Not checked yet. The first check runs when you are back online.';
  return 'Not checked yet: the first check of this keyword will fill this list (Check now starts it).';
}

/** The empty state of a list. */
export function ListEmpty(props: ListEmptyProps) {
  return <p className="empty">{emptyMessage(props)}</p>;
}
