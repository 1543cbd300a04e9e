import { abstractUrl, doiUrl, pdfUrl } from '../../lib/arxiv/ids';
import type { PaperRecord } from '../../lib/db/schema';
import { isoDay, shortAuthors } from '../../lib/ui/format';

interface PaperCardProps {
  paper: PaperRecord;
  expanded: boolean;
  onToggleAbstract: () => void;
  onOpen: () => void;
}

/**
 * One paper. Everything from the feed is rendered as React text (never as HTML), and every
 * link is built from the validated id or DOI, not taken from the feed.
 */
export function PaperCard({ paper, expanded, onToggleAbstract, onOpen }: PaperCardProps) {
  const unread = paper.read === 0;
  const abstractId = `abstract-${paper.id}`;
  const doi = paper.doi ? doiUrl(paper.doi) : undefined;
  return (
    <article className={unread ? 'paper unread' : 'paper'} data-paper-id={paper.id} aria-label={paper.title}>
      <h3 className="paper-title">
        {unread && (
          <span className="unread-dot" role="img" aria-label="Unread">
            ●
          </span>
        )}
        <a href={abstractUrl(paper.id)} target="_blank" rel="noreferrer" onClick={onOpen} onAuxClick={onOpen}>
          {paper.title}
        </a>
      </h3>
      <p className="paper-authors">{shortAuthors(paper.authors.map((a) => a.name))}</p>
      <p className="paper-meta">
        <time dateTime={paper.published}>{isoDay(paper.published)}</time>
        {paper.version > 1 && <span className="paper-version"> · updated v{paper.version}</span>}
        {paper.primaryCategory && <span className="paper-category"> · {paper.primaryCategory}</span>}
      </p>
      {paper.comment && <p className="paper-comment">{paper.comment}</p>}
      <div className="paper-actions">
        <button type="button" aria-expanded={expanded} aria-controls={abstractId} onClick={onToggleAbstract}>
          {expanded ? 'Hide abstract' : 'Show abstract'}
        </button>
        <a href={pdfUrl(paper.id)} target="_blank" rel="noreferrer" onClick={onOpen}>
          PDF
        </a>
        {doi && (
          <a href={doi} target="_blank" rel="noreferrer">
            DOI
          </a>
        )}
      </div>
      <p id={abstractId} className="paper-abstract" hidden={!expanded}>
        {paper.summary}
      </p>
    </article>
  );
}
