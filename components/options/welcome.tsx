import type { Keyword } from '../../lib/keywords/keyword';
import { ExampleKeywords } from './example-keywords';

interface WelcomeProps {
  keywords: readonly Keyword[];
  onDismiss: () => void;
}

/** Shown after installation: what the extension does, and keywords to start with. */
export function Welcome({ keywords, onDismiss }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Daily Papers</h2>
      <p>
        Daily Papers watches arXiv for new papers on the topics you choose. After each of arXiv's announcements (Sunday
        to Thursday evenings, New York time) it looks for new matches, shows a notification, and lists them in the
        toolbar popup, unread first. Everything stays in your browser; the only requests go to arXiv, one at a time.
      </p>
      <p>Type a keyword of your own below, or start with one of these; its first papers arrive within a minute.</p>
      <ExampleKeywords keywords={keywords} />
      <button type="button" onClick={onDismiss}>
        Got it
      </button>
    </section>
  );
}
