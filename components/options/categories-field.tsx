import { useId } from 'react';
import { ARXIV_CATEGORIES, categoryName } from '../../lib/arxiv/categories';

interface CategoriesFieldProps {
  idBase: string;
  categories: readonly string[];
  /** What is typed in the box but not added yet (the editor adds it on save). */
  input: string;
  error?: string;
  onInput: (text: string) => void;
  /** Adds the typed category; the editor checks it against arXiv's list. */
  onAdd: () => void;
  onRemove: (category: string) => void;
}

/** The arXiv categories a keyword is limited to, with suggestions from arXiv's own list. */
export function CategoriesField({ idBase, categories, input, error, onInput, onAdd, onRemove }: CategoriesFieldProps) {
  const listId = useId();
  const inputId = `${idBase}-category`;
  const hintId = `${idBase}-category-hint`;
  const errorId = `${idBase}-category-error`;
  return (
    <div className="categories-field">
      <label htmlFor={inputId}>Categories</label>
      <p id={hintId} className="hint">
        Only papers in any of these arXiv categories. None means every category.
      </p>
      {categories.length > 0 && (
        <ul className="chips" aria-label="Chosen categories">
          {categories.map((category) => (
            <li key={category} className="chip">
              <span>{category}</span> <span className="chip-name">{categoryName(category)}</span>
              <button type="button" aria-label={`Remove category ${category}`} onClick={() => onRemove(category)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-row">
        <input
          id={inputId}
          type="text"
          list={listId}
          value={input}
          placeholder="e.g. cs.CL"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(e) => onInput(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the category instead of submitting the whole editor.
            if (e.key === 'Enter') {
              e.preventDefault();
              onAdd();
            }
          }}
        />
        <button type="button" onClick={onAdd}>
          Add category
        </button>
      </div>
      <datalist id={listId}>
        {ARXIV_CATEGORIES.map((category) => (
          <option key={category.id} value={category.id} label={category.name} />
        ))}
      </datalist>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
