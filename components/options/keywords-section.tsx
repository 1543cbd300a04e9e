import { useState } from 'react';
import type { Keyword } from '../../lib/keywords/keyword';
import { addKeyword } from '../../lib/keywords/keyword-store';
import { ExampleKeywords } from './example-keywords';
import { KeywordForm } from './keyword-form';
import { KeywordList } from './keyword-list';
import { KeywordRoomLine } from './keyword-room';
import { KEYWORDS_HEADING_ID, usePendingDelete } from './use-pending-delete';

interface KeywordsSectionProps {
  keywords: readonly Keyword[];
  /** The welcome panel shows the examples already; they are not offered twice. */
  welcomeShown: boolean;
  /** How long "Undo" is offered after a removal (shorter in tests). */
  undoMs?: number;
}

/** The keywords to watch: quick add, the list, and examples while it is empty. */
export function KeywordsSection({ keywords, welcomeShown, undoMs }: KeywordsSectionProps) {
  const [error, setError] = useState<string>();
  const deletion = usePendingDelete(keywords, setError, undoMs);
  return (
    <section className="panel" aria-labelledby={KEYWORDS_HEADING_ID}>
      <h2 id={KEYWORDS_HEADING_ID} tabIndex={-1}>
        Keywords
      </h2>
      {/* A keyword being removed no longer counts: typing it again must not be "already in your list". */}
      <KeywordForm
        keywords={deletion.visible}
        onAdd={async (keyword) => {
          // Typed in again, the label replaces the removed keyword: undoing would make two of them.
          const again = deletion.pending?.label.toLocaleLowerCase() === keyword.label.toLocaleLowerCase();
          if (again) await deletion.settle();
          await addKeyword(keyword);
        }}
      />
      <KeywordRoomLine keywords={keywords} />
      {deletion.visible.length === 0 && (
        <div className="empty">
          <p>No keywords yet.</p>
          {!welcomeShown && (
            <>
              <p>Start with one of these:</p>
              <ExampleKeywords keywords={keywords} />
            </>
          )}
        </div>
      )}
      <KeywordList keywords={keywords} deletion={deletion} error={error} onError={setError} />
    </section>
  );
}
