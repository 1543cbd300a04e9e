import { focusLater } from './focus';

interface ExcludeFieldProps {
  idBase: string;
  exclude: readonly string[];
  error?: string;
  onChange: (exclude: string[]) => void;
}

/** Phrases that rule a paper out (searched in the same place as the terms). */
export function ExcludeField({ idBase, exclude, error, onChange }: ExcludeFieldProps) {
  const errorId = `${idBase}-exclude-error`;
  return (
    <fieldset className="list-field">
      <legend>Excluded terms</legend>
      <p className="hint">Papers containing any of these phrases are left out, e.g. “survey”.</p>
      {exclude.map((text, index) => (
        <div className="list-row" key={index}>
          <input
            id={`${idBase}-exclude-${index}`}
            type="text"
            aria-label={`Excluded term ${index + 1}`}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(exclude.map((old, i) => (i === index ? e.target.value : old)))}
          />
          <button
            type="button"
            aria-label={`Remove excluded term ${index + 1}`}
            onClick={() => onChange(exclude.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          onChange([...exclude, '']);
          focusLater(`${idBase}-exclude-${exclude.length}`);
        }}
      >
        Add an excluded term
      </button>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
