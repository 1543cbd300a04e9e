import type { KeywordTerm } from '../../lib/keywords/keyword';
import { focusLater } from './focus';

interface TermsFieldProps {
  /** Prefix of the inputs' ids, so the editor can move focus to the first term. */
  idBase: string;
  terms: readonly KeywordTerm[];
  error?: string;
  onChange: (terms: KeywordTerm[]) => void;
}

/** The terms a keyword searches for, each a phrase or loose words; any of them may match. */
export function TermsField({ idBase, terms, error, onChange }: TermsFieldProps) {
  const errorId = `${idBase}-terms-error`;
  const set = (index: number, patch: Partial<KeywordTerm>) =>
    onChange(terms.map((term, i) => (i === index ? { ...term, ...patch } : term)));

  return (
    <fieldset className="list-field">
      <legend>Terms</legend>
      <p className="hint">
        A paper matches when any term matches. A phrase must appear word for word; “all words” finds the words in any
        order.
      </p>
      {terms.map((term, index) => (
        // Rows have no identity of their own; the index is what the labels say too.
        <div className="list-row" key={index}>
          <input
            id={`${idBase}-term-${index}`}
            type="text"
            aria-label={`Term ${index + 1}`}
            value={term.text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => set(index, { text: e.target.value })}
          />
          <select
            aria-label={`Term ${index + 1} matches`}
            value={term.mode}
            onChange={(e) => set(index, { mode: e.target.value === 'words' ? 'words' : 'phrase' })}
          >
            <option value="phrase">as a phrase</option>
            <option value="words">all words, any order</option>
          </select>
          <button
            type="button"
            aria-label={`Remove term ${index + 1}`}
            disabled={terms.length === 1}
            onClick={() => onChange(terms.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          onChange([...terms, { text: '', mode: 'phrase' }]);
          focusLater(`${idBase}-term-${terms.length}`);
        }}
      >
        Add a term
      </button>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
