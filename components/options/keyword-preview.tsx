import { useState } from 'react';
import { abstractUrl, isArxivId } from '../../lib/arxiv/ids';
import { buildKeywordQuery } from '../../lib/arxiv/keyword-query';
import { sendMessage, type KeywordQueryFields, type PreviewResult } from '../../lib/messaging/protocol';
import { isoDay, shortAuthors } from '../../lib/ui/format';

type PreviewState =
  { status: 'idle' } | { status: 'asking' } | { status: 'done'; tested: string; result: PreviewResult };

/**
 * "Test": how many papers the definition being edited matches, and the five newest. The worker
 * asks arXiv, through the same queue as the checks, so testing never breaks arXiv's rate limit.
 */
export function KeywordPreview({ fields }: { fields: KeywordQueryFields }) {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const current = JSON.stringify(fields);

  async function test() {
    const built = buildKeywordQuery(fields);
    if (!built.ok) {
      setState({ status: 'done', tested: current, result: { ok: false, message: built.message } });
      return;
    }
    setState({ status: 'asking' });
    let result: PreviewResult;
    try {
      result = await sendMessage('previewKeyword', fields);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result = { ok: false, message: `The extension's background worker did not answer (${reason}). Try again.` };
    }
    setState({ status: 'done', tested: current, result });
  }

  // Results of an earlier version of the definition would mislead: they go as soon as it changes.
  const result = state.status === 'done' && state.tested === current ? state.result : undefined;
  return (
    <div className="preview">
      <div className="preview-bar">
        <button type="button" onClick={() => void test()} disabled={state.status === 'asking'}>
          Test
        </button>
        <span className="hint">See how many papers match, and the five newest.</span>
      </div>
      <div className="preview-result" aria-live="polite">
        {state.status === 'asking' && (
          <p className="hint">Asking arXiv… (requests wait their turn, at least 3 seconds apart)</p>
        )}
        {result?.ok === false && (
          <p className="field-error" role="alert">
            {result.message}
          </p>
        )}
        {result?.ok && <PreviewPapers total={result.total} papers={result.papers} />}
      </div>
    </div>
  );
}

function PreviewPapers({ total, papers }: Pick<Extract<PreviewResult, { ok: true }>, 'total' | 'papers'>) {
  if (total === 0 || papers.length === 0) {
    return (
      <p>
        No papers match. Check the spelling; if you expected matches, try again later (arXiv sometimes answers with an
        empty list for a few minutes).
      </p>
    );
  }
  return (
    <>
      <p>
        {total.toLocaleString('en')} {total === 1 ? 'paper matches' : 'papers match'}. The newest:
      </p>
      <ol className="preview-papers">
        {papers.map((paper) => (
          <li key={paper.id}>
            {isArxivId(paper.id) ? (
              <a href={abstractUrl(paper.id)} target="_blank" rel="noreferrer">
                {paper.title}
              </a>
            ) : (
              paper.title
            )}
            <span className="hint">
              {' '}
              · {isoDay(paper.published)} · {shortAuthors(paper.authors.map((author) => author.name))}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
