import type { MouseEvent } from 'react';
import type { PaperRecord } from '../../lib/db/schema';
import { openPaper, setPaperRead } from '../../lib/ui/paper-actions';

/**
 * Opening a link of a paper marks it read. A plain click opens the tab itself (after the write, so
 * a closing popup cannot cut it off); a middle or modified click is left to the browser.
 * `url` must be a link the extension built or validated, never raw feed text.
 */
export function openHandlers(paper: PaperRecord, url: string) {
  return {
    onClick: (event: MouseEvent) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        if (paper.read === 0) void setPaperRead(paper, true);
        return;
      }
      event.preventDefault();
      void openPaper(paper, url);
    },
    onAuxClick: (event: MouseEvent) => {
      if (event.button === 1 && paper.read === 0) void setPaperRead(paper, true);
    },
  };
}
