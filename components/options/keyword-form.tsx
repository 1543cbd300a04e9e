import { useId, useState, type FormEvent } from 'react';
import { buildKeywordQuery } from '../../lib/arxiv/keyword-query';
import { createKeyword, validateKeyword, type Keyword } from '../../lib/keywords/keyword';
import { describeStorageError } from '../../lib/settings/sync-storage';

interface KeywordFormProps {
  keywords: readonly Keyword[];
  onAdd: (keyword: Keyword) => Promise<void>;
}

/**
 * Adds a keyword (Enter or the button): a phrase searched in titles and abstracts. Bad input gets
 * a specific inline message, and nothing is saved that arXiv would reject.
 */
export function KeywordForm({ keywords, onAdd }: KeywordFormProps) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  const inputId = useId();
  const messageId = useId();
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateKeyword(text, keywords);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    const keyword = createKeyword(result.text);
    const query = buildKeywordQuery(keyword);
    if (!query.ok) {
      setMessage(query.message);
      return;
    }
    try {
      await onAdd(keyword);
      setText('');
      setMessage(undefined);
    } catch (error) {
      // Typically sync storage being full or unavailable: keep what the user typed.
      setMessage(describeStorageError(error, 'your keywords'));
    }
  }

  return (
    <form className="keyword-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={inputId}>New keyword</label>
      <div className="keyword-form-row">
        <input
          id={inputId}
          type="text"
          value={text}
          placeholder="e.g. diffusion model"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${messageId} ${hintId}` : hintId}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(undefined);
          }}
        />
        <button type="submit">Add</button>
      </div>
      <p id={hintId} className="hint">
        Searched as a phrase in titles and abstracts. Use Edit to add more terms, categories or exclusions.
      </p>
      {message && (
        <p id={messageId} className="field-error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
