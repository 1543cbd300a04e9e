import { addKeyword, keywordsItem, removeKeyword } from '../../lib/keywords/keyword-store';
import { useStorageItem } from '../../lib/ui/use-storage-item';
import { KeywordForm } from './keyword-form';

/** The options page: the keywords to watch. */
export function OptionsApp() {
  const keywords = useStorageItem(keywordsItem);
  if (keywords === undefined) return null;
  return (
    <main className="options">
      <h1>Daily Papers</h1>
      <p className="lead">
        Each keyword is searched as a phrase in the titles and abstracts of new arXiv papers. New matches show up in the
        toolbar popup, with a notification.
      </p>
      <section aria-labelledby="keywords-heading">
        <h2 id="keywords-heading">Keywords</h2>
        <KeywordForm keywords={keywords} onAdd={addKeyword} />
        {keywords.length === 0 ? (
          <p className="empty">No keywords yet.</p>
        ) : (
          <ul className="keyword-list" aria-label="Your keywords">
            {keywords.map((keyword) => (
              <li key={keyword.id}>
                <span className="keyword-text">{keyword.label}</span>
                <button
                  type="button"
                  aria-label={`Remove ${keyword.label}`}
                  onClick={() => void removeKeyword(keyword.id)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
