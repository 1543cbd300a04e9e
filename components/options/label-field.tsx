interface LabelFieldProps {
  idBase: string;
  value: string;
  error?: string;
  onChange: (label: string) => void;
}

/** A keyword's name, as shown in the popup, notifications and exports. */
export function LabelField({ idBase, value, error, onChange }: LabelFieldProps) {
  const id = `${idBase}-label`;
  return (
    <div className="label-field">
      <label htmlFor={id}>Label</label>
      <input
        id={id}
        type="text"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        The name shown in the popup, notifications and exports.
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
