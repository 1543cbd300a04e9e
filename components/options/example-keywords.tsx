import { useState } from 'react';
import type { Keyword } from '../../lib/keywords/keyword';
import { addKeyword } from '../../lib/keywords/keyword-store';
import { EXAMPLE_KEYWORDS, keywordFromExample } from '../../lib/onboarding/examples';
import { describeStorageError } from '../../lib/settings/sync-storage';

/**
 * Example keywords, one click each. Adding one stores it, and the worker, which watches the list,
 * starts its first check right away.
 */
export function ExampleKeywords({ keywords }: { keywords: readonly Keyword[] }) {
  const [error, setError] = useState<string>();
  const have = new Set(keywords.map((k) => k.label.toLocaleLowerCase()));
  return (
    <>
      <ul className="examples" aria-label="Example keywords">
        {EXAMPLE_KEYWORDS.map((example) => {
          const added = have.has(example.label.toLocaleLowerCase());
          // The name holds all the visible text, categories too, so that speech input can use it (WCAG 2.5.3).
          const shown = example.categories ? `${example.label} in ${example.categories.join(', ')}` : example.label;
          return (
            <li key={example.label}>
              <button
                type="button"
                disabled={added}
                aria-label={added ? `${shown} (added)` : `Add example keyword ${shown}`}
                onClick={() =>
                  void addKeyword(keywordFromExample(example)).then(
                    () => setError(undefined),
                    (failure: unknown) => setError(describeStorageError(failure, 'your keywords')),
                  )
                }
              >
                {added ? '✓ ' : '+ '}
                {example.label}
                {example.categories && <span className="chip-name"> in {example.categories.join(', ')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
