import { createKeyword } from '../../lib/keywords/keyword';
import { addKeyword } from '../../lib/keywords/keyword-store';

/** Starting points across arXiv's main areas; one click adds one. */
export const EXAMPLE_KEYWORDS = [
  'large language models',
  'graph neural networks',
  'quantum error correction',
  'dark matter',
  'optimal transport',
];

interface FirstRunProps {
  onOpenOptions: () => void;
  onAdded: (keywordId: string) => void;
}

/** The popup before any keyword exists: what the extension does and two ways to start. */
export function FirstRun({ onOpenOptions, onAdded }: FirstRunProps) {
  const add = async (text: string) => {
    const keyword = createKeyword(text);
    await addKeyword(keyword);
    onAdded(keyword.id);
  };
  return (
    <section className="first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Follow a topic</h2>
      <p>
        Daily Papers watches arXiv for the topics you choose and lists new papers here after each announcement, with a
        notification. No account and no server: your keywords and papers stay in your browser.
      </p>
      <button type="button" className="primary" onClick={onOpenOptions}>
        Add your first keyword
      </button>
      <p className="first-run-examples-label">Or start with an example:</p>
      <ul className="first-run-examples">
        {EXAMPLE_KEYWORDS.map((text) => (
          <li key={text}>
            <button type="button" aria-label={`Add example keyword ${text}`} onClick={() => void add(text)}>
              + {text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
