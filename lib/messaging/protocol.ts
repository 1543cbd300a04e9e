import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ArxivEntry } from '../arxiv/types';
import type { Keyword } from '../keywords/keyword';
import type { SimilarResult } from '../ranking/similar-papers';

/** What the options page's "Test" button shows for a keyword being edited. */
export type PreviewResult = { ok: true; total: number; papers: ArxivEntry[] } | { ok: false; message: string };

/** The parts of a keyword that decide its arXiv query. */
export type KeywordQueryFields = Pick<Keyword, 'terms' | 'field' | 'categories' | 'exclude' | 'rawQuery'>;

/** Every message between the pages and the worker, typed in one place. */
interface ProtocolMap {
  /** Start a check of every keyword now (joins a running one). */
  checkNow(): { started: boolean };
  /**
   * Count and five newest papers for a keyword definition, fetched by the worker through the
   * same polite queue as every other arXiv request.
   */
  previewKeyword(keyword: KeywordQueryFields): PreviewResult;
  /** The user labelled papers (save, "Not interested", undo, import, reset): retrain soon. */
  labelsChanged(): void;
  /** "More like this": the stored papers closest to this one, computed in the worker. */
  similarPapers(request: { paperId: string }): SimilarResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
