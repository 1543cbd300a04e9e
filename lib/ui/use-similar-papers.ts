import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../db/app-db';
import { present } from '../db/paper-queries';
import type { PaperRecord } from '../db/schema';
import { sendMessage } from '../messaging/protocol';
import type { SimilarResult } from '../ranking/similar-papers';

export interface SimilarPapersState {
  /** The closest papers, best first, live (a paper saved or read here updates); undefined while the worker works. */
  papers?: PaperRecord[];
  /** Why there is no list. */
  message?: string;
}

/**
 * "More like this": the worker finds the closest papers (it holds the vectors; the popup's main
 * thread never computes them), and the papers are then read live from the database.
 */
export function useSimilarPapers(paperId: string | undefined): SimilarPapersState {
  const [result, setResult] = useState<{ paperId: string; result: SimilarResult }>();
  useEffect(() => {
    if (paperId === undefined) return;
    let current = true;
    sendMessage('similarPapers', { paperId }).then(
      (answer) => current && setResult({ paperId, result: answer }),
      () => current && setResult({ paperId, result: { ok: false, message: 'The background worker did not answer.' } }),
    );
    return () => {
      current = false;
    };
  }, [paperId]);
  const answer = result?.paperId === paperId ? result?.result : undefined;
  const ids = answer?.ok ? answer.ids.join('\n') : undefined;
  const papers = useLiveQuery(
    async () =>
      ids === undefined
        ? undefined
        : (await present(getDb(), ids ? ids.split('\n') : [])).filter((p) => p.hiddenAt === undefined),
    [ids],
  );
  if (answer && !answer.ok) return { message: answer.message };
  return { papers };
}
