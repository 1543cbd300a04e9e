import { useMemo } from 'react';
import { codeLinks, describeCodeLink } from '../../lib/arxiv/code-links';
import { venueOf } from '../../lib/arxiv/venue';
import type { PaperRecord } from '../../lib/db/schema';
import { openHandlers } from './open-handlers';

/**
 * A paper's venue and code at a glance: a badge when it was accepted or published, and links to
 * its code. The links are the validated ones of codeLinks, the only feed links the popup opens.
 */
export function PaperGlance({ paper }: { paper: PaperRecord }) {
  const { comment, journalRef, summary } = paper;
  const venue = useMemo(() => venueOf({ comment, journalRef }), [comment, journalRef]);
  const links = useMemo(() => codeLinks({ comment, summary }), [comment, summary]);
  if (!venue && links.length === 0) return null;
  return (
    <p className="paper-glance">
      {venue && (
        <span className="venue-badge">
          <span className="visually-hidden">Venue: </span>
          {venue}
        </span>
      )}
      {links.map((url) => {
        const { text, label } = describeCodeLink(url);
        return (
          <a
            key={url}
            className="code-link"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={label}
            title={url.length > `https://${text}`.length ? url : undefined}
            {...openHandlers(paper, url)}
          >
            {text}
          </a>
        );
      })}
    </p>
  );
}
