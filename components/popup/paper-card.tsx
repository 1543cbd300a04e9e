import { abstractUrl, doiUrl, pdfUrl } from '../../lib/arxiv/ids';
import type { PaperRecord } from '../../lib/db/schema';
import { isoDay, shortAuthors } from '../../lib/ui/format';
import { usePopupStore } from '../../lib/ui/popup-store';
import { openHandlers } from './open-handlers';
import { PaperButtons, type HiddenAction } from './paper-buttons';
import { PaperGlance } from './paper-glance';
import { RichText } from './rich-text';

interface PaperCardProps {
  paper: PaperRecord;
  /** Terms of the paper's keyword(s) to highlight in title and abstract. */
  pattern?: RegExp;
  /** Keyword labels shown in lists that mix keywords ("All new", "Saved"). */
  keywordLabels?: readonly string[];
  /** The ranking's reason: the paper's strongest terms shared with the saved papers. */
  why?: readonly string[];
  expanded: boolean;
  /** The card the keyboard acts on: the one reached with Tab. */
  tabbable: boolean;
  onToggleAbstract: () => void;
  /** "Not interested", or "Restore" in "Hidden". */
  hiddenAction: HiddenAction;
  onHiddenAction: () => void;
  onFocus: () => void;
}

/**
 * One paper. Feed text is rendered as React text (TeX through KaTeX only), and every link is built
 * from the validated id or DOI, or is a code link that passed codeLinks' checks (see PaperGlance).
 */
export function PaperCard(props: PaperCardProps) {
  const { paper, pattern, keywordLabels, why, expanded, tabbable } = props;
  const { onToggleAbstract, hiddenAction, onHiddenAction, onFocus } = props;
  const unread = paper.read === 0;
  const abstractId = `abstract-${paper.id}`;
  const abs = abstractUrl(paper.id);
  const doi = paper.doi ? doiUrl(paper.doi) : undefined;
  const names = paper.authors.map((a) => a.name);
  return (
    <article
      className={unread ? 'paper unread' : 'paper'}
      data-paper-id={paper.id}
      aria-label={paper.title}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
    >
      <h2 className="paper-title">
        {unread && <span className="unread-dot" role="img" aria-label="Unread" />}
        <a href={abs} target="_blank" rel="noreferrer" {...openHandlers(paper, abs)}>
          <RichText text={paper.title} pattern={pattern} />
        </a>
      </h2>
      <p className="paper-authors" title={names.length > 3 ? names.join(', ') : undefined}>
        {shortAuthors(names)}
      </p>
      <p className="paper-meta">
        <time dateTime={paper.published}>{isoDay(paper.published)}</time>
        {paper.version > 1 && <span className="paper-version"> · updated v{paper.version}</span>}
        {paper.primaryCategory && <span className="paper-category"> · {paper.primaryCategory}</span>}
        {keywordLabels && keywordLabels.length > 0 && (
          <span className="paper-keywords" title={keywordLabels.join(', ')}>
            {' · '}
            {keywordLabels.slice(0, 2).join(', ')}
            {keywordLabels.length > 2 && ` +${keywordLabels.length - 2}`}
          </span>
        )}
      </p>
      <PaperGlance paper={paper} />
      {paper.comment && <p className="paper-comment">{paper.comment}</p>}
      {why && why.length > 0 && <p className="paper-why">Like your saved papers: {why.join(' · ')}</p>}
      <div className="paper-actions">
        <button type="button" aria-expanded={expanded} aria-controls={abstractId} onClick={onToggleAbstract}>
          {expanded ? 'Hide abstract' : 'Show abstract'}
        </button>
        <a href={abs} target="_blank" rel="noreferrer" aria-label="arXiv abstract page" {...openHandlers(paper, abs)}>
          arXiv
        </a>
        <a href={pdfUrl(paper.id)} target="_blank" rel="noreferrer" {...openHandlers(paper, pdfUrl(paper.id))}>
          PDF
        </a>
        {doi && (
          <a href={doi} target="_blank" rel="noreferrer" {...openHandlers(paper, doi)}>
            DOI
          </a>
        )}
        {/* The class is how the list finds this button again on the way back from the view it opens. */}
        <button
          type="button"
          className="more-like-this"
          onClick={() => usePopupStore.getState().showSimilar({ id: paper.id, title: paper.title })}
        >
          More like this
        </button>
        <PaperButtons paper={paper} hiddenAction={hiddenAction} onHiddenAction={onHiddenAction} />
      </div>
      <p id={abstractId} className="paper-abstract" hidden={!expanded}>
        {expanded && <RichText text={paper.summary} pattern={pattern} allowDisplay />}
      </p>
    </article>
  );
}
