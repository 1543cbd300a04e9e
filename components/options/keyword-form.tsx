import { useId, useState, type FormEvent } from 'react';
import { createKeyword, validateKeyword, type Keyword } from '../../lib/keywords/keyword';

interface KeywordFormProps {
  keywords: readonly Keyword[];
  onAdd: (keyword: Keyword) => Promise<void>;
}

/** Adds a keyword (Enter or the button) with a specific inline message for bad input. */
export function KeywordForm({ keywords, onAdd }: KeywordFormProps) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  const inputId = useId();
  const messageId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateKeyword(text, keywords);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    try {
      await onAdd(createKeyword(result.text));
      setText('');
      setMessage(undefined);
    } catch (error) {
      // Typically sync storage being full or unavailable: keep what the user typed.
      setMessage(`Could not save the keyword: ${error instanceof Error ? error.message : String(error)}`);
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
          aria-describedby={message ? messageId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(undefined);
          }}
        />
        <button type="submit">Add</button>
      </div>
      {message && (
        <p id={messageId} className="field-error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
